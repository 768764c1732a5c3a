"""Milestones, the risk and issue logs, and RAG overrides: writes, refusals and the audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from triplewin.audit.models import AuditEvent, ImmutableRecord
from triplewin.core.rag import Rating
from triplewin.delivery import selectors, services
from triplewin.delivery.models import Issue, Milestone, RagOverride, Risk
from triplewin.delivery.tests.fixtures import overdue_action
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.visibility import Visibility
from triplewin.team.tests import builders as team_builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


MILESTONE = {
    "title": "First 100 patients reviewed",
    "planned_on": days(30),
    "actual_on": None,
    "owner": "Project manager",
    "notes": "",
}
RISK = {
    "description": "Practices cannot release nurses for the clinics",
    "likelihood": 4,
    "impact": 3,
    "owner": "Clinical lead",
    "mitigation": "Agree protected time with each practice manager.",
    "status": "open",
}
ISSUE = {
    "description": "The search tool misses patients coded before 2015",
    "raised_by": "Practice pharmacist",
    "raised_on": TODAY,
    "owner": "Data analyst",
    "resolution": "",
    "status": "open",
}


def test_milestone_add_and_update_are_audited(in_delivery, nhs_lead):
    m = services.milestone_add(actor=nhs_lead, project=in_delivery, fields=MILESTONE)
    assert m.row_version == 1
    services.milestone_update(
        actor=nhs_lead,
        project=in_delivery,
        milestone=m,
        fields={**MILESTONE, "actual_on": TODAY, "title": "  First 100 reviewed  "},
        expected_version=1,
    )
    m.refresh_from_db()
    assert (m.title, m.actual_on, m.row_version) == ("First 100 reviewed", TODAY, 2)
    event = AuditEvent.objects.filter(action="milestone.updated").get()
    assert event.changes["actual_on"] == [None, TODAY.isoformat()]
    assert event.actor == nhs_lead


def test_unchanged_save_writes_nothing(in_delivery, nhs_lead):
    m = services.milestone_add(actor=nhs_lead, project=in_delivery, fields=MILESTONE)
    services.milestone_update(
        actor=nhs_lead, project=in_delivery, milestone=m, fields=MILESTONE, expected_version=1
    )
    m.refresh_from_db()
    assert m.row_version == 1
    assert not AuditEvent.objects.filter(action="milestone.updated").exists()


def test_stale_edit_is_refused_and_keeps_the_other_save(in_delivery, nhs_lead, industry_lead):
    risk = services.risk_add(actor=nhs_lead, project=in_delivery, fields=RISK)
    services.risk_update(
        actor=industry_lead,
        project=in_delivery,
        risk=risk,
        fields={**RISK, "impact": 5},
        expected_version=1,
    )
    with pytest.raises(StaleEdit):
        services.risk_update(
            actor=nhs_lead,
            project=in_delivery,
            risk=risk,
            fields={**RISK, "impact": 1},
            expected_version=1,
        )
    risk.refresh_from_db()
    assert (risk.impact, risk.row_version) == (5, 2)


def test_achieved_date_cannot_be_in_the_future(in_delivery, nhs_lead):
    with pytest.raises(ValidationError) as raised:
        services.milestone_add(
            actor=nhs_lead, project=in_delivery, fields={**MILESTONE, "actual_on": days(1)}
        )
    assert "actual_on" in raised.value.message_dict
    assert not Milestone.objects.exists()


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        ("idea", False),
        # Guidance, stage 3 monitoring and the case studies' risk management: issue and risk
        # management from the concept onwards, milestones in the plan.
        ("scoping", True),
        ("setup", True),
        ("agreement_signed", True),
        ("summary_published", True),
        ("in_delivery", True),
        ("completed", True),
        ("outcomes_published", False),
    ],
)
def test_logs_change_only_from_scoping_to_completion(project, nhs_lead, state, allowed):
    if state != "idea":
        team_builders.advance(project, nhs_lead, state)
    if allowed:
        services.issue_add(actor=nhs_lead, project=project, fields=ISSUE)
        assert Issue.objects.count() == 1
    else:
        with pytest.raises(ValidationError, match="Milestones, risks and issues cannot change"):
            services.issue_add(actor=nhs_lead, project=project, fields=ISSUE)
        assert not Issue.objects.exists()


def test_risk_scores_are_checked(in_delivery, nhs_lead):
    with pytest.raises(ValidationError) as raised:
        services.risk_add(actor=nhs_lead, project=in_delivery, fields={**RISK, "likelihood": 6})
    assert "likelihood" in raised.value.message_dict
    risk = services.risk_add(actor=nhs_lead, project=in_delivery, fields=RISK)
    assert risk.score == 12


def test_a_row_of_another_project_cannot_be_edited(in_delivery, nhs_lead, nhs_org, pharma_org):
    from tests import factories

    other = factories.project(actor=nhs_lead, lead=nhs_org, partners=[pharma_org], title="Other")
    team_builders.advance(other, nhs_lead, "in_delivery")
    issue = services.issue_add(actor=nhs_lead, project=other, fields=ISSUE)
    with pytest.raises(ValidationError, match="another project"):
        services.issue_update(
            actor=nhs_lead,
            project=in_delivery,
            issue=issue,
            fields={**ISSUE, "status": "resolved"},
            expected_version=None,
        )
    issue.refresh_from_db()
    assert issue.status == "open"


def test_risks_sort_by_score_with_closed_last(in_delivery, nhs_lead):
    low = services.risk_add(actor=nhs_lead, project=in_delivery, fields={**RISK, "impact": 1})
    high = services.risk_add(actor=nhs_lead, project=in_delivery, fields={**RISK, "impact": 5})
    closed = services.risk_add(
        actor=nhs_lead, project=in_delivery, fields={**RISK, "likelihood": 5, "status": "closed"}
    )
    assert selectors.risks_by_score(in_delivery) == [high, low, closed]
    assert selectors.risks_by_score(in_delivery, open_only=True) == [high, low]


class TestRag:
    def test_nothing_recorded_is_not_rated(self, in_delivery):
        view = selectors.rag_status(Visibility.shared(in_delivery), TODAY)
        assert view.rating is Rating.NOT_RATED
        assert not view.is_overridden

    def test_late_milestone_and_overdue_action(self, in_delivery, nhs_lead, nhs_org):
        services.milestone_add(
            actor=nhs_lead, project=in_delivery, fields={**MILESTONE, "planned_on": days(-5)}
        )
        assert selectors.rag_status(Visibility.shared(in_delivery), TODAY).rating is Rating.AMBER
        team_builders.add_member(in_delivery, nhs_lead, nhs_lead, nhs_org, "chair")
        for _ in range(5):
            overdue_action(in_delivery, nhs_lead, nhs_lead)
        view = selectors.rag_status(Visibility.shared(in_delivery), TODAY)
        assert view.rating is Rating.RED
        assert [f.rating for f in view.computed.factors] == [
            Rating.AMBER,
            Rating.NOT_RATED,
            Rating.RED,
            Rating.GREEN,
        ]

    def test_kpi_counts_and_rating_leave_out_what_the_viewer_may_not_see(
        self, one_hidden_off_track
    ):
        in_delivery = one_hidden_off_track
        everything = Visibility(in_delivery, sees_nhs_only=True)
        shared = Visibility.shared(in_delivery)
        assert selectors.kpi_counts(everything, TODAY) == (1, 2)
        assert selectors.rag_status(everything, TODAY).rating is Rating.RED
        assert selectors.rag_status(everything, TODAY).note == ""
        assert selectors.kpi_counts(shared, TODAY) == (0, 1)
        view = selectors.rag_status(shared, TODAY)
        assert view.rating is Rating.GREEN
        assert "shared with company partners" in view.note

    def test_override_shows_instead_and_keeps_the_computed_value(self, in_delivery, nhs_lead):
        services.milestone_add(actor=nhs_lead, project=in_delivery, fields=MILESTONE)
        services.rag_override_set(
            actor=nhs_lead,
            project=in_delivery,
            rating="amber",
            reason="Recruitment is slower than the milestones show.",
        )
        view = selectors.rag_status(Visibility.shared(in_delivery), TODAY)
        assert view.rating is Rating.AMBER
        assert view.computed.rating is Rating.GREEN
        assert view.override is not None
        assert view.override.set_by == nhs_lead

    def test_override_needs_a_reason(self, in_delivery, nhs_lead):
        with pytest.raises(ValidationError) as raised:
            services.rag_override_set(actor=nhs_lead, project=in_delivery, rating="red", reason=" ")
        assert "reason" in raised.value.message_dict
        assert not RagOverride.objects.exists()

    def test_override_ends_after_its_end_date(self, in_delivery, nhs_lead):
        services.rag_override_set(
            actor=nhs_lead,
            project=in_delivery,
            rating="red",
            reason="Waiting for the data-sharing agreement.",
            expires_on=days(7),
        )
        assert selectors.rag_status(Visibility.shared(in_delivery), days(7)).is_overridden
        assert not selectors.rag_status(Visibility.shared(in_delivery), days(8)).is_overridden

    def test_end_date_cannot_be_past(self, in_delivery, nhs_lead):
        with pytest.raises(ValidationError) as raised:
            services.rag_override_set(
                actor=nhs_lead, project=in_delivery, rating="red", reason="x", expires_on=days(-1)
            )
        assert "expires_on" in raised.value.message_dict

    def test_clearing_is_recorded_and_the_override_is_kept(self, in_delivery, nhs_lead):
        override = services.rag_override_set(
            actor=nhs_lead, project=in_delivery, rating="green", reason="Back on track."
        )
        clearance = services.rag_override_clear(
            actor=nhs_lead, project=in_delivery, reason="The records catch up."
        )
        assert clearance.override == override
        assert not selectors.rag_status(Visibility.shared(in_delivery), TODAY).is_overridden
        assert RagOverride.objects.count() == 1
        assert AuditEvent.objects.filter(action="rag.override_cleared").exists()
        with pytest.raises(ValidationError, match="no override in force"):
            services.rag_override_clear(actor=nhs_lead, project=in_delivery)

    def test_overrides_are_immutable(self, in_delivery, nhs_lead):
        override = services.rag_override_set(
            actor=nhs_lead, project=in_delivery, rating="green", reason="Fine."
        )
        override.reason = "Changed later"
        with pytest.raises(ImmutableRecord):
            override.save()
        with pytest.raises(ImmutableRecord):
            override.delete()


def test_completion_date_only_for_completed_projects(in_delivery, nhs_lead):
    assert selectors.completion_date(in_delivery) is None
    services.project_complete(actor=nhs_lead, project=in_delivery, actual_end=TODAY)
    in_delivery.refresh_from_db()
    assert selectors.completion_date(in_delivery) == TODAY


def test_risk_and_issue_rows_survive_a_round_trip(in_delivery, nhs_lead):
    services.risk_add(actor=nhs_lead, project=in_delivery, fields=RISK)
    services.issue_add(actor=nhs_lead, project=in_delivery, fields=ISSUE)
    assert Risk.objects.get().owner == "Clinical lead"
    assert Issue.objects.get().raised_on == TODAY
