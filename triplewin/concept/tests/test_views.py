"""Concept framework and decision views, tried as each role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories
from tests.roles import DECIDE, EDIT, READ, matrix
from triplewin.concept.models import ConceptFramework
from triplewin.concept.selectors import approval_state
from triplewin.core.input_guard import confirmation_token
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db


def _concept_post(project, **extra):
    # These tests post the first save: before it, the page gives version 0.
    data = {**factories.CONCEPT_TEXT, "row_version": "0"}
    for partner in project.partners.all():
        data[f"contribution_{partner.organisation_id}"] = "Two analysts for a year"
        data[f"value_{partner.organisation_id}"] = "40000"
    data.update(extra)
    return data


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_detail_by_role(client_for, project, role, status):
    assert client_for(role).get(reverse("concept:detail", args=[project.pk])).status_code == status


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_by_role(client_for, project, role, status):
    client = client_for(role)
    url = reverse("concept:edit", args=[project.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _concept_post(project))
    if status == 200:
        assert response.status_code == 302
        concept = ConceptFramework.objects.get(project=project)
        assert concept.duration_months == 12
        assert concept.contributions.count() == 2
    else:
        assert response.status_code == status
        assert not ConceptFramework.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(DECIDE))
def test_decide_get_by_role(client_for, project, role, status):
    assert client_for(role).get(reverse("concept:decide", args=[project.pk])).status_code == status


@pytest.fixture
def ready(project, nhs_lead):
    factories.ready_for_approval(project, nhs_lead)
    return project


@pytest.mark.parametrize(("role", "status"), matrix(DECIDE))
def test_decide_post_by_role(client_for, ready, roles, nhs_org, pharma_org, role, status):
    org = nhs_org if role == "nhs_lead" else pharma_org
    current = approval_state(ready, ready.concept).current_hash
    response = client_for(role).post(
        reverse("concept:decide", args=[ready.pk]),
        {"organisation": org.pk, "decision": "approve", "content_hash": current},
    )
    if status == 200:
        assert response.status_code == 302
        assert SignOffAct.objects.on("concept").get().organisation == org
    else:
        assert response.status_code == status
        assert not SignOffAct.objects.on("concept").exists()


def test_cannot_decide_for_another_partner(client_for, ready, nhs_org):
    current = approval_state(ready, ready.concept).current_hash
    response = client_for("industry_lead").post(
        reverse("concept:decide", args=[ready.pk]),
        {"organisation": nhs_org.pk, "decision": "approve", "content_hash": current},
    )
    assert response.status_code == 400
    assert not SignOffAct.objects.on("concept").exists()


def test_approving_a_red_failure_is_refused_with_reasons(client_for, project, nhs_lead, nhs_org):
    answers = factories.all_yes_checklist()
    answers["prospective"] = "no"
    factories.ready_for_approval(project, nhs_lead, checklist_answers=answers)
    current = approval_state(project, project.concept).current_hash
    response = client_for("nhs_lead").post(
        reverse("concept:decide", args=[project.pk]),
        {"organisation": nhs_org.pk, "decision": "approve", "content_hash": current},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Your approval has not been recorded" in body
    assert "You can still reject with a reason" in body
    assert "RED-PROSPECTIVE" in body
    assert not SignOffAct.objects.on("concept").exists()


def test_decision_on_outdated_version_is_refused(client_for, ready, nhs_org):
    response = client_for("nhs_lead").post(
        reverse("concept:decide", args=[ready.pk]),
        {"organisation": nhs_org.pk, "decision": "approve", "content_hash": "f" * 64},
    )
    assert response.status_code == 400
    assert "The concept changed after you opened this page" in response.content.decode()
    assert not SignOffAct.objects.on("concept").exists()


def test_bad_concept_input_kept_with_messages(client_for, project):
    response = client_for("nhs_lead").post(
        reverse("concept:edit", args=[project.pk]),
        _concept_post(project, duration_months="eighteen", start_year="27"),
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Enter the length as a whole number of months" in body
    assert "Two analysts for a year" in body  # what the user typed is not lost
    assert not ConceptFramework.objects.exists()


def test_detail_shows_reapproval_after_edit(client_for, ready, nhs_lead, nhs_org):
    from triplewin.concept import services

    services.concept_decide(actor=nhs_lead, project=ready, organisation=nhs_org, decision="approve")
    services.concept_save(
        actor=nhs_lead,
        project=ready,
        fields={"objectives": "Changed"},
        contributions={},
        expected_version=None,
    )
    body = (
        client_for("industry_lead").get(reverse("concept:detail", args=[ready.pk])).content.decode()
    )
    assert "Needs re-approval" in body


def test_an_nhs_number_in_the_background_is_refused_and_nothing_is_saved(client_for, project):
    url = reverse("concept:edit", args=[project.pk])
    background = "Started after Mr Jones (NHS number 943 476 5919) waited two years."
    response = client_for("nhs_lead").post(
        url, _concept_post(project, purpose_background=background)
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This looks like an NHS number: 943 *** **19." in html
    assert "company partners can see it" in html
    # Next to the field: inside the error message the textarea points to.
    error = html.split('id="id_purpose_background-error"', 1)[1].split("</span>", 2)
    assert "943 *** **19" in "".join(error[:2])
    assert not ConceptFramework.objects.exists()


def test_a_date_of_birth_is_saved_only_once_confirmed(client_for, project):
    url = reverse("concept:edit", args=[project.pk])
    client = client_for("nhs_lead")
    background = "The clinic lead's date of birth 3 March 1950 is on the poster."
    first = client.post(url, _concept_post(project, purpose_background=background))
    assert first.status_code == 400
    html = first.content.decode()
    assert "This looks like a date of birth: ** ** 1950." in html
    assert 'name="purpose_background__not_a_patient"' in html
    assert not ConceptFramework.objects.exists()

    token = confirmation_token(background)
    confirmed = client.post(
        url,
        _concept_post(
            project, purpose_background=background, purpose_background__not_a_patient=token
        ),
    )
    assert confirmed.status_code == 302
    assert ConceptFramework.objects.get().purpose_background == background


def test_a_stored_nhs_number_is_masked_on_every_page_that_shows_it(client_for, ready):
    # Stored before the input guard existed, straight into the database.
    ConceptFramework.objects.filter(project=ready).update(
        purpose_background="Seen 943 476 5919 yesterday.\x07"
    )
    for role, name in (("industry_lead", "concept:detail"), ("nhs_lead", "concept:edit")):
        html = client_for(role).get(reverse(name, args=[ready.pk])).content.decode()
        assert "Seen 943 *** **19 yesterday." in html
        assert "943 476 5919" not in html
        assert "\x07" not in html


# Issue 13 item 10. Seed: guidance, "Establishing a robust governance framework" (review
# against the checklist criteria); item 1: the expected effect on prescribing is shown
# wherever the benefits to industry are.
@pytest.mark.parametrize(("role", "status"), matrix(DECIDE))
def test_decide_page_shows_the_checklist_and_verdict(client_for, ready, role, status):
    response = client_for(role).get(reverse("concept:decide", args=[ready.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert 'id="checklist-verdict"' in body
        assert "Will the company only ever receive patient data" in body


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_detail_shows_expected_effect_on_prescribing(client_for, ready, role, status):
    response = client_for(role).get(reverse("concept:detail", args=[ready.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Expected effect on prescribing" in body
        assert "More patients treated in line with NICE guidance." in body
        assert 'id="checklist-verdict"' in body
