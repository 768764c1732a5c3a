"""A case study drafted from a finished project carries over what the project recorded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from triplewin.contributions.models import Contribution
from triplewin.core.principles import SLUGS
from triplewin.kpis.models import Kpi, Measurement
from triplewin.learning.models import ReviewEntry
from triplewin.library import services
from triplewin.library.models import Party
from triplewin.outcomes.models import OutcomesSummary

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(finished, nhs_lead, nhs_org, pharma_org):
    """Outcomes, a KPI result, a lesson and an agreed contribution, as the project kept them.

    Written directly: each app's own tests cover how they are recorded; this is what exists
    once a project's outcomes are published.
    """
    OutcomesSummary.objects.create(
        project=finished,
        results="412 reviews against a target of 400.",
        outcomes_patients="Forty people diagnosed early.",
        conclusions="Agree data flows before the first clinic.",
        status="published",
        published_on=dt.date(2025, 3, 1),
    )
    kpi = Kpi.objects.create(
        project=finished,
        name="Reviews done",
        category="delivery",
        unit="reviews",
        frequency="monthly",
        baseline_value=Decimal(0),
        baseline_date=dt.date(2024, 1, 1),
        target_value=Decimal(400),
        target_date=dt.date(2024, 12, 31),
        direction="up",
        owner=nhs_lead,
        company_may_see=True,
        aggregated_anonymised=True,
    )
    Measurement.objects.create(kpi=kpi, period=dt.date(2024, 12, 1), value=Decimal(412))
    # A KPI the company may not see stays out of a study every partner signs.
    Kpi.objects.create(
        project=finished,
        name="Named patients seen",
        category="clinical",
        frequency="monthly",
        target_value=Decimal(10),
        target_date=dt.date(2024, 12, 31),
        direction="up",
        owner=nhs_lead,
    )
    ReviewEntry.objects.create(
        project=finished,
        topic="Data sharing",
        principle=SLUGS[0],
        planned="Data flowing in month one.",
        happened="Data flowed in month four.",
        why="The data sharing agreement took three months.",
        improve="Start the data sharing agreement during scoping.",
        recorded_by=nhs_lead,
    )
    Contribution.objects.create(
        project=finished,
        organisation=pharma_org,
        kind="money",
        description="Funding for the search tool",
        value=Decimal(20000),
    )
    return finished


def test_outcomes_kpis_lessons_and_contributions_are_carried_over(
    recorded, nhs_lead, nhs_org, pharma_org
):
    study = services.case_study_draft_from_project(actor=nhs_lead, project=recorded)
    assert "Results against the success criteria: 412 reviews" in study.outcomes_narrative
    assert "Outcomes for patients: Forty people diagnosed early." in study.outcomes_narrative
    assert "Conclusions and learnings: Agree data flows" in study.outcomes_narrative
    [outcome] = study.outcomes.all()
    assert outcome.measure == "Reviews done"
    assert "latest 412" in outcome.narrative
    assert outcome.narrative.endswith("Met.")
    [lesson] = study.lessons.all()
    assert lesson.lesson.startswith("Data sharing")
    assert "What to do differently: Start the data sharing agreement" in lesson.lesson
    assert "Why: The data sharing agreement took three months." in lesson.lesson
    parties = {p.organisation: p for p in Party.objects.filter(case_study=study)}
    # The agreed contribution replaces the concept's outline; a partner with none keeps it.
    assert parties[pharma_org].contribution == "Funding for the search tool (£20,000)"
    assert parties[nhs_org].contribution == f"Analyst time from {nhs_org.name}"


def test_a_finished_project_with_nothing_recorded_still_drafts(draft):
    assert draft.outcomes_narrative == ""
    assert not draft.outcomes.exists()
    assert not draft.lessons.exists()
