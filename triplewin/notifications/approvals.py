"""Telling the people who may approve a document that a certified version waits for them.

A certified version is what the partners' bodies are asked to decide on (some documents
refuse a decision before it, the others expect it), so the sign-off engine calls
`announce_certified` after it records a certification; a document no body approves tells
nobody (our choice: one announcement per certified version, not one per submission). Who may decide is asked of the engine's own authority checks, never worked
out again here.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django_tasks import task

from triplewin.core import signoff as core
from triplewin.core.notifications import Kind
from triplewin.core.wording import one_line
from triplewin.notifications.services import notify
from triplewin.signoff import authority, sources
from triplewin.signoff.models import SignOffAct
from triplewin.team.models import GovernanceCommitteeMember, TeamMember


def announce_certified(act: SignOffAct) -> None:
    """Queue the emails once the certification is committed (never for a rolled-back one)."""
    if core.requirements_for(act.document).approvals:
        transaction.on_commit(lambda: email_approvers.enqueue(act.pk))


def approvers(act: SignOffAct) -> list[User]:
    """Everyone who may record a decision on this version, except the one who certified it."""
    project = act.project
    partner_ids = list(project.partners.values_list("organisation_id", flat=True))
    candidates = (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(memberships__organisation_id__in=partner_ids)
            | Q(pk__in=TeamMember.objects.active().filter(project=project).values("user_id"))
            | Q(pk__in=GovernanceCommitteeMember.objects.filter(project=project).values("user_id"))
        )
        .distinct()
        .order_by("email")
    )
    return [
        u
        for u in candidates
        if u.pk != act.actor_id and authority.approval_bodies(u, project, act.document)
    ]


@task()
def email_approvers(act_id: int) -> dict[str, int]:
    act = SignOffAct.objects.select_related("project").filter(pk=act_id).first()
    counts: dict[str, int] = {}
    if act is None:
        return counts
    noun = sources.source_for(act.document).noun
    title = one_line(act.project.title)
    link = settings.SITE_URL.rstrip("/") + reverse("partnerships:detail", args=[act.project_id])
    for user in approvers(act):
        name = user.first_name or user.get_full_name() or user.get_username()
        outcome = notify(
            user=user,
            kind=Kind.APPROVALS,
            subject=f"Waiting for your decision: the {noun} ({title})",
            body="\n".join(
                [
                    f"Hello {name},",
                    "",
                    f"Version {act.version} of the {noun} of the partnership “{title}” has "
                    f"been certified by {act.actor_label.split(' <')[0]} and is ready for the "
                    "decisions it needs. You may record one of them.",
                    "",
                    "Read the certified version and record your decision from the project:",
                    link,
                ]
            ),
        )
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts
