"""Recording a vote at a held meeting: the decision, then every member's vote in one table.

Before: record the decision, open the vote, one submission per member, close the vote
(7 submissions for 4 people). Now: record the decision, then one table (2 submissions).
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible, sign_in
from triplewin.meetings.models import Decision, Vote
from triplewin.meetings.services import schedule
from triplewin.team.models import TeamMember
from triplewin.team.tests import builders
from triplewin.team.tests.conftest import approved, team

__all__ = ["approved", "team"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_vote_of_four_is_recorded_in_one_table(page, team, nhs_lead, nhs_org, pharma_org):
    builders.declare(nhs_lead, pharma_org, description="Shares in the company")
    for email, org in (
        ("clinical.lead@example.test", nhs_org),
        ("data.lead@example.test", nhs_org),
    ):
        builders.add_member(team, nhs_lead, factories.member(email, org, "team_member"), org)
    meeting = schedule.meeting_create(
        actor=nhs_lead,
        project=team,
        title="Steering committee 1",
        kind="steering",
        scheduled_for=timezone.localdate(),
        location="Room 4",
    )
    schedule.agenda_item_add(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        title="Company's data platform",
        relates_to_organisation=pharma_org,
    )
    members = list(TeamMember.objects.filter(project=team).order_by("pk"))
    assert len(members) == 4
    schedule.attendance_record(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        statuses={m.pk: "present" for m in members},
    )
    schedule.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)

    sign_in(page, nhs_lead.username)
    page.goto(reverse("meetings:decision-add", args=[team.pk, meeting.pk]))
    page.fill("#id_text", "Use the company's data platform")
    page.select_option("#id_agenda_item", label="Company's data platform")
    page.check("#id_is_vote")
    page.click("button:has-text('Record the decision')")  # submission 1

    main = page.locator("main")
    expect(main).to_contain_text("These members are excluded from the vote")
    expect(main).to_contain_text("Nhs Tester")
    assert_accessible(page)
    voters = [m for m in members if m.user != nhs_lead]
    for member, choice in zip(voters, ("for", "for", "against"), strict=True):
        page.check(f"input[name=member_{member.pk}][value={choice}]")
    page.click("button:has-text('Record the votes and close the vote')")  # submission 2

    expect(main).to_contain_text("Votes recorded and the vote closed: carried")
    expect(main).to_contain_text("For 2, against 1, abstained 0")
    assert_accessible(page)
    decision = Decision.objects.get()
    assert decision.vote_status == "closed"
    assert Vote.objects.filter(decision=decision).count() == 3
    assert decision.exclusions.get().member.user == nhs_lead
