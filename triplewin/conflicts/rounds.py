"""Yearly declaration rounds: opening one, where each person stands, and its emails.

The rules (who is in scope, the due date, the reminders, what reaches the public) are plain
Python in `triplewin.core.declaration_rounds`. A person completes a round on their own
register, by declaring an interest, confirming their register, or making a nil return: the
round adds no second way of declaring.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.conflicts.models import (
    Declaration,
    DeclarationRound,
    NilReturn,
    PublicWithholding,
    RegisterConfirmation,
    RoundEmail,
    RoundMember,
)
from triplewin.core import declaration_rounds as rules
from triplewin.core.dates import long_date
from triplewin.core.declaration_rounds import Reminder, Scope, Status
from triplewin.core.notifications import Kind
from triplewin.notifications.services import notify
from triplewin.organisations.models import Membership, Organisation, Role, Sector

NOT_NHS = "Declaration rounds are for NHS organisations."
NOT_ADMIN = "Only an organisation administrator of this organisation can do this."


def may_run_rounds(user: Any, organisation: Organisation) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(
        user.is_superuser
        or Membership.objects.filter(
            user=user, organisation=organisation, role=Role.ORGANISATION_ADMINISTRATOR
        ).exists()
    )


def administered(user: Any) -> list[Organisation]:
    """The NHS organisations whose rounds this person runs."""
    if not getattr(user, "is_authenticated", False):
        return []
    orgs = Organisation.objects.order_by("name")
    if not user.is_superuser:
        orgs = orgs.filter(
            memberships__user=user, memberships__role=Role.ORGANISATION_ADMINISTRATOR
        )
    return [o for o in orgs.distinct() if o.sector is Sector.NHS]


def _require(actor: User, organisation: Organisation) -> None:
    if organisation.sector is not Sector.NHS:
        raise ValidationError(NOT_NHS)
    if not may_run_rounds(actor, organisation):
        raise PermissionDenied(NOT_ADMIN)


def _roles_by_user(organisation: Organisation) -> dict[User, set[str]]:
    roles: dict[User, set[str]] = defaultdict(set)
    for m in Membership.objects.filter(
        organisation=organisation, user__is_active=True
    ).select_related("user"):
        roles[m.user].add(m.role)
    return roles


@transaction.atomic
def round_open(
    *,
    actor: User,
    organisation: Organisation,
    scope: Scope,
    due_on: dt.date,
    today: dt.date | None = None,
) -> DeclarationRound:
    """Open this year's round and ask everyone in scope; the emails go after the commit."""
    _require(actor, organisation)
    today = today or timezone.localdate()
    problem = rules.due_date_problem(today, due_on)
    if problem:
        raise ValidationError({"due_on": problem})
    if DeclarationRound.objects.filter(organisation=organisation, year=today.year).exists():
        raise ValidationError(f"{organisation} has already opened its round for {today.year}.")
    record = DeclarationRound(
        organisation=organisation,
        year=today.year,
        scope=scope.value,
        opened_on=today,
        due_on=due_on,
        opened_by=actor,
    )
    record.full_clean(validate_constraints=False)
    record.save()
    asked = [
        RoundMember(round=record, user=user, decision_maker=rules.is_decision_maker(roles))
        for user, roles in _roles_by_user(organisation).items()
        if rules.in_scope(scope, roles)
    ]
    RoundMember.objects.bulk_create(asked)
    audit.record(
        actor=actor,
        action="conflicts.round_opened",
        obj=record,
        changes={
            "organisation": [None, organisation.name],
            "year": [None, record.year],
            "scope": [None, scope.value],
            "due_on": [None, due_on.isoformat()],
            "asked": [None, len(asked)],
        },
    )
    from triplewin.conflicts.tasks import email_round_opened

    transaction.on_commit(lambda: email_round_opened.enqueue(record.pk))
    return record


@transaction.atomic
def round_publish(*, actor: User, declaration_round: DeclarationRound) -> DeclarationRound:
    """Publish the round's decision makers' declarations on the public register."""
    locked = DeclarationRound.objects.select_for_update().get(pk=declaration_round.pk)
    _require(actor, locked.organisation)
    if locked.published_at is not None:
        return locked
    locked.published_at = timezone.now()
    locked.published_by = actor
    locked.save(update_fields=["published_at", "published_by"])
    audit.record(
        actor=actor,
        action="conflicts.round_published",
        obj=locked,
        changes={"published_at": [None, locked.published_at.isoformat()]},
    )
    return locked


@transaction.atomic
def withholding_set(
    *, actor: User, organisation: Organisation, person: User, reason: str
) -> PublicWithholding:
    """Keep a person's entries off the public register, at their request (see core rules)."""
    _require(actor, organisation)
    if not Membership.objects.filter(user=person, organisation=organisation).exists():
        raise ValidationError({"person": "Choose someone who works for this organisation."})
    if not reason.strip():
        raise ValidationError({"reason": "Say why the entry is withheld, for the record."})
    row, _ = PublicWithholding.objects.update_or_create(
        organisation=organisation,
        user=person,
        defaults={"reason": reason.strip(), "recorded_by": actor},
    )
    audit.record(
        actor=actor,
        action="conflicts.withheld_from_public",
        obj=row,
        changes={"person": [None, audit.actor_label(person)], "reason": [None, row.reason]},
    )
    return row


def statuses(declaration_round: DeclarationRound) -> dict[int, Status]:
    """Where each person asked in the round stands today."""
    ids = list(declaration_round.members.values_list("user_id", flat=True))
    declared: dict[int, list[dt.date]] = defaultdict(list)
    nil: dict[int, list[dt.date]] = defaultdict(list)
    for model, into in (
        (Declaration, declared),
        (RegisterConfirmation, declared),
        (NilReturn, nil),
    ):
        for user_id, at in model.objects.filter(user_id__in=ids).values_list(
            "user_id", "declared_at"
        ):
            into[user_id].append(timezone.localdate(at))
    return {
        pk: rules.status(
            opened_on=declaration_round.opened_on,
            declared_on=declared[pk],
            nil_returns_on=nil[pk],
        )
        for pk in ids
    }


def _message(member: RoundMember, kind: Reminder, today: dt.date) -> tuple[str, str]:
    r = member.round
    user = member.user
    name = user.first_name or user.get_full_name() or user.get_username()
    link = settings.SITE_URL.rstrip("/") + reverse("conflicts:register")
    lead = {
        Reminder.OPENED: f"Declare your interests for {r.year}",
        Reminder.WEEK_BEFORE: f"Reminder: declare your interests by {long_date(r.due_on)}",
        Reminder.DUE_TODAY: "Your declaration of interests is due today",
    }[kind]
    body = [
        f"Hello {name},",
        "",
        f"{r.organisation} has opened its yearly round of declarations of interest, as NHS "
        f"England's conflicts of interest guidance asks. Please complete it by "
        f"{long_date(r.due_on)}.",
        "",
        "On your register, declare each interest you hold, or confirm that the interests "
        "already there are complete, or make a nil return if you have none. It takes a few "
        "minutes:",
        link,
    ]
    if member.decision_maker:
        body += [
            "",
            f"You are one of {r.organisation}'s decision makers, so your declarations may be "
            "published on its public register. If publishing them could put you at risk, "
            "ask your organisation administrator to withhold them.",
        ]
    return f"{lead} ({r.organisation})", "\n".join(body)


def _send(member: RoundMember, kind: Reminder, today: dt.date) -> bool:
    """Email one person once per kind; the unique RoundEmail row decides when runs race."""
    subject, body = _message(member, kind, today)
    try:
        with transaction.atomic():
            RoundEmail.objects.create(member=member, kind=kind.value)
            # The due date is a compliance deadline: it reaches even someone who switched
            # declaration emails off, in their daily digest (ADR 0034).
            notify(
                user=member.user,
                kind=Kind.DECLARATIONS,
                subject=subject,
                body=body,
                compliance=kind is not Reminder.OPENED,
            )
    except IntegrityError:
        return False
    return True


def send_round_emails(declaration_round: DeclarationRound, kind: Reminder, today: dt.date) -> int:
    """Email everyone still outstanding in the round; returns how many were emailed."""
    outstanding = {pk for pk, s in statuses(declaration_round).items() if s is Status.OUTSTANDING}
    members = declaration_round.members.filter(user_id__in=outstanding).select_related(
        "user", "round__organisation"
    )
    return sum(_send(m, kind, today) for m in members)


def open_rounds(today: dt.date) -> Iterable[DeclarationRound]:
    return DeclarationRound.objects.filter(opened_on__lte=today, due_on__gte=today).order_by("pk")


def send_round_reminders(*, today: dt.date) -> dict[str, int]:
    sent = 0
    for declaration_round in open_rounds(today):
        kind = rules.reminder_due(due_on=declaration_round.due_on, today=today)
        if kind is not None:
            sent += send_round_emails(declaration_round, kind, today)
    return {"sent": sent}
