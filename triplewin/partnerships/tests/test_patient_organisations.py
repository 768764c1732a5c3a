"""Patient organisations are refused as partners, with the reason and the other route.

Guidance 000, stage 1 ("Partnerships can be formed between..."): a patient organisation cannot
take part in a collaborative working arrangement directly, though it may now and then be paid
under contract to provide a service supporting one element of it (ADR 0021).
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories
from triplewin.partnerships import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def patient_org(db):
    return factories.organisation(name="Breathe Easy Together", org_type="patient_organisation")


def test_adding_a_patient_organisation_is_refused_with_the_reason(project, nhs_lead, patient_org):
    with pytest.raises(ValidationError) as error:
        services.partner_add(
            actor=nhs_lead, project=project, organisation=patient_org, party_role="other_partner"
        )
    message = error.value.message_dict["organisation"][0]
    assert "cannot be partners" in message
    assert "contracted service" in message
    assert not project.partners.filter(organisation=patient_org).exists()


def test_creating_a_project_with_a_patient_organisation_is_refused(
    nhs_lead, nhs_org, pharma_org, patient_org
):
    with pytest.raises(ValidationError) as error:
        factories.project(actor=nhs_lead, lead=nhs_org, partners=[pharma_org, patient_org])
    assert "partner_organisations" in error.value.message_dict


def test_a_patient_organisation_cannot_lead_a_project(patient_org):
    lead = factories.member("po.lead@example.test", patient_org, "partnership_lead")
    with pytest.raises(ValidationError) as error:
        factories.project(actor=lead, lead=patient_org)
    assert "lead_organisation" in error.value.message_dict


def test_other_organisations_may_still_be_partners(project, nhs_lead):
    charity = factories.organisation(name="Heart Charity", org_type="third_sector")
    partner = services.partner_add(
        actor=nhs_lead, project=project, organisation=charity, party_role="other_partner"
    )
    assert partner.organisation == charity


def test_the_partners_page_shows_the_refusal_next_to_the_field(client_for, project, patient_org):
    response = client_for("nhs_lead").post(
        reverse("partnerships:partners", args=[project.pk]),
        {"organisation": patient_org.pk, "party_role": "other_partner"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Patient organisations cannot be partners" in body
    assert not project.partners.filter(organisation=patient_org).exists()


def test_a_legacy_patient_organisation_partner_fails_the_rule(project, nhs_lead, patient_org):
    from triplewin.core.rules import RULES_BY_ID
    from triplewin.partnerships.facts import build_facts
    from triplewin.partnerships.models import ProjectPartner

    # Recorded before the refusal existed: the rule still catches it at the gates.
    ProjectPartner.objects.create(
        project=project, organisation=patient_org, party_role="other_partner"
    )
    check = RULES_BY_ID["NO-PATIENT-ORGANISATION-PARTNER"].check(build_facts(project))
    assert check.outcome.value == "fail"
    assert "Breathe Easy Together" in check.detail
