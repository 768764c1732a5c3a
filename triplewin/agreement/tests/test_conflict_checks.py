"""Recording a party's signature is checked against the register of whoever records it."""

from __future__ import annotations

import datetime as dt

import pytest

from triplewin.agreement import services
from triplewin.agreement.tests.conftest import add_party, signed_on
from triplewin.conflicts.models import ConflictManagement, DecisionKind
from triplewin.conflicts.tests import checks

pytestmark = pytest.mark.django_db
SIGNED = dt.date(2026, 3, 2)


def test_recording_a_signature(in_setup, nhs_lead, industry_lead, pharma_org):
    party = add_party(nhs_lead, in_setup, pharma_org)
    checks.conflicted(in_setup, lead=nhs_lead, person=industry_lead)
    # There is no team yet, so the NHS partner's named lead records how it is managed.
    result = checks.refused_until_managed(
        lambda: services.party_sign(
            actor=industry_lead, party=party, signed_on=SIGNED, expected_version=None
        ),
        project=in_setup,
        by=nhs_lead,
        person=industry_lead,
        decision=DecisionKind.AGREEMENT_SIGNATURE,
        action="agreement.party_signed",
        nothing_recorded=lambda: signed_on(party) is None,
    )
    assert signed_on(result.party) == SIGNED
    assert ConflictManagement.objects.get().recorded_as == "Named lead for Test Hospitals NHS Trust"
