"""A team (from the team app's fixtures), a meeting, a held meeting and an open vote."""

import pytest
from django.utils import timezone

from triplewin.meetings.services import schedule, voting
from triplewin.team.models import TeamMember
from triplewin.team.tests import builders
from triplewin.team.tests.conftest import approved, team

__all__ = ["approved", "team"]


@pytest.fixture
def meeting(team, nhs_lead):
    return schedule.meeting_create(
        actor=nhs_lead,
        project=team,
        title="Steering committee 1",
        kind="steering",
        scheduled_for=timezone.localdate(),
        location="Room 4",
    )


@pytest.fixture
def members(team, nhs_lead, industry_lead):
    return {
        "nhs": TeamMember.objects.get(project=team, user=nhs_lead),
        "industry": TeamMember.objects.get(project=team, user=industry_lead),
    }


@pytest.fixture
def held(meeting, members, nhs_lead, pharma_org):
    """Both members present; the NHS lead holds shares in the company partner."""
    builders.declare(nhs_lead, pharma_org, description="Shares in the company")
    schedule.agenda_item_add(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        title="Company's data platform",
        relates_to_organisation=pharma_org,
    )
    schedule.agenda_item_add(
        actor=nhs_lead, meeting=meeting, expected_version=None, title="Any other business"
    )
    schedule.attendance_record(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        statuses={members["nhs"].pk: "present", members["industry"].pk: "present"},
    )
    schedule.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def vote(held, nhs_lead):
    """A vote on the item about the company partner, opened."""
    decision = voting.decision_record(
        actor=nhs_lead,
        meeting=held,
        text="Use the company's platform",
        agenda_item=held.agenda_items.get(order=1),
        is_vote=True,
    )
    voting.vote_open(actor=nhs_lead, meeting=held, decision=decision)
    decision.refresh_from_db()
    return decision
