"""Agreement party pages, tried as each of the seven roles, and the refusal of individuals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.roles import EDIT, matrix
from triplewin.agreement.models import AgreementParty
from triplewin.agreement.tests.conftest import move_to, signed_on
from triplewin.audit.models import AuditEvent
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db
INDIVIDUAL = "Agreements are made between organisations, never with an individual member of staff"


def _party_post(org, **extra):
    data = {
        "organisation": str(org.pk),
        "signatory_name": "Robin Director",
        "signatory_job_title": "Director of finance",
    }
    data.update(extra)
    return data


def _body(response):
    return response.content.decode().replace("&#39;", "'")


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_party_add_by_role(client_for, in_setup, nhs_org, role, status):
    client = client_for(role)
    url = reverse("agreement:party-add", args=[in_setup.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _party_post(nhs_org))
    if status == 200:
        assert response.status_code == 302
        assert AgreementParty.objects.get().signatory_name == "Robin Director"
    else:
        assert response.status_code == status
        assert not AgreementParty.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_party_edit_by_role(client_for, parties, in_setup, role, status):
    party = parties[0]
    client = client_for(role)
    url = reverse("agreement:party-edit", args=[in_setup.pk, party.pk])
    assert client.get(url).status_code == status
    response = client.post(
        url, {"signatory_name": "New Name", "signatory_job_title": "CEO", "row_version": "1"}
    )
    party.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert party.signatory_name == "New Name"
    else:
        assert response.status_code == status
        assert party.signatory_name == "Alex Signer"


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_party_sign_by_role(client_for, roles, parties, in_setup, role, status):
    party = parties[0]
    client = client_for(role)
    url = reverse("agreement:party-sign", args=[in_setup.pk, party.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"signed_on": "2026-02-01", "row_version": "1"})
    if status == 200:
        assert response.status_code == 302
        assert signed_on(party) == dt.date(2026, 2, 1)
        assert SignOffAct.objects.get(document="agreement-signature").actor == roles[role]
        # The form opened again shows the standing date.
        assert 'value="2026"' in client.get(url).content.decode()
    else:
        assert response.status_code == status
        assert signed_on(party) is None
        assert not SignOffAct.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_party_remove_by_role(client_for, parties, in_setup, role, status):
    party = parties[0]
    client = client_for(role)
    url = reverse("agreement:party-remove", args=[in_setup.pk, party.pk])
    assert client.get(url).status_code == status
    response = client.post(url)
    if status == 200:
        assert response.status_code == 302
        assert not AgreementParty.objects.filter(pk=party.pk).exists()
    else:
        assert response.status_code == status
        assert AgreementParty.objects.filter(pk=party.pk).exists()


@pytest.mark.parametrize(
    "typed", ["Dr Jane Smith", "jane.smith@nhs.net", "Jane Smith (Consultant)", "12 Smith", "²"]
)
def test_naming_an_individual_as_a_party_is_refused(client_for, in_setup, typed):
    response = client_for("nhs_lead").post(
        reverse("agreement:party-add", args=[in_setup.pk]),
        {"organisation": typed, "signatory_name": typed, "signatory_job_title": "Consultant"},
    )
    assert response.status_code == 400
    assert INDIVIDUAL in _body(response)
    assert "id_organisation-error" in _body(response)
    assert not AgreementParty.objects.exists()


def test_a_free_text_party_name_is_refused(client_for, in_setup, nhs_org):
    response = client_for("nhs_lead").post(
        reverse("agreement:party-add", args=[in_setup.pk]),
        _party_post(nhs_org, party_name="Dr Jane Smith"),
    )
    assert response.status_code == 400
    assert INDIVIDUAL in _body(response)
    assert not AgreementParty.objects.exists()


def test_an_unknown_organisation_is_refused(client_for, in_setup):
    response = client_for("nhs_lead").post(
        reverse("agreement:party-add", args=[in_setup.pk]),
        {"organisation": "987654", "signatory_name": "A", "signatory_job_title": "B"},
    )
    assert response.status_code == 400
    assert "There is no such organisation" in _body(response)
    assert not AgreementParty.objects.exists()


def test_a_body_that_is_not_a_legal_entity_is_refused(client_for, in_setup, pcn):
    client = client_for("nhs_lead")
    form = client.get(reverse("agreement:party-add", args=[in_setup.pk]))
    assert f"{pcn.name} (not a legal entity)" in _body(form)
    response = client.post(reverse("agreement:party-add", args=[in_setup.pk]), _party_post(pcn))
    body = _body(response)
    assert response.status_code == 400
    assert f"{pcn.name} cannot sign: it is not a legal entity" in body
    assert "Add the legal entity that signs for it" in body
    assert not AgreementParty.objects.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"organisation": ""}, "Choose the organisation that signs"),
        ({"signatory_name": ""}, "Enter the name of the person who signs"),
        ({"signatory_job_title": ""}, "Enter the job title of the person who signs"),
        ({"signatory_name": "x" * 300}, "at most 200 characters"),
    ],
)
def test_bad_party_input_is_400(client_for, in_setup, nhs_org, extra, message):
    response = client_for("nhs_lead").post(
        reverse("agreement:party-add", args=[in_setup.pk]), _party_post(nhs_org, **extra)
    )
    assert response.status_code == 400
    assert message in _body(response)
    assert not AgreementParty.objects.exists()


def test_adding_a_party_twice_is_400(client_for, parties, in_setup, nhs_org):
    response = client_for("nhs_lead").post(
        reverse("agreement:party-add", args=[in_setup.pk]), _party_post(nhs_org)
    )
    assert response.status_code == 400
    assert "already a party" in _body(response)
    assert AgreementParty.objects.count() == 2


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("", "Enter the date it was signed"),
        ("yesterday", "Enter a real date"),
        ("2026-13-01", "Enter a real date"),
        ("2099-01-01", "cannot be in the future"),
        ("2999-01-01", "Enter a date between 1 January 1990 and 31 December 2100."),
    ],
)
def test_bad_signature_date_is_400(client_for, parties, in_setup, date, message):
    party = parties[0]
    response = client_for("nhs_lead").post(
        reverse("agreement:party-sign", args=[in_setup.pk, party.pk]),
        {"signed_on": date, "row_version": party.row_version},
    )
    assert response.status_code == 400
    assert message in _body(response)
    assert signed_on(party) is None


def test_removing_a_signed_party_is_400(client_for, parties, in_setup):
    party = parties[0]
    client = client_for("nhs_lead")
    client.post(
        reverse("agreement:party-sign", args=[in_setup.pk, party.pk]),
        {"signed_on": "2026-02-01", "row_version": party.row_version},
    )
    response = client.post(reverse("agreement:party-remove", args=[in_setup.pk, party.pk]))
    assert response.status_code == 400
    assert "already signed" in _body(response)
    assert AgreementParty.objects.filter(pk=party.pk).exists()
    assert not AuditEvent.objects.filter(action="agreement.party_removed").exists()


def test_last_signature_when_gate_blocks_explains_why(client_for, parties, in_setup):
    move_to(in_setup, "pid_approved")
    client = client_for("industry_lead")
    for party in parties:
        response = client.post(
            reverse("agreement:party-sign", args=[in_setup.pk, party.pk]),
            {"signed_on": "2026-02-01", "row_version": party.row_version},
            follow=True,
        )
    body = _body(response)
    assert "Every party has signed, but the project cannot move on" in body
    in_setup.refresh_from_db()
    assert in_setup.state == "pid_approved"
    assert all(signed_on(p) == dt.date(2026, 2, 1) for p in parties)


def test_party_of_another_project_is_404(client_for, parties, nhs_lead, nhs_org):
    from tests import factories

    other = factories.project(actor=nhs_lead, lead=nhs_org, title="Other")
    move_to(other, "setup")
    url = reverse("agreement:party-sign", args=[other.pk, parties[0].pk])
    assert client_for("nhs_lead").get(url).status_code == 404
