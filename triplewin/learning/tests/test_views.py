"""Every learning page, tried as each of the seven roles; forbidden posts change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.roles import EDIT, READ, matrix
from triplewin.core import principles, surveys
from triplewin.learning import services
from triplewin.learning.models import (
    PartnerSurvey,
    ReviewEntry,
    SelfAssessment,
    SurveyInvitation,
    SurveyResponse,
)
from triplewin.learning.tests.test_review import ENTRY
from triplewin.learning.tokens import make_token

pytestmark = pytest.mark.django_db

# Only the person a survey link was sent to may use it; anyone else signed in is refused, and
# someone signed out is sent to sign in first.
RESPOND = {
    "nhs_lead": 200,
    "industry_lead": 403,
    "governance_member": 403,
    "team_member": 403,
    "oversight": 403,
    "outsider": 403,
    "anonymous": 302,
}


def _url(name, project, *args):
    return reverse(f"learning:{name}", args=[project.pk, *args])


def _answers(score=4):
    data = {q.id: str(score) for q in surveys.AGREEMENT_QUESTIONS}
    data["went_well"] = "Everyone came to the meetings."
    return data


def _scores(score=4):
    data = {f"score_{slug}": str(score) for slug in principles.SLUGS}
    data["assessed_on"] = timezone.localdate().isoformat()
    data["comment_governance"] = "The agreement took four months."
    return data


@pytest.fixture
def entry(ended, nhs_lead):
    return services.review_entry_add(actor=nhs_lead, project=ended, fields=ENTRY)


@pytest.fixture
def link(surveyed, nhs_lead):
    invitation = SurveyInvitation.objects.get(survey__project=surveyed, user=nhs_lead)
    return reverse("learning:survey_respond", args=[make_token(invitation.pk)])


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_overview_by_role(client_for, entry, ended, role, status):
    response = client_for(role).get(_url("overview", ended))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "1 entry" in body
        assert "Not assessed yet" in body


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_review_by_role(client_for, entry, ended, role, status):
    response = client_for(role).get(_url("review", ended))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert ENTRY["why"] in body
        assert (_url("review_add", ended) in body) is (EDIT[role] == 200)


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_review_add_by_role(client_for, ended, role, status):
    client = client_for(role)
    assert client.get(_url("review_add", ended)).status_code == status
    response = client.post(_url("review_add", ended), ENTRY)
    if status == 200:
        assert response.status_code == 302
        assert ReviewEntry.objects.get().topic == ENTRY["topic"]
    else:
        assert response.status_code == status
        assert not ReviewEntry.objects.exists()


def test_review_add_reports_missing_parts(client_for, ended):
    response = client_for("nhs_lead").post(_url("review_add", ended), {**ENTRY, "planned": ""})
    assert response.status_code == 400
    assert "Say what was planned." in response.content.decode()
    assert not ReviewEntry.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_review_edit_by_role(client_for, ended, entry, role, status):
    client = client_for(role)
    assert client.get(_url("review_edit", ended, entry.pk)).status_code == status
    response = client.post(
        _url("review_edit", ended, entry.pk),
        {**ENTRY, "happened": "Nine signed up.", "row_version": entry.row_version},
    )
    entry.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert entry.happened == "Nine signed up."
    else:
        assert response.status_code == status
        assert entry.happened == ENTRY["happened"]


def test_review_edit_of_another_projects_entry_is_404(client_for, ended, entry, project):
    response = client_for("nhs_lead").get(_url("review_edit", project, entry.pk))
    assert response.status_code == 404


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_review_delete_by_role(client_for, ended, entry, role, status):
    client = client_for(role)
    assert client.get(_url("review_delete", ended, entry.pk)).status_code == status
    response = client.post(_url("review_delete", ended, entry.pk))
    if status == 200:
        assert response.status_code == 302
        assert not ReviewEntry.objects.exists()
    else:
        assert response.status_code == status
        assert ReviewEntry.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_survey_results_by_role(client_for, surveyed, role, status):
    response = client_for(role).get(_url("survey", surveyed))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Who has answered" in body
        assert "No responses yet." in body
        # Only the invited person sees a link to answer.
        assert ("Answer the survey" in body) is (role in ("nhs_lead", "industry_lead"))


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_survey_send_by_role(client_for, ended, role, status):
    client = client_for(role)
    assert client.get(_url("survey_send", ended)).status_code == status
    response = client.post(_url("survey_send", ended))
    if status == 200:
        assert response.status_code == 302
        assert len(mail.outbox) == 4
    else:
        assert response.status_code == status
        assert mail.outbox == []
        assert not PartnerSurvey.objects.exists()


def test_survey_send_before_the_end_is_400(client_for, project):
    response = client_for("nhs_lead").post(_url("survey_send", project))
    assert response.status_code == 400
    assert "delivery has ended" in response.content.decode()
    assert not PartnerSurvey.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_survey_close_by_role(client_for, surveyed, role, status):
    client = client_for(role)
    assert client.get(_url("survey_close", surveyed)).status_code == status
    response = client.post(_url("survey_close", surveyed))
    survey = PartnerSurvey.objects.get()
    if status == 200:
        assert response.status_code == 302
        assert survey.closed_on == timezone.localdate()
    else:
        assert response.status_code == status
        assert survey.closed_on is None


@pytest.mark.parametrize(("role", "status"), matrix(RESPOND))
def test_survey_link_by_role(client_for, link, role, status):
    client = client_for(role)
    response = client.get(link)
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("accounts:sign-in"))
    response = client.post(link, _answers())
    if status == 200:
        assert response.status_code == 302
        assert SurveyResponse.objects.count() == 1
        again = client.post(link, _answers(1))
        assert again.status_code == 302
        assert SurveyResponse.objects.count() == 1
        assert "You answered this survey on" in client.get(link).content.decode()
    else:
        assert response.status_code == status
        assert not SurveyResponse.objects.exists()


def test_a_tampered_link_is_404(client_for, link):
    assert client_for("nhs_lead").get(link[:-3] + "xx/").status_code == 404


def test_an_incomplete_answer_is_400_next_to_the_question(client_for, link):
    data = _answers()
    del data["trust"]
    response = client_for("nhs_lead").post(link, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="id_trust-error"' in body
    assert "Choose how far you agree." in body
    assert not SurveyResponse.objects.exists()


def test_results_never_show_a_small_sides_answers(client_for, surveyed, nhs_lead, nurse, analyst):
    for user in (nhs_lead, nurse):
        invitation = SurveyInvitation.objects.get(user=user)
        services.survey_respond(
            actor=user,
            invitation_id=invitation.pk,
            answers={**_int(_answers()), "change": "Secret"},
        )
    body = client_for("oversight").get(_url("survey", surveyed)).content.decode()
    assert "2 responses: results are shown once there are at least 3" in body
    assert "Secret" not in body
    services.survey_respond(
        actor=analyst,
        invitation_id=SurveyInvitation.objects.get(user=analyst).pk,
        answers=_int(_answers(2)),
    )
    body = client_for("oversight").get(_url("survey", surveyed)).content.decode()
    assert "Secret" in body
    assert 'id="table-nhs"' in body
    assert 'id="table-industry"' not in body


def _int(data):
    return {k: int(v) if v.isdigit() else v for k, v in data.items()}


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_principles_by_role(client_for, ended, nhs_lead, role, status):
    earlier = timezone.localdate() - dt.timedelta(days=60)
    for on, score in ((earlier, 2), (timezone.localdate(), 4)):
        services.assessment_save(
            actor=nhs_lead,
            project=ended,
            assessed_on=on,
            scores=dict.fromkeys(principles.SLUGS, score),
            comments={"leadership": "The director chairs every meeting."},
        )
    response = client_for(role).get(_url("principles", ended))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "<svg" in body
        assert 'id="principles-table"' in body
        assert "Up 2.0 since" in body
        assert "The director chairs every meeting." in body


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_assess_by_role(client_for, ended, role, status):
    client = client_for(role)
    assert client.get(_url("assess", ended)).status_code == status
    response = client.post(_url("assess", ended), _scores())
    if status == 200:
        assert response.status_code == 302
        assessment = SelfAssessment.objects.get()
        assert assessment.scores.get(principle="governance").comment.startswith("The agreement")
    else:
        assert response.status_code == status
        assert not SelfAssessment.objects.exists()


def test_assess_needs_every_score(client_for, ended):
    data = _scores()
    del data["score_leadership"]
    response = client_for("nhs_lead").post(_url("assess", ended), data)
    assert response.status_code == 400
    assert "Score principle 5, from 1 to 5." in response.content.decode()
    assert not SelfAssessment.objects.exists()


def test_a_team_member_may_assess(client, ended, nurse):
    client.force_login(nurse)
    response = client.post(_url("assess", ended), _scores(3))
    assert response.status_code == 302
    assert SelfAssessment.objects.get().assessed_by == nurse


def test_an_expired_survey_link_says_so_plainly(client_for, link, monkeypatch):
    import time

    from triplewin.learning import tokens

    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + tokens.LINK_LIFETIME.total_seconds() + 5)
    response = client_for("nhs_lead").get(link)
    assert response.status_code == 403
    assert "has expired" in response.content.decode()
