"""A patient organisation is never a party to the agreement (ADR 0021).

Guidance 000, stage 1: patient organisations cannot directly be included in collaborative
working; a company may contract one to deliver a service, outside the agreement.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from triplewin.agreement.models import AgreementParty
from triplewin.agreement.tests.conftest import add_party

pytestmark = pytest.mark.django_db


def test_a_patient_organisation_cannot_sign(in_setup, nhs_lead):
    charity = factories.organisation(name="Breathe Easy Together", org_type="patient_organisation")
    with pytest.raises(ValidationError) as refused:
        add_party(nhs_lead, in_setup, charity)
    assert "cannot be partners" in refused.value.message_dict["organisation"][0]
    assert not AgreementParty.objects.exists()
