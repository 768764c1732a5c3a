"""Writes for organisations' identity providers and verified domains, each audited.

A client secret is never written to the audit trail: only that it was set, and where from.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from triplewin.accounts.models import IdentityProvider, VerifiedDomain
from triplewin.audit import services as audit
from triplewin.organisations.models import Organisation

PROVIDER_FIELDS = (
    "organisation",
    "slug",
    "name",
    "issuer",
    "client_id",
    "client_secret_env",
    "enabled",
)


def secret_changes(before: str, after: str) -> audit.Changes:
    if before == after:
        return {}
    return {"client_secret": ["(set)" if before else None, "(set)" if after else None]}


def provider_audit(
    *, actor: User | None, provider: IdentityProvider, before: dict[str, object], secret_before: str
) -> None:
    changes = audit.diff(before, audit.snapshot(provider, PROVIDER_FIELDS))
    changes.update(secret_changes(secret_before, provider.client_secret))
    action = "identity_provider.changed" if before else "identity_provider.created"
    audit.record(actor=actor, action=action, obj=provider, changes=changes)


@transaction.atomic
def identity_provider_create(
    *,
    actor: User | None,
    organisation: Organisation,
    slug: str,
    name: str,
    issuer: str,
    client_id: str,
    client_secret: str = "",
    client_secret_env: str = "",
    enabled: bool = True,
) -> IdentityProvider:
    provider = IdentityProvider(
        organisation=organisation,
        slug=slug,
        name=name,
        issuer=issuer.rstrip("/"),
        client_id=client_id,
        client_secret=client_secret,
        client_secret_env=client_secret_env,
        enabled=enabled,
    )
    provider.full_clean()
    provider.save()
    provider_audit(actor=actor, provider=provider, before={}, secret_before="")
    return provider


@transaction.atomic
def verified_domain_create(
    *, actor: User | None, organisation: Organisation, domain: str, allow_account_creation: bool
) -> VerifiedDomain:
    verified = VerifiedDomain(
        organisation=organisation,
        domain=domain.strip().lower(),
        allow_account_creation=allow_account_creation,
    )
    verified.full_clean()
    verified.save()
    audit.record(
        actor=actor,
        action="verified_domain.created",
        obj=verified,
        changes={
            "domain": [None, verified.domain],
            "allow_account_creation": [None, allow_account_creation],
        },
    )
    return verified
