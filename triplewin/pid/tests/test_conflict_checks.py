"""Certifying and approving the PID are checked against the decision maker's register, and
sales staff hold no governance committee seat."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.pid import services
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db


def test_certifying(submitted, signatory, nhs_lead):
    project = checks.conflicted(submitted.project, lead=nhs_lead, person=signatory)
    record = checks.refused_until_managed(
        lambda: services.pid_certify(actor=signatory, project=project, version_number=1),
        project=project,
        by=nhs_lead,
        person=signatory,
        decision=DecisionKind.PID_CERTIFICATION,
        action="pid.certified",
        nothing_recorded=lambda: not SignOffAct.objects.on("pid").certifications().exists(),
    )
    assert record.actor == signatory


def test_approving_for_a_committee(submitted, governance_member, pharma_org, nhs_lead):
    project = checks.conflicted(submitted.project, lead=nhs_lead, person=governance_member)
    record = checks.refused_until_managed(
        lambda: services.pid_decide(
            actor=governance_member,
            project=project,
            version_number=1,
            body="governance_committee",
            organisation=pharma_org,
            decision="approve",
        ),
        project=project,
        by=nhs_lead,
        person=governance_member,
        decision=DecisionKind.PID_APPROVAL,
        action="pid.approved",
        nothing_recorded=lambda: not SignOffAct.objects.on("pid").decisions().exists(),
    )
    assert record.actor == governance_member


def test_a_governance_member_in_sales_cannot_approve_for_the_committee(submitted, pharma_org):
    salesperson = factories.member(
        "sales.governance@example.test", pharma_org, "governance_member", function="sales"
    )
    with pytest.raises(ValidationError, match="do not sit on the governance committee"):
        services.pid_decide(
            actor=salesperson,
            project=submitted.project,
            version_number=1,
            body="governance_committee",
            organisation=pharma_org,
            decision="approve",
        )
    assert not SignOffAct.objects.on("pid").decisions().exists()
