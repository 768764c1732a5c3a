"""Sends the reminders that today calls for, each exactly once (see `sending`).

Obligations remind their project's responsible people 30 and 7 days before, on the day and
once after; actions remind their owner on the day and once after (see `action_reminders`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import User

from triplewin.core.notifications import Kind as NoticeKind
from triplewin.core.obligations import Obligation, ReminderKind, reminder_kind
from triplewin.obligations import emails
from triplewin.obligations.action_reminders import send_action_reminders
from triplewin.obligations.models import ReminderSent
from triplewin.obligations.selectors import CHUNK, obligations_for
from triplewin.obligations.sending import Outcome, ReminderRun, send_logged
from triplewin.organisations.models import Function, Membership, OrgType, Role
from triplewin.partnerships.models import Project, ProjectPartner


def responsible_people(projects: Sequence[Project]) -> dict[int, list[User]]:
    """Each project's named partner leads and its industry partners' partnership leads.

    Never anyone in a company's sales function: the Code keeps them out of the partnership's
    work (ABPI Code 2024, clause 20), its deadlines included.
    """
    ids = [p.pk for p in projects]
    people: dict[int, dict[int, User]] = {pk: {} for pk in ids}
    industry: dict[int, set[int]] = {}
    partners = list(
        ProjectPartner.objects.filter(project_id__in=ids).select_related("lead", "organisation")
    )
    sales = set(
        Membership.objects.filter(
            user_id__in={p.lead_id for p in partners if p.lead_id},
            organisation_id__in={p.organisation_id for p in partners},
            function=Function.SALES,
        ).values_list("user_id", "organisation_id")
    )
    for partner in partners:
        if partner.lead is not None and (partner.lead.pk, partner.organisation_id) not in sales:
            people[partner.project_id][partner.lead.pk] = partner.lead
        if partner.organisation.org_type == OrgType.PHARMACEUTICAL:
            industry.setdefault(partner.organisation_id, set()).add(partner.project_id)
    for membership in (
        Membership.objects.filter(organisation_id__in=industry, role=Role.PARTNERSHIP_LEAD)
        .exclude(function=Function.SALES)
        .select_related("user")
    ):
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
) -> Outcome:
    assert obligation.due_on is not None
    row = ReminderSent(
        project=project,
        obligation_key=obligation.key,
        due_on=obligation.due_on,
        kind=kind.value,
        recipient=user,
        recipient_email=user.email,
    )
    message = emails.reminder(project, obligation, kind, user, today)
    # Every obligation is a deadline the Code or the guidance sets: never switched off.
    return send_logged(
        row=row,
        user=user,
        kind=NoticeKind.DEADLINES,
        message=message,
        audit_action="obligation.reminder_sent",
        compliance=True,
    )


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
                        run.add("already_sent", user.email)
                        continue
                    outcome = _send_one(
                        project=project, obligation=obligation, kind=kind, user=user, today=today
                    )
                    run.add(outcome, user.email)
    send_action_reminders(today=today, run=run)
    return run
