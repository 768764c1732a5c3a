"""Certifying, approving and publishing the outcomes summary are conflict-checked."""

from __future__ import annotations

import pytest

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.outcomes import services
from triplewin.outcomes.models import OutcomesApproval, OutcomesSummary, Status

pytestmark = pytest.mark.django_db


def test_certifying(drafted, signatory, nhs_lead):
    checks.concern_product(drafted, nhs_lead)
    checks.declare_interest(signatory)

    def certify():
        return services.outcomes_certify(actor=signatory, project=drafted, expected_version=None)

    checks.refused(certify)
    assert OutcomesSummary.objects.get().status == Status.DRAFT
    checks.manage(
        drafted, by=nhs_lead, person=signatory, decision=DecisionKind.OUTCOMES_CERTIFICATION
    )
    assert certify().status == Status.CERTIFIED
    checks.assert_audited_as_managed("outcomes.certified")


def test_approving_for_the_team(certified, industry_lead, nhs_lead):
    checks.concern_product(certified, nhs_lead)
    checks.declare_interest(industry_lead)

    def approve():
        return services.outcomes_decide(
            actor=industry_lead,
            project=certified,
            body="project_team",
            organisation=None,
            decision="approve",
            expected_version=None,
        )

    checks.refused(approve)
    assert not OutcomesApproval.objects.exists()
    checks.manage(
        certified, by=nhs_lead, person=industry_lead, decision=DecisionKind.OUTCOMES_APPROVAL
    )
    assert approve().decided_by == industry_lead
    checks.assert_audited_as_managed("outcomes.approved")


def test_publishing(wired, approved, industry_lead, nhs_lead):
    checks.concern_product(approved, nhs_lead)
    checks.declare_interest(industry_lead)

    def publish():
        return services.outcomes_publish(
            actor=industry_lead, project=approved, expected_version=None
        )

    checks.refused(publish)
    assert OutcomesSummary.objects.get().status != Status.PUBLISHED
    checks.manage(
        approved, by=nhs_lead, person=industry_lead, decision=DecisionKind.OUTCOMES_PUBLICATION
    )
    assert publish().status == Status.PUBLISHED
    checks.assert_audited_as_managed("outcomes.published")
