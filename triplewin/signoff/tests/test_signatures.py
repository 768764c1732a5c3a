"""Recording a signature through the one write path: refusals in plain words, repeats ignored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from triplewin.agreement.tests.conftest import add_party, move_to
from triplewin.audit.models import AuditEvent
from triplewin.core import signoff as core
from triplewin.signoff import selectors, services
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 3, 2)


@pytest.fixture
def agreed(project, nhs_lead, nhs_org, pharma_org):
    move_to(project, "setup")
    add_party(nhs_lead, project, nhs_org)
    add_party(nhs_lead, project, pharma_org)
    return project


def _sign(actor, project, organisation, **extra):
    fields = {"signatory": "Sam Chief, Chief executive", "signed_on": DAY, **extra}
    return services.record_act(
        actor=actor,
        project=project,
        document="agreement-signature",
        subject="agreement",
        act=core.Act.SIGN,
        organisation=organisation,
        **fields,
    )


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"signatory": " "}, "signatory", "Name the person who signed."),
        ({"signed_on": None}, "signed_on", "Enter the date it was signed."),
    ],
)
def test_a_signature_needs_a_person_and_a_date(agreed, nhs_lead, nhs_org, extra, field, message):
    with pytest.raises(ValidationError) as refused:
        _sign(nhs_lead, agreed, nhs_org, **extra)
    assert refused.value.message_dict[field] == [message]
    assert not SignOffAct.objects.exists()


def test_a_signature_needs_the_organisation(agreed, nhs_lead):
    with pytest.raises(ValidationError) as refused:
        _sign(nhs_lead, agreed, None)
    assert refused.value.message_dict["organisation"] == ["Choose the organisation that signed."]


def test_a_document_that_is_not_signed_refuses_a_signature(agreed, nhs_lead, nhs_org):
    with pytest.raises(ValidationError) as refused:
        services.record_act(
            actor=nhs_lead,
            project=agreed,
            document="pid",
            subject="pid",
            act=core.Act.SIGN,
            organisation=nhs_org,
            signatory="Sam Chief",
            signed_on=DAY,
        )
    assert refused.value.messages == ["The PID is not signed."]


def test_nothing_to_sign_before_there_is_an_agreement(project, nhs_lead, nhs_org):
    move_to(project, "setup")
    with pytest.raises(ValidationError) as refused:
        _sign(nhs_lead, project, nhs_org)
    assert "No version of the agreement" in refused.value.messages[0]


def test_a_signature_is_recorded_once_and_audited(agreed, nhs_lead, nhs_org, pharma_org):
    first = _sign(nhs_lead, agreed, nhs_org)
    assert _sign(nhs_lead, agreed, nhs_org) == first
    assert SignOffAct.objects.count() == 1
    event = AuditEvent.objects.get(action="agreement.party_signed")
    assert event.changes["organisation"] == [None, nhs_org.name]
    assert event.changes["content_hash"] == [None, first.content_hash]
    assert first.at.date() == DAY
    state = selectors.signatures(agreed, "agreement-signature", "agreement", [nhs_org, pharma_org])
    assert state is not None
    assert state.unsigned == (pharma_org.name,)
    assert selectors.signature_of(state, nhs_org) is not None
    _sign(nhs_lead, agreed, pharma_org)
    state = selectors.signatures(agreed, "agreement-signature", "agreement", [nhs_org, pharma_org])
    assert state is not None
    assert state.signed_by_all
