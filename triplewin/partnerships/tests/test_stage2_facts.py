"""The rules facts builder reads the Stage 2 records, so gates explain real gaps."""

from __future__ import annotations

import pytest

from triplewin.partnerships import services
from triplewin.team import services as team_services
from triplewin.team.tests.builders import add_member, advance, declare

pytestmark = pytest.mark.django_db


def _failing(project, gate="pid_approved"):
    report = services.gate_report(project, gate)
    return {r.rule.id: r.detail for r in report.results if r.failed}


def test_no_team_yet_is_explained(project, nhs_lead):
    advance(project, nhs_lead, "setup")
    failing = _failing(project)
    assert failing["NO-SALES-MEMBERS"] == "No project team has been formed yet."
    assert failing["GOVERNANCE-COMMITTEES"] == "No governance committees have been named yet."
    assert "TEAM-RIGHT-SIZED" in failing
    assert failing["TEAM-EVERY-PARTNER"] == "No project team has been formed yet."


def test_every_partner_must_have_someone_on_the_team(
    project, nhs_lead, industry_lead, nhs_org, pharma_org
):
    # Guidance, stage 2 set-up: the project team or steering committee includes all involved
    # parties (issue 13 item 7).
    advance(project, nhs_lead, "setup")
    add_member(project, nhs_lead, nhs_lead, nhs_org, "chair")
    assert _failing(project)["TEAM-EVERY-PARTNER"] == "Nobody on the team from: Test Pharma Ltd."
    add_member(project, nhs_lead, industry_lead, pharma_org, "partnership_lead")
    assert "TEAM-EVERY-PARTNER" not in _failing(project)


def test_team_records_feed_the_pid_gate(
    project, nhs_lead, industry_lead, governance_member, nhs_org, pharma_org
):
    advance(project, nhs_lead, "setup")
    add_member(project, nhs_lead, nhs_lead, nhs_org, "chair")
    add_member(project, nhs_lead, industry_lead, pharma_org, "partnership_lead")
    member = add_member(project, nhs_lead, governance_member, pharma_org, "medical_affairs_lead")
    team_services.governance_seat_set(
        actor=nhs_lead, project=project, organisation=nhs_org, user=nhs_lead, committee_role="sro"
    )
    failing = _failing(project)
    assert "NO-SALES-MEMBERS" not in failing
    assert "CONFLICTS-DECLARED" not in failing
    assert "TEAM-RIGHT-SIZED" not in failing
    assert failing["GOVERNANCE-COMMITTEES"] == "No committee for: Test Pharma Ltd."

    declare(governance_member, nhs_org)
    team_services.objection_raise(
        actor=nhs_lead,
        project=project,
        member=member,
        organisation=nhs_org,
        reason="Holds shares in our supplier",
    )
    assert "Governance Tester" in _failing(project)["OBJECTIONS-RESOLVED"]
