"""Every delivery page, tried as each of the seven roles; forbidden posts change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.delivery import services
from triplewin.delivery.exit_plan import exit_plan
from triplewin.delivery.models import Issue, Milestone, RagOverride, RagOverrideClearance, Risk
from triplewin.delivery.tests.test_services import ISSUE, MILESTONE, RISK
from triplewin.partnerships.models import Project
from triplewin.team.tests.builders import field_error

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _url(name, project, *args):
    return reverse(f"delivery:{name}", args=[project.pk, *args])


def _form(values):
    return {k: ("" if v is None else v) for k, v in values.items()}


@pytest.fixture
def logged(in_delivery, nhs_lead):
    """One milestone, one risk and one issue, so the edit pages have something to edit."""
    return {
        "milestone": services.milestone_add(actor=nhs_lead, project=in_delivery, fields=MILESTONE),
        "risk": services.risk_add(actor=nhs_lead, project=in_delivery, fields=RISK),
        "issue": services.issue_add(actor=nhs_lead, project=in_delivery, fields=ISSUE),
    }


@pytest.mark.parametrize(("role", "status"), matrix(READ))
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("dashboard", "First 100 patients reviewed"),
        ("status-report", "Practices cannot release nurses"),
        ("risks", "Practices cannot release nurses"),
        ("issues", "misses patients coded before 2015"),
    ],
)
def test_read_pages_by_role(client_for, in_delivery, logged, role, status, name, expected):
    response = client_for(role).get(_url(name, in_delivery))
    assert response.status_code == status
    if status == 200:
        assert expected in response.content.decode()


EDIT_PAGES = [
    ("milestone-add", None),
    ("milestone-edit", "milestone"),
    ("risk-add", None),
    ("risk-edit", "risk"),
    ("issue-add", None),
    ("issue-edit", "issue"),
    ("rag-override", None),
    ("rag-clear", None),
    ("complete", None),
    ("terminate", None),
]


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
@pytest.mark.parametrize(("name", "row"), EDIT_PAGES)
def test_edit_pages_get_by_role(client_for, in_delivery, logged, role, status, name, row):
    args = [logged[row].pk] if row else []
    assert client_for(role).get(_url(name, in_delivery, *args)).status_code == status


POSTS = [
    ("milestone-add", None, {**MILESTONE, "title": "Posted milestone"}),
    ("milestone-edit", "milestone", {**MILESTONE, "title": "Posted milestone", "row_version": 1}),
    ("risk-add", None, {**RISK, "description": "Posted risk"}),
    ("risk-edit", "risk", {**RISK, "description": "Posted risk", "row_version": 1}),
    ("issue-add", None, {**ISSUE, "description": "Posted issue"}),
    ("issue-edit", "issue", {**ISSUE, "description": "Posted issue", "row_version": 1}),
]


def _posted_exists():
    return (
        Milestone.objects.filter(title="Posted milestone").exists()
        or Risk.objects.filter(description="Posted risk").exists()
        or Issue.objects.filter(description="Posted issue").exists()
    )


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
@pytest.mark.parametrize(("name", "row", "data"), POSTS)
def test_log_posts_by_role(client_for, in_delivery, logged, role, status, name, row, data):
    args = [logged[row].pk] if row else []
    before = AuditEvent.objects.count()
    response = client_for(role).post(_url(name, in_delivery, *args), _form(data))
    if status == 200:
        assert response.status_code == 302
        assert _posted_exists()
    else:
        assert response.status_code == status
        assert not _posted_exists()
        assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_rag_override_and_clear_by_role(client_for, in_delivery, nhs_lead, role, status):
    client = client_for(role)
    response = client.post(
        _url("rag-override", in_delivery), {"rating": "red", "reason": "Funding is late"}
    )
    if status == 200:
        assert response.status_code == 302
        assert RagOverride.objects.get().set_by is not None
        assert client.post(_url("rag-clear", in_delivery), {"reason": ""}).status_code == 302
        assert RagOverrideClearance.objects.exists()
    else:
        assert response.status_code == status
        assert not RagOverride.objects.exists()
        services.rag_override_set(actor=nhs_lead, project=in_delivery, rating="red", reason="x")
        assert client.post(_url("rag-clear", in_delivery), {}).status_code == status
        assert not RagOverrideClearance.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_complete_by_role(client_for, in_delivery, role, status):
    response = client_for(role).post(
        _url("complete", in_delivery),
        {"expected_state": "in_delivery", "actual_end": TODAY.isoformat()},
    )
    project = Project.objects.get(pk=in_delivery.pk)
    if status == 200:
        assert response.status_code == 302
        assert (project.state, project.actual_end) == ("completed", TODAY)
    else:
        assert response.status_code == status
        assert (project.state, project.actual_end) == ("in_delivery", None)


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_terminate_by_role(client_for, in_delivery, role, status):
    data = {
        "expected_state": "in_delivery",
        "ended_on": TODAY.isoformat(),
        "reason": "The partners agreed to stop.",
        **{f"done_{s.key}": "Handled" for s in exit_plan(in_delivery)},
    }
    response = client_for(role).post(_url("terminate", in_delivery), data)
    state = Project.objects.get(pk=in_delivery.pk).state
    if status == 200:
        assert response.status_code == 302
        assert state == "terminated"
    else:
        assert response.status_code == status
        assert state == "in_delivery"


def test_dashboard_shows_override_beside_computed_status(client_for, in_delivery, nhs_lead):
    services.milestone_add(
        actor=nhs_lead,
        project=in_delivery,
        fields={**MILESTONE, "planned_on": TODAY - dt.timedelta(days=40)},
    )
    services.rag_override_set(
        actor=nhs_lead, project=in_delivery, rating="amber", reason="A recovery plan is agreed."
    )
    body = client_for("oversight").get(_url("dashboard", in_delivery)).content.decode()
    assert "Overridden to Amber" in body
    assert "A recovery plan is agreed." in body
    assert "The records compute" in body
    assert "40 days late" in body
    assert "1 open milestone past the planned date, the latest by 40 days." in body
    # Oversight may read but not change: no edit controls.
    assert "Override the status" not in body
    assert "Record completion" not in body


def test_dashboard_offers_controls_to_editors_only_while_open(client_for, project, nhs_lead):
    from triplewin.team.tests.builders import advance

    body = client_for("nhs_lead").get(_url("dashboard", project)).content.decode()
    assert "Add a milestone" not in body
    assert "kept from scoping until the project is completed" in body
    advance(project, nhs_lead, "agreement_signed")
    body = client_for("nhs_lead").get(_url("dashboard", project)).content.decode()
    assert "Add a milestone" in body
    assert "Record completion" not in body
    advance(project, nhs_lead, "in_delivery")
    body = client_for("nhs_lead").get(_url("dashboard", project)).content.decode()
    assert "Add a milestone" in body
    assert "Record completion" in body


def test_status_report_is_printable(client_for, in_delivery, logged):
    body = client_for("governance_member").get(_url("status-report", in_delivery)).content.decode()
    assert "Status report for the steering committee" in body
    assert 'class="tw-no-print"' in body
    assert "12 High" in body  # likelihood 4 x impact 3
    assert "No KPIs have been defined yet." in body


def test_stale_risk_edit_shows_a_clear_message(client_for, in_delivery, logged, industry_lead):
    risk = logged["risk"]
    services.risk_update(
        actor=industry_lead,
        project=in_delivery,
        risk=risk,
        fields={**RISK, "status": "closed"},
        expected_version=1,
    )
    response = client_for("nhs_lead").post(
        _url("risk-edit", in_delivery, risk.pk), _form({**RISK, "impact": 1, "row_version": 1})
    )
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()
    risk.refresh_from_db()
    assert (risk.status, risk.impact) == ("closed", 3)


def test_bad_input_is_400_next_to_the_field(client_for, in_delivery):
    response = client_for("nhs_lead").post(
        _url("milestone-add", in_delivery),
        _form({**MILESTONE, "planned_on": "", "actual_on": (TODAY + dt.timedelta(days=3))}),
    )
    assert response.status_code == 400
    assert field_error(response, "planned_on") == "Enter the planned date."
    assert not Milestone.objects.exists()
    response = client_for("nhs_lead").post(
        _url("milestone-add", in_delivery),
        _form({**MILESTONE, "actual_on": (TODAY + dt.timedelta(days=3))}),
    )
    assert response.status_code == 400
    assert field_error(response, "actual_on") == "The date achieved cannot be in the future."


def test_writes_are_refused_once_outcomes_are_published(client_for, project, nhs_lead):
    from triplewin.team.tests.builders import advance

    advance(project, nhs_lead, "outcomes_published")
    response = client_for("nhs_lead").post(_url("issue-add", project), _form(ISSUE))
    assert response.status_code == 400
    assert "Milestones, risks and issues cannot change" in response.content.decode()
    assert not Issue.objects.exists()


def test_rows_of_another_project_are_404(client_for, in_delivery, logged, nhs_lead, nhs_org):
    from tests import factories

    other = factories.project(actor=nhs_lead, lead=nhs_org, title="Another")
    url = reverse("delivery:risk-edit", args=[other.pk, logged["risk"].pk])
    assert client_for("nhs_lead").get(url).status_code == 404


def test_complete_page_explains_the_deadline(client_for, in_delivery):
    body = client_for("nhs_lead").get(_url("complete", in_delivery)).content.decode()
    assert "six months" in body
    assert 'name="actual_start_day"' in body  # no start date was ever recorded


def test_complete_outside_delivery_redirects_with_a_message(client_for, project, nhs_lead):
    from triplewin.team.tests.builders import advance

    advance(project, nhs_lead, "completed")
    response = client_for("nhs_lead").get(_url("complete", project), follow=True)
    assert "Only a project in delivery can be completed." in response.content.decode()


def test_terminate_page_is_prefilled_from_the_exit_plan(client_for, terminable):
    body = client_for("industry_lead").get(_url("terminate", terminable)).content.decode()
    assert "Reviews continue within usual care" in body
    assert "Stop funding at the end of the current quarter." in body
    assert "Industry-funded post: Test Hospitals NHS Trust: Heart failure nurse" in body
    assert "cardiology establishment" in body


def test_terminate_without_step_answers_is_400(client_for, terminable):
    response = client_for("nhs_lead").post(
        _url("terminate", terminable),
        {"expected_state": "in_delivery", "ended_on": TODAY.isoformat(), "reason": "Stop"},
    )
    assert response.status_code == 400
    assert "Say what was done about The project&#39;s exit strategy" in response.content.decode()
    assert Project.objects.get(pk=terminable.pk).state == "in_delivery"


# What each reader is told of the KPIs of `one_hidden_off_track`.
KPI_HEADLINES = {
    "nhs_lead": "1 of 2 KPIs are off track.",
    "industry_lead": "The KPI is on track. Only the KPIs shared with company partners",
    "governance_member": "The KPI is on track. Only the KPIs shared with company partners",
    "team_member": "1 of 2 KPIs are off track.",
    "oversight": "1 of 2 KPIs are off track.",
}


@pytest.mark.parametrize("role", list(KPI_HEADLINES))
def test_dashboard_counts_only_the_kpis_the_reader_may_see(client_for, one_hidden_off_track, role):
    body = client_for(role).get(_url("dashboard", one_hidden_off_track)).content.decode()
    assert KPI_HEADLINES[role] in body
    # Half the NHS partners' KPIs are off track, so their computed status is red; a company
    # rates the shared KPI alone.
    assert ("1 of 2 KPIs off track." in body) is KPI_HEADLINES[role].startswith("1 of 2")


@pytest.mark.parametrize("role", list(KPI_HEADLINES))
def test_status_report_holds_what_every_partner_may_see_whoever_reads_it(
    client_for, one_hidden_off_track, role
):
    body = client_for(role).get(_url("status-report", one_hidden_off_track)).content.decode()
    assert "The KPI is on track. Only the KPIs shared with company partners" in body
    assert "1 of 2" not in body


def test_completion_message_gives_the_outcomes_due_date(client_for, in_delivery):
    from triplewin.core.dates import long_date
    from triplewin.core.outcomes import due_on

    response = client_for("nhs_lead").post(
        _url("complete", in_delivery),
        {
            "expected_state": "in_delivery",
            "actual_start": TODAY.isoformat(),
            "actual_end": TODAY.isoformat(),
        },
        follow=True,
    )
    assert (
        f"Its outcomes summary is due by {long_date(due_on(TODAY))}." in response.content.decode()
    )
