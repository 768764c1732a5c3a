"""A new organisation asks to join; a platform administrator approves or rejects it (ADR 0033)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core import ods
from triplewin.organisations import access, emails
from triplewin.organisations.models import (
    NHS_TYPES,
    Invitation,
    JoinRequest,
    JoinStatus,
    Organisation,
    Role,
    Sector,
    sector_for,
)
from triplewin.organisations.services import organisation_create
from triplewin.organisations.services.invitations import invitation_create

ONLY_PLATFORM = "Only platform administrators decide requests to join."


def _check(request: JoinRequest) -> None:
    """The problems a platform administrator would otherwise find only on approving."""
    request.ods_code = ods.normalise(request.ods_code)
    problems: dict[str, str] = {}
    if Organisation.objects.filter(name__iexact=request.name.strip()).exists():
        problems["name"] = (
            f"{request.name} is already on Triple Win. Ask its organisation administrator to "
            "invite you."
        )
    if request.org_type in NHS_TYPES:
        problem = ods.validate(request.ods_code, request.org_type)
        if not request.ods_code:
            problem = "Enter the ODS code: every NHS organisation has one."
        elif not problem and Organisation.objects.filter(ods_code=request.ods_code).exists():
            problem = f"An organisation with the ODS code {request.ods_code} is already here."
        if problem:
            problems["ods_code"] = problem
    elif request.ods_code:
        problems["ods_code"] = "Only NHS organisations have ODS codes. Leave it empty."
    if sector_for(request.org_type) is Sector.INDUSTRY:
        if not request.requester_function:
            problems["requester_function"] = "Say which part of the company you work in."
    else:
        request.requester_function = ""
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def join_request_make(
    *,
    name: str,
    org_type: str,
    ods_code: str,
    is_legal_entity: bool,
    requester_name: str,
    requester_email: str,
    requester_function: str = "",
) -> JoinRequest:
    request = JoinRequest(
        name=name.strip(),
        org_type=org_type,
        ods_code=ods_code,
        is_legal_entity=is_legal_entity,
        requester_name=requester_name.strip(),
        requester_email=requester_email.strip(),
        requester_function=requester_function,
    )
    _check(request)
    request.full_clean()
    request.save()
    audit.record(
        actor=None,
        action="join_request.made",
        obj=request,
        changes={"name": [None, request.name], "org_type": [None, org_type]},
    )
    return request


def _lock_pending(actor: User, request: JoinRequest) -> JoinRequest:
    if not access.is_platform_administrator(actor):
        raise PermissionDenied(ONLY_PLATFORM)
    locked = JoinRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status != JoinStatus.PENDING:
        raise ValidationError(f"This request was already {locked.get_status_display().lower()}.")
    return locked


@transaction.atomic
def join_request_approve(*, actor: User, request: JoinRequest) -> tuple[Organisation, Invitation]:
    """Create the organisation and invite the person who asked as its administrator."""
    locked = _lock_pending(actor, request)
    _check(locked)
    organisation = organisation_create(
        actor=actor,
        name=locked.name,
        org_type=locked.org_type,
        ods_code=locked.ods_code,
        is_legal_entity=locked.is_legal_entity,
    )
    invitation, _ = invitation_create(
        actor=actor,
        organisation=organisation,
        email=locked.requester_email,
        role=Role.ORGANISATION_ADMINISTRATOR,
        function=locked.requester_function,
    )
    locked.status = JoinStatus.APPROVED
    locked.decided_by, locked.decided_at = actor, timezone.now()
    locked.organisation = organisation
    locked.save()
    audit.record(
        actor=actor,
        action="join_request.approved",
        obj=locked,
        changes={"status": [JoinStatus.PENDING, JoinStatus.APPROVED]},
    )
    return organisation, invitation


@transaction.atomic
def join_request_reject(*, actor: User, request: JoinRequest, reason: str) -> JoinRequest:
    locked = _lock_pending(actor, request)
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason, so the person who asked can act on it."})
    locked.status = JoinStatus.REJECTED
    locked.decided_by, locked.decided_at = actor, timezone.now()
    locked.reason = reason.strip()
    locked.save()
    audit.record(
        actor=actor,
        action="join_request.rejected",
        obj=locked,
        changes={"status": [JoinStatus.PENDING, JoinStatus.REJECTED], "reason": [None, reason]},
    )
    emails.deliver(emails.join_rejected(locked))
    return locked
