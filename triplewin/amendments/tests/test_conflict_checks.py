"""Certifying, approving and signing the variation of an amendment are conflict-checked."""

from __future__ import annotations

import pytest
from django.utils import timezone

from triplewin.amendments import services
from triplewin.amendments.models import (
    VariationAgreement,
)
from triplewin.amendments.presenters.variation import variation_rows
from triplewin.amendments.tests.fixtures import DETAILS, NEW_EXIT, sign_off
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db


def test_certifying(submitted_amendment, signatory, nhs_lead):
    project = checks.conflicted(submitted_amendment.project, lead=nhs_lead, person=signatory)
    record = checks.refused_until_managed(
        lambda: services.amendment_certify(actor=signatory, amendment=submitted_amendment),
        project=project,
        by=nhs_lead,
        person=signatory,
        decision=DecisionKind.AMENDMENT_CERTIFICATION,
        action="amendment.certified",
        nothing_recorded=lambda: not SignOffAct.objects.on("amendment").certifications().exists(),
    )
    assert record.actor == signatory


def test_approving_for_a_committee(submitted_amendment, governance_member, pharma_org, nhs_lead):
    project = checks.conflicted(
        submitted_amendment.project, lead=nhs_lead, person=governance_member
    )
    record = checks.refused_until_managed(
        lambda: services.amendment_decide(
            actor=governance_member,
            amendment=submitted_amendment,
            body="governance_committee",
            organisation=pharma_org,
            decision="approve",
        ),
        project=project,
        by=nhs_lead,
        person=governance_member,
        decision=DecisionKind.AMENDMENT_APPROVAL,
        action="amendment.approved",
        nothing_recorded=lambda: not SignOffAct.objects.on("amendment").decisions().exists(),
    )
    assert record.actor == governance_member


def test_recording_variation_signatures(
    pid_in_delivery, signatory, nhs_lead, industry_lead, committees, nhs_org
):
    amendment = services.amendment_create(
        actor=nhs_lead,
        project=pid_in_delivery,
        fields={**DETAILS, "changes_contract": True, "contract_changes": "Term 18 to 21 months"},
    )
    services.amendment_change_set(
        actor=nhs_lead, amendment=amendment, field_key="exit_strategy", after=NEW_EXIT
    )
    services.amendment_submit(actor=nhs_lead, amendment=amendment)
    sign_off(amendment, signatory=signatory, team=nhs_lead, committees=committees)
    variation = VariationAgreement.objects.get(amendment=amendment)
    project = checks.conflicted(pid_in_delivery, lead=nhs_lead, person=industry_lead)

    def signed_on():
        return next(r for r in variation_rows(variation) if r.organisation == nhs_org).signed_on

    checks.refused_until_managed(
        lambda: services.variation_signatures_save(
            actor=industry_lead,
            variation=variation,
            signatures={nhs_org.pk: services.PartySignature("Pat Lead", timezone.localdate())},
            expected_version=None,
        ),
        project=project,
        by=nhs_lead,
        person=industry_lead,
        decision=DecisionKind.AGREEMENT_SIGNATURE,
        action="variation.party_signed",
        nothing_recorded=lambda: signed_on() is None,
    )
    assert signed_on() == timezone.localdate()
