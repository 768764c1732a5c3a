"""Recording a party's signature is checked against the register of whoever records it."""

from __future__ import annotations

import datetime as dt

import pytest

from triplewin.agreement import services
from triplewin.agreement.tests.conftest import add_party
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks

pytestmark = pytest.mark.django_db


def test_recording_a_signature(in_setup, nhs_lead, industry_lead, pharma_org):
    party = add_party(nhs_lead, in_setup, pharma_org)
    checks.concern_product(in_setup, nhs_lead)
    checks.declare_interest(industry_lead)

    def sign():
        return services.party_sign(
            actor=industry_lead, party=party, signed_on=dt.date(2026, 3, 2), expected_version=None
        )

    checks.refused(sign)
    party.refresh_from_db()
    assert party.signed_on is None
    # No team yet, so the NHS partner's named lead records how the conflict is managed.
    record = checks.manage(
        in_setup, by=nhs_lead, person=industry_lead, decision=DecisionKind.AGREEMENT_SIGNATURE
    )
    assert record.recorded_as == "Named lead for Test Hospitals NHS Trust"
    assert sign().party.signed_on == dt.date(2026, 3, 2)
    checks.assert_audited_as_managed("agreement.party_signed")
