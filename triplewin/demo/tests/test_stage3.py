"""Stage 3 of the demo: delivery, KPIs, reporting, money, amendments, outcomes and learning."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from triplewin.amendments.models import Amendment, AmendmentStatus
from triplewin.core.lifecycle import State
from triplewin.delivery.models import Issue, Milestone, RagOverride, Risk
from triplewin.demo.data import PROJECTS, people
from triplewin.kpis.models import CompositeCriterion, Kpi, Measurement, Site
from triplewin.kpis.selectors import analyse, readings_for
from triplewin.kpis.series import project_series
from triplewin.learning.models import PartnerSurvey, ReviewEntry, SelfAssessment, SurveyResponse
from triplewin.obligations.models import ProgressReport, ReportingSchedule
from triplewin.organisations.models import Organisation
from triplewin.outcomes.models import OutcomesSummary, Status
from triplewin.oversight.selectors import overdue, stalled, system_projects
from triplewin.partnerships.facts import build_facts
from triplewin.partnerships.models import Project
from triplewin.register.selectors import published
from triplewin.transfers.models import DisclosedYear, TransferOfValue

pytestmark = pytest.mark.django_db

STAGE3_MODELS = (
    Milestone,
    Risk,
    Issue,
    RagOverride,
    Kpi,
    Site,
    Measurement,
    CompositeCriterion,
    ReportingSchedule,
    ProgressReport,
    TransferOfValue,
    DisclosedYear,
    Amendment,
    OutcomesSummary,
    ReviewEntry,
    PartnerSurvey,
    SurveyResponse,
    SelfAssessment,
)


def _load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(demo_output: str) -> str:
    """The demo, loaded once for this module (conftest.py)."""
    return demo_output


def _project(prefix: str) -> Project:
    return Project.objects.get(title__startswith=prefix)


def test_second_run_adds_no_stage_three_records(loaded: str) -> None:
    before = {m.__name__: m.objects.count() for m in STAGE3_MODELS}
    assert all(before.values()), before
    assert _load().strip() == "Demo data already loaded."
    assert {m.__name__: m.objects.count() for m in STAGE3_MODELS} == before


def test_project_in_delivery_has_logs_kpis_and_reports(loaded: str) -> None:
    project = _project("Finding and treating atrial")
    assert project.state == State.IN_DELIVERY
    assert project.milestones.filter(actual_on__isnull=False).count() >= 3
    assert project.milestones.filter(actual_on__isnull=True).exists()
    assert {r.score for r in project.risks.all()} >= {8, 12}
    assert project.rag_overrides.exists()
    assert Site.objects.filter(project=project).count() == 4
    assert project.kpi_criteria.get().conditions.count() == 2
    assert ProgressReport.objects.filter(project=project).count() >= 2
    kpi = Kpi.objects.get(project=project, frequency="weekly")
    analysis = analyse(kpi, project_series(readings_for([kpi])[kpi.pk], kpi.rollup))
    assert any(point.signals for point in analysis.points), "the shift should fire a rule"


def test_completed_project_published_its_outcomes_on_the_register(loaded: str) -> None:
    project = _project("A COPD discharge bundle")
    assert project.state == State.OUTCOMES_PUBLISHED
    summary = project.outcomes_summary
    assert summary.status == Status.PUBLISHED
    assert summary.published_on == timezone.localdate()
    assert project in published(timezone.localdate())
    assert SurveyResponse.objects.filter(survey__project=project).count() == 6
    assert project.review_entries.count() == 3
    assert Measurement.objects.filter(kpi__project=project).count() >= 3 * 20


def test_recent_completion_has_a_draft_outcomes_summary_and_an_overdue_disclosure(
    loaded: str,
) -> None:
    project = _project("Heart failure medicine reviews")
    assert project.state == State.COMPLETED
    assert project.outcomes_summary.status == Status.DRAFT
    assert not OutcomesSummary.objects.published().filter(project=project).exists()
    assert 2025 in build_facts(project).undisclosed_tov_years


def test_real_partnerships_carry_no_invented_money(loaded: str) -> None:
    # Their real figures are on Disclosure UK; invented amounts would reach the register.
    real = Project.objects.filter(title__in=[p.title for p in PROJECTS if not p.fictional])
    assert real.exists()
    assert not TransferOfValue.objects.filter(project__in=real).exists()
    assert TransferOfValue.objects.exclude(project__in=real).exists()
    assert DisclosedYear.objects.exists()


def test_one_amendment_approved_and_one_awaiting_the_committees(loaded: str) -> None:
    project = _project("Starting injectable diabetes")
    statuses = list(project.amendments.order_by("number").values_list("status", flat=True))
    assert statuses == [AmendmentStatus.APPROVED, AmendmentStatus.SUBMITTED]
    assert project.state == State.SUMMARY_PUBLISHED


def test_no_draft_reaches_the_public_register(loaded: str) -> None:
    today = timezone.localdate()
    public = set(published(today).values_list("pk", flat=True))
    drafts = OutcomesSummary.objects.exclude(status=Status.PUBLISHED)
    assert drafts.exists()
    assert not OutcomesSummary.objects.published(today).filter(pk__in=drafts).exists()
    unpublished = set(
        Project.objects.exclude(executive_summary__status="published").values_list("pk", flat=True)
    )
    assert unpublished
    assert not public & unpublished


def test_oversight_sees_a_stall_and_overdue_obligations(loaded: str) -> None:
    icb = Organisation.objects.get(name="NHS Lincolnshire Integrated Care Board")
    projects = list(system_projects(icb))
    today = timezone.localdate()
    assert "Structured education" in " ".join(s.project.title for s in stalled(projects, today, 90))
    kinds = {row.obligation.kind.value for row in overdue(projects, today)}
    assert {"report", "disclosure"} <= kinds
    assert people.OVERSIGHT


def test_real_partnerships_show_their_published_results_as_kpis(loaded: str) -> None:
    hep_c = Kpi.objects.get(name="Hepatitis C tests in drug and alcohol services")
    assert [int(m.value) for m in hep_c.measurements.order_by("period")] == [6475, 12498, 18067]
    assert hep_c.project.state == State.OUTCOMES_PUBLISHED
    expected = {
        "Diabetes screening after an acute coronary syndrome admission": [65, 97],
        "Skin cancer Faster Diagnosis Standard met": [67, 88],
        "Monthly views of the prehabilitation platform": [140, 222],
    }
    for name, values in expected.items():
        kpi = Kpi.objects.get(name=name)
        found = [int(m.value) for m in kpi.measurements.order_by("period")]
        assert found == values, name


def test_demo_pharmacist_finds_his_kpi_and_action_on_the_deadlines_page(loaded: str) -> None:
    pharmacist = get_user_model().objects.get(username="dylan.pryce@demo.triplewin.test")
    assert set(pharmacist.memberships.values_list("role", flat=True)) == {"team_member"}
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(pharmacist)
    body = client.get(reverse("obligations:index")).content.decode()
    assert 'id="given"' in body
    assert "Days from an irregular pulse to an ECG" in body
    assert "started anticoagulation" in body
