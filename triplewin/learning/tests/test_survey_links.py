"""Feedback beyond the team: anonymous survey links for patients, staff and stakeholders.

The guidance's patient engagement plan asks for feedback after the project from patients and
staff, and its stakeholder tables name wider groups to involve and keep informed. The same
rule as the partners' survey keeps anyone identifiable: a group with fewer than three answers
shows only its count, and a wider group is never merged with any other.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.roles import EDIT, matrix
from triplewin.audit.models import AuditEvent
from triplewin.core import surveys
from triplewin.learning import services
from triplewin.learning.models import SurveyLink, SurveyResponse

pytestmark = pytest.mark.django_db


def _answers(score=4, comment="The clinic was closer to home."):
    data = {q.id: str(score) for q in surveys.WIDER_QUESTIONS if q.kind is surveys.Kind.AGREEMENT}
    data["went_well"] = comment
    return data


@pytest.fixture
def patients_link(ended, nhs_lead):
    return services.survey_link_create(actor=nhs_lead, project=ended, group="patients")


def _open(link):
    return reverse("learning:survey_open", args=[link.token])


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_links_page_by_role(client_for, ended, role, status):
    client = client_for(role)
    url = reverse("learning:survey_links", args=[ended.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"group": "staff"})
    if status == 200:
        assert response.status_code == 302
        link = SurveyLink.objects.get()
        assert link.group == "staff"
        assert link.token in client.get(url).content.decode()
    else:
        assert response.status_code == status
        assert not SurveyLink.objects.exists()


def test_a_link_waits_for_the_end_of_delivery(client_for, project):
    url = reverse("learning:survey_links", args=[project.pk])
    response = client_for("nhs_lead").post(url, {"group": "patients"})
    assert response.status_code == 400
    assert "delivery has ended" in response.content.decode()
    assert not SurveyLink.objects.exists()


def test_only_the_wider_groups_get_links(client_for, ended):
    url = reverse("learning:survey_links", args=[ended.pk])
    response = client_for("nhs_lead").post(url, {"group": "industry"})
    assert response.status_code == 400
    assert "Choose one of the groups listed." in response.content.decode()


def test_one_open_link_per_group(ended, nhs_lead, patients_link):
    again = services.survey_link_create(actor=nhs_lead, project=ended, group="patients")
    assert again == patients_link


def test_anyone_with_the_link_answers_once_per_browser_and_nothing_about_them_is_kept(
    patients_link,
):
    first, second = Client(), Client()
    page = first.get(_open(patients_link))
    assert page.status_code == 200
    assert "patients, carers and the public" in page.content.decode()
    assert first.post(_open(patients_link), _answers()).status_code == 302
    assert first.post(_open(patients_link), _answers(1)).status_code in (200, 302)
    assert SurveyResponse.objects.count() == 1
    assert "your answers have been recorded" in first.get(_open(patients_link)).content.decode()
    assert second.post(_open(patients_link), _answers(2)).status_code == 302
    responses = list(SurveyResponse.objects.all())
    assert {r.group for r in responses} == {"patients"}
    event = AuditEvent.objects.filter(action="survey.answered_anonymously").first()
    assert event is not None
    assert event.actor is None
    assert "clinic" not in str(event.changes)


def test_an_incomplete_answer_is_400_next_to_the_question(patients_link):
    data = _answers()
    del data["heard"]
    response = Client().post(_open(patients_link), data)
    assert response.status_code == 400
    assert 'id="id_heard-error"' in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_closed_link_takes_no_answers(client_for, ended, nhs_lead, patients_link):
    close = reverse("learning:survey_link_close", args=[ended.pk, patients_link.pk])
    assert client_for("industry_lead").post(close).status_code == 302
    patients_link.refresh_from_db()
    assert patients_link.closed_on is not None
    response = Client().post(_open(patients_link), _answers())
    assert "This survey is closed" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_closing_is_for_the_leads_only(client_for, ended, patients_link):
    close = reverse("learning:survey_link_close", args=[ended.pk, patients_link.pk])
    assert client_for("team_member").post(close).status_code == 403
    patients_link.refresh_from_db()
    assert patients_link.is_open


def test_a_made_up_link_is_404():
    assert Client().get(reverse("learning:survey_open", args=["nothing-here"])).status_code == 404


def test_small_wider_groups_are_suppressed_and_never_merged(client_for, ended, patients_link):
    for comment in ("Secret one", "Secret two"):
        services.survey_respond_anonymously(
            token=patients_link.token,
            answers={
                **{k: int(v) for k, v in _answers().items() if v.isdigit()},
                "went_well": comment,
            },
        )
    body = client_for("oversight").get(reverse("learning:survey", args=[ended.pk])).content.decode()
    assert "Feedback beyond the team" in body
    assert "2 responses: results are shown once there are at least 3" in body
    assert "Secret one" not in body
    services.survey_respond_anonymously(
        token=patients_link.token,
        answers={k: int(v) for k, v in _answers().items() if v.isdigit()},
    )
    body = client_for("oversight").get(reverse("learning:survey", args=[ended.pk])).content.decode()
    assert "Secret one" in body
    # The partners' own results still count only the partners.
    assert "All partners: 0 responses" in body
