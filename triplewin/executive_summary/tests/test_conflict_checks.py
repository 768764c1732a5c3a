"""Certifying and publishing the executive summary are conflict-checked."""

from __future__ import annotations

import pytest

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.executive_summary import services
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.executive_summary.selectors import certification_holds

pytestmark = pytest.mark.django_db


def _status():
    return ExecutiveSummary.objects.get().status


def test_certifying(drafted, signatory, nhs_lead):
    checks.conflicted(drafted, lead=nhs_lead, person=signatory)
    summary = checks.refused_until_managed(
        lambda: services.summary_certify(actor=signatory, project=drafted, expected_version=None),
        project=drafted,
        by=nhs_lead,
        person=signatory,
        decision=DecisionKind.SUMMARY_CERTIFICATION,
        action="summary.certified",
        nothing_recorded=lambda: not certification_holds(drafted),
    )
    assert certification_holds(drafted)
    assert summary.status == "draft"


def test_publishing(signed, signatory, industry_lead, nhs_lead):
    services.summary_certify(actor=signatory, project=signed, expected_version=None)
    checks.conflicted(signed, lead=nhs_lead, person=industry_lead)
    summary = checks.refused_until_managed(
        lambda: services.summary_publish(
            actor=industry_lead, project=signed, expected_version=None
        ),
        project=signed,
        by=nhs_lead,
        person=industry_lead,
        decision=DecisionKind.SUMMARY_PUBLICATION,
        action="summary.published",
        nothing_recorded=lambda: _status() == "draft",
    )
    assert summary.status == "published"
