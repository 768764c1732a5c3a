"""Sections drawn from the project team and each party's governance committee."""

from __future__ import annotations

from triplewin.pid.sections.base import Field, Section, section
from triplewin.pid.sections.sources import Sources, person
from triplewin.team.models import GovernanceCommitteeMember, TeamMember


def project_team(src: Sources) -> Section:
    members = (
        TeamMember.objects.active()
        .filter(project=src.project)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name", "pk")
    )
    return section(
        "team",
        "Project team",
        [
            Field(
                f"member-{m.user_id}",
                f"{person(m.user)} ({m.organisation.name})",
                m.get_project_role_display(),
            )
            for m in members
        ],
        empty_text="No one has joined the project team yet.",
    )


def governance_committees(src: Sources) -> Section:
    seats = (
        GovernanceCommitteeMember.objects.filter(project=src.project)
        .select_related("user", "organisation")
        .order_by("organisation__name", "committee_role", "pk")
    )
    return section(
        "committees",
        "Governance committees",
        [
            Field(
                f"seat-{s.organisation_id}-{s.committee_role}",
                f"{s.organisation.name}: {s.get_committee_role_display()}",
                person(s.user),
            )
            for s in seats
        ],
        empty_text="No governance committee has been named yet.",
    )
