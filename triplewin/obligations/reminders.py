"""Sends the reminders that today calls for, each exactly once.

Idempotency rests on the unique ReminderSent row (project, obligation, due date, recipient,
kind). Each email is sent inside the transaction that inserts its row: a second run, or a
second worker racing this one, fails to insert the same row and sends nothing. If sending
fails, the row is rolled back and the next run tries again. The one gap left is a crash
between the mail server accepting the message and the commit, which could repeat that one
email; that is preferred to losing a reminder.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from triplewin.audit import services as audit
from triplewin.core.obligations import Obligation, ReminderKind, reminder_kind
from triplewin.obligations import emails
from triplewin.obligations.models import ReminderSent
from triplewin.obligations.selectors import CHUNK, obligations_for
from triplewin.organisations.models import Membership, OrgType, Role
from triplewin.partnerships.models import Project, ProjectPartner

logger = logging.getLogger(__name__)


@dataclass
class ReminderRun:
    sent: int = 0
    already_sent: int = 0
    failed: int = 0
    recipients: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, int]:
        return {"sent": self.sent, "already_sent": self.already_sent, "failed": self.failed}


def responsible_people(projects: Sequence[Project]) -> dict[int, list[User]]:
    """Each project's named partner leads and its industry partners' partnership leads."""
    ids = [p.pk for p in projects]
    people: dict[int, dict[int, User]] = {pk: {} for pk in ids}
    industry: dict[int, set[int]] = {}
    for partner in ProjectPartner.objects.filter(project_id__in=ids).select_related(
        "lead", "organisation"
    ):
        if partner.lead is not None:
            people[partner.project_id][partner.lead.pk] = partner.lead
        if partner.organisation.org_type == OrgType.PHARMACEUTICAL:
            industry.setdefault(partner.organisation_id, set()).add(partner.project_id)
    for membership in Membership.objects.filter(
        organisation_id__in=industry, role=Role.PARTNERSHIP_LEAD
    ).select_related("user"):
        for project_id in industry[membership.organisation_id]:
            people[project_id][membership.user.pk] = membership.user
    return {
        pk: sorted(
            (u for u in found.values() if u.is_active and u.email),
            key=lambda u: u.email,
        )
        for pk, found in people.items()
    }


def _send_one(
    *,
    project: Project,
    obligation: Obligation,
    kind: ReminderKind,
    user: User,
    today: dt.date,
) -> str:
    assert obligation.due_on is not None
    row = ReminderSent(
        project=project,
        obligation_key=obligation.key,
        due_on=obligation.due_on,
        kind=kind.value,
        recipient=user,
        recipient_email=user.email,
    )
    # Uniqueness is checked by the insert itself, atomically, not by a racy query first.
    row.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            row.save()
            emails.reminder(project, obligation, kind, user, today).send()
            audit.record(
                actor=None,
                action="obligation.reminder_sent",
                obj=row,
                project_id=project.pk,
                changes={
                    "obligation": [None, obligation.key],
                    "due_on": [None, obligation.due_on.isoformat()],
                    "kind": [None, kind.value],
                    "recipient": [None, user.email],
                },
            )
    except IntegrityError:
        return "already_sent"
    except (smtplib.SMTPException, OSError):
        logger.exception("Reminder for %s to %s was not sent", obligation.key, user.email)
        return "failed"
    return "sent"


def send_due_reminders(*, today: dt.date) -> ReminderRun:
    run = ReminderRun()
    projects = list(
        Project.objects.only(
            "id", "title", "state", "planned_start", "actual_start", "actual_end"
        ).order_by("pk")
    )
    for start in range(0, len(projects), CHUNK):
        chunk = projects[start : start + CHUNK]
        due = obligations_for(chunk, today)
        people = responsible_people(chunk)
        # A cheap first filter; the unique constraint still decides when runs race.
        logged = set(
            ReminderSent.objects.filter(project_id__in=[p.pk for p in chunk]).values_list(
                "project_id", "obligation_key", "due_on", "recipient_id", "kind"
            )
        )
        for project in chunk:
            for obligation in due[project.pk]:
                kind = reminder_kind(obligation, today)
                if kind is None:
                    continue
                for user in people[project.pk]:
                    key = (project.pk, obligation.key, obligation.due_on, user.pk, kind.value)
                    if key in logged:
                        run.already_sent += 1
                        continue
                    outcome = _send_one(
                        project=project, obligation=obligation, kind=kind, user=user, today=today
                    )
                    setattr(run, outcome, getattr(run, outcome) + 1)
                    if outcome == "sent":
                        run.recipients.add(user.email)
    return run
