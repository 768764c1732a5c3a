"""Certifying, approving and publishing the outcomes summary are conflict-checked."""

from __future__ import annotations

import pytest

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.outcomes import services
from triplewin.outcomes.models import OutcomesSummary, Status
from triplewin.outcomes.selectors import certification_holds
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db


def _status():
    return OutcomesSummary.objects.get().status


def test_certifying(drafted, signatory, nhs_lead):
    checks.conflicted(drafted, lead=nhs_lead, person=signatory)
    summary = checks.refused_until_managed(
        lambda: services.outcomes_certify(actor=signatory, project=drafted, expected_version=None),
        project=drafted,
        by=nhs_lead,
        person=signatory,
        decision=DecisionKind.OUTCOMES_CERTIFICATION,
        action="outcomes.certified",
        nothing_recorded=lambda: not certification_holds(drafted),
    )
    assert certification_holds(drafted)
    assert summary.status == Status.DRAFT


def test_approving_for_the_team(certified, industry_lead, nhs_lead):
    checks.conflicted(certified, lead=nhs_lead, person=industry_lead)
    record = checks.refused_until_managed(
        lambda: services.outcomes_decide(
            actor=industry_lead,
            project=certified,
            body="project_team",
            organisation=None,
            decision="approve",
            expected_version=None,
        ),
        project=certified,
        by=nhs_lead,
        person=industry_lead,
        decision=DecisionKind.OUTCOMES_APPROVAL,
        action="outcomes.approved",
        nothing_recorded=lambda: not SignOffAct.objects.on("outcomes").decisions().exists(),
    )
    assert record.actor == industry_lead


def test_publishing(wired, approved, industry_lead, nhs_lead):
    checks.conflicted(approved, lead=nhs_lead, person=industry_lead)
    summary = checks.refused_until_managed(
        lambda: services.outcomes_publish(
            actor=industry_lead, project=approved, expected_version=None
        ),
        project=approved,
        by=nhs_lead,
        person=industry_lead,
        decision=DecisionKind.OUTCOMES_PUBLICATION,
        action="outcomes.published",
        nothing_recorded=lambda: _status() == Status.DRAFT,
    )
    assert summary.status == Status.PUBLISHED
