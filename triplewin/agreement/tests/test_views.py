"""Agreement record pages, tried as each of the seven roles."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.agreement.models import Agreement
from triplewin.agreement.tests.conftest import COMPLETE_CLAUSES, move_to

pytestmark = pytest.mark.django_db


def _edit_post(**extra):
    data = {k: v for k, v in COMPLETE_CLAUSES.items() if k != "code_breach_acknowledged"}
    # No agreement is saved yet in these tests: the page gives version 0.
    data.update(
        {"agreement_date": "2027-01-04", "code_breach_acknowledged": "on", "row_version": "0"}
    )
    data.update(extra)
    return data


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_detail_by_role(client_for, parties, in_setup, role, status):
    response = client_for(role).get(reverse("agreement:detail", args=[in_setup.pk]))
    assert response.status_code == status
    if status == 200:
        assert "Alex Signer, Chief executive" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_clauses_by_role(client_for, in_setup, role, status):
    response = client_for(role).get(reverse("agreement:clauses", args=[in_setup.pk]))
    assert response.status_code == status
    if status == 200:
        assert "Dispute resolution" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_by_role(client_for, in_setup, role, status):
    client = client_for(role)
    url = reverse("agreement:edit", args=[in_setup.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _edit_post())
    if status == 200:
        assert response.status_code == 302
        agreement = Agreement.objects.get()
        assert agreement.term_months == 18
        assert agreement.code_breach_acknowledged
    else:
        assert response.status_code == status
        assert not Agreement.objects.exists()


def test_clauses_checklist_shows_present_and_missing(client_for, in_setup):
    client = client_for("nhs_lead")
    client.post(
        reverse("agreement:edit", args=[in_setup.pk]),
        _edit_post(dispute_resolution="", code_breach_acknowledged=""),
    )
    body = client.get(reverse("agreement:clauses", args=[in_setup.pk])).content.decode()
    assert "2 of 17 missing." in body
    assert body.count("nhsuk-tag--red") == 2
    assert "How disagreements between the parties are raised" in body


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"term_months": "eighteen"}, "Enter the term as a whole number of months"),
        ({"term_months": "0"}, "between 1 and 120"),
        ({"agreement_date": "31/02/2027"}, "Enter a real date"),
        ({"agreement_date": "1990-01-01"}, "between 2000"),
        ({"working_type": "partnership"}, "Select a valid choice"),
        ({"benefits": "x" * 9000}, "at most 8000 characters"),
    ],
)
def test_bad_agreement_input_is_400_and_saves_nothing(client_for, in_setup, extra, message):
    response = client_for("nhs_lead").post(
        reverse("agreement:edit", args=[in_setup.pk]), _edit_post(**extra)
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert "nhsuk-error-message" in body
    assert not Agreement.objects.exists()


def test_empty_post_is_400(client_for, in_setup):
    response = client_for("nhs_lead").post(reverse("agreement:edit", args=[in_setup.pk]), {})
    assert response.status_code == 400
    assert "Choose collaborative working or joint working" in response.content.decode()


def test_stale_agreement_edit_is_400(client_for, in_setup):
    client = client_for("nhs_lead")
    client.post(reverse("agreement:edit", args=[in_setup.pk]), _edit_post())
    version = Agreement.objects.get().row_version
    client_for("industry_lead").post(
        reverse("agreement:edit", args=[in_setup.pk]),
        _edit_post(benefits="Changed", row_version=str(version)),
    )
    response = client.post(
        reverse("agreement:edit", args=[in_setup.pk]),
        _edit_post(benefits="Mine", row_version=str(version)),
    )
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()
    assert Agreement.objects.get().benefits == "Changed"


def test_edit_outside_editable_states_is_400(client_for, project):
    move_to(project, "in_delivery")
    response = client_for("nhs_lead").post(
        reverse("agreement:edit", args=[project.pk]), _edit_post()
    )
    assert response.status_code == 400
    assert "variation agreement" in response.content.decode()
    assert not Agreement.objects.exists()


def test_detail_without_agreement(client_for, in_setup):
    body = (
        client_for("nhs_lead").get(reverse("agreement:detail", args=[in_setup.pk])).content.decode()
    )
    assert "No agreement has been recorded yet" in body
    assert "Record the agreement" in body


def test_detail_names_partners_missing_from_the_parties(client_for, in_setup, nhs_lead, pharma_org):
    from triplewin.agreement.tests.conftest import add_party

    add_party(nhs_lead, in_setup, pharma_org)
    body = (
        client_for("nhs_lead").get(reverse("agreement:detail", args=[in_setup.pk])).content.decode()
    )
    assert "Partners not yet named as parties:" in body
    assert "Test Hospitals NHS Trust" in body
