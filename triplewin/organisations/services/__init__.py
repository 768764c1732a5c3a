"""Writes for organisations and memberships."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.organisations.models import Membership, Organisation, Role

ORG_FIELDS = (
    "name",
    "org_type",
    "ods_code",
    "is_legal_entity",
    "system",
    "region",
    "address",
    "postcode",
    "website",
)


def role_label(role: str) -> str:
    """'a certification signatory': a role as it reads inside a sentence."""
    label = str(Role(role).label).lower() if role in Role.values else role
    return ("an " if label[:1] in "aeiou" else "a ") + label


@transaction.atomic
def organisation_create(
    *,
    actor: User | None,
    name: str,
    org_type: str,
    ods_code: str = "",
    is_legal_entity: bool = True,
    system: Organisation | None = None,
    region: str = "",
    address: str = "",
    postcode: str = "",
    website: str = "",
) -> Organisation:
    org = Organisation(
        name=name,
        org_type=org_type,
        ods_code=ods_code,
        is_legal_entity=is_legal_entity,
        system=system,
        region=region,
        address=address,
        postcode=postcode.strip().upper(),
        website=website,
    )
    org.full_clean()
    org.save()
    audit.record(
        actor=actor,
        action="organisation.created",
        obj=org,
        changes=audit.diff({}, audit.snapshot(org, ORG_FIELDS)),
    )
    return org


@transaction.atomic
def membership_create(
    *,
    actor: User | None,
    user: User,
    organisation: Organisation,
    role: str,
    function: str = "",
    job_title: str = "",
) -> Membership:
    if Membership.objects.filter(user=user, organisation=organisation, role=role).exists():
        raise ValidationError(
            {"role": f"{user.get_full_name() or user.email} is already {role_label(role)} here."}
        )
    membership = Membership(
        user=user, organisation=organisation, role=role, function=function, job_title=job_title
    )
    membership.full_clean()
    membership.save()
    audit.record(
        actor=actor,
        action="membership.created",
        obj=membership,
        changes={"role": [None, role], "function": [None, function]},
    )
    return membership
