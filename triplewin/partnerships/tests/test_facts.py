"""The facts builder: when scoping began, and the kinds of partner the verdict reads."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests import factories
from triplewin.core.rules import RULES_BY_ID, Outcome
from triplewin.partnerships import services
from triplewin.partnerships.facts import build_facts, parties

pytestmark = pytest.mark.django_db


def test_scoping_began_when_the_step_into_scoping_happened(project, nhs_lead):
    services.project_import_history(
        actor=nhs_lead,
        project=project,
        steps=[("start_scoping", dt.date(2019, 3, 4))],
        reason="Imported",
    )
    assert build_facts(project).scoping_started_on == dt.date(2019, 3, 4)


def test_a_project_not_yet_scoped_counts_from_its_creation(project):
    assert build_facts(project).scoping_started_on == timezone.localdate()


def test_a_planned_start_before_scoping_is_flagged_even_if_the_checklist_says_prospective(
    project, nhs_lead
):
    project = services.project_update(
        actor=nhs_lead,
        project=project,
        expected_version=None,
        planned_start=timezone.localdate() - dt.timedelta(days=40),
    )
    facts = build_facts(project)
    check = RULES_BY_ID["PROSPECTIVE-BY-DATES"].check(facts)
    assert check.outcome is Outcome.FAIL
    assert "may already have been under way" in check.detail


def test_an_independent_healthcare_provider_counts_as_a_healthcare_partner(nhs_lead, pharma_org):
    clinic = factories.organisation(name="Northway Clinics Ltd", org_type="independent_provider")
    lead = factories.member("clinic.lead@example.test", clinic, "partnership_lead")
    project = factories.project(actor=lead, lead=clinic, partners=[pharma_org])
    kinds = parties(project)
    assert (kinds.nhs, kinds.healthcare, kinds.pharmaceutical) == (False, True, True)
    failing = {
        r.rule.id for r in services.gate_report(project, "concept_approved").results if r.failed
    }
    assert "PARTIES-PRESENT" not in failing


def test_a_charity_is_not_a_healthcare_partner(nhs_lead, pharma_org):
    charity = factories.organisation(name="Heart Charity", org_type="third_sector")
    lead = factories.member("charity.lead@example.test", charity, "partnership_lead")
    project = factories.project(actor=lead, lead=charity, partners=[pharma_org])
    assert not parties(project).healthcare
    failing = {
        r.rule.id for r in services.gate_report(project, "concept_approved").results if r.failed
    }
    assert "PARTIES-PRESENT" in failing


def test_a_checklist_answered_before_triple_win_is_not_asked_for_again(project, nhs_lead):
    # ADR 0002: a project imported past concept approval keeps its checklist in the partners'
    # own records; the later gates re-check answers recorded here, and there are none.
    assert not build_facts(project).checklist_kept_elsewhere
    services.project_import_history(
        actor=nhs_lead,
        project=project,
        steps=[("start_scoping", dt.date(2019, 3, 4)), ("approve_concept", dt.date(2019, 6, 1))],
        reason="Imported",
    )
    facts = build_facts(project)
    assert facts.checklist_kept_elsewhere
    assert RULES_BY_ID["RED-NO-INDUCEMENT"].check(facts).outcome is Outcome.NOT_APPLICABLE
    assert RULES_BY_ID["BENEFIT-TEST"].check(facts).outcome is Outcome.NOT_APPLICABLE


def test_a_live_project_without_a_checklist_is_still_asked(project):
    facts = build_facts(project)
    assert RULES_BY_ID["RED-NO-INDUCEMENT"].check(facts).outcome is Outcome.FAIL
