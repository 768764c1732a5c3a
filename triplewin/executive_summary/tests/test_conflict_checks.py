"""Certifying and publishing the executive summary are conflict-checked."""

from __future__ import annotations

import pytest

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.executive_summary import services
from triplewin.executive_summary.models import ExecutiveSummary

pytestmark = pytest.mark.django_db


def test_certifying(drafted, signatory, nhs_lead):
    checks.concern_product(drafted, nhs_lead)
    checks.declare_interest(signatory)

    def certify():
        return services.summary_certify(actor=signatory, project=drafted, expected_version=None)

    checks.refused(certify)
    assert ExecutiveSummary.objects.get().status == "draft"
    checks.manage(
        drafted, by=nhs_lead, person=signatory, decision=DecisionKind.SUMMARY_CERTIFICATION
    )
    assert certify().status == "certified"
    checks.assert_audited_as_managed("summary.certified")


def test_publishing(signed, signatory, industry_lead, nhs_lead):
    services.summary_certify(actor=signatory, project=signed, expected_version=None)
    checks.concern_product(signed, nhs_lead)
    checks.declare_interest(industry_lead)

    def publish():
        return services.summary_publish(actor=industry_lead, project=signed, expected_version=None)

    checks.refused(publish)
    assert ExecutiveSummary.objects.get().published_on is None
    checks.manage(
        signed, by=nhs_lead, person=industry_lead, decision=DecisionKind.SUMMARY_PUBLICATION
    )
    assert publish().status == "published"
    checks.assert_audited_as_managed("summary.published")
