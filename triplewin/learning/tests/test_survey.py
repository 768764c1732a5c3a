"""The partner survey: personal links by email, one answer each, results only in aggregate."""

from __future__ import annotations

import re
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from triplewin.audit.models import AuditEvent
from triplewin.core import surveys
from triplewin.learning import selectors, services
from triplewin.learning.models import SurveyInvitation, SurveyResponse
from triplewin.learning.tokens import make_token, read_token
from triplewin.outcomes.tests import builders

pytestmark = pytest.mark.django_db


def _answers(score: int = 4, **text: str) -> dict[str, int | str]:
    answers: dict[str, int | str] = {q.id: score for q in surveys.AGREEMENT_QUESTIONS}
    answers.update(text)
    return answers


def _invitation(project, user):
    return SurveyInvitation.objects.get(survey__project=project, user=user)


def test_not_sent_before_delivery_ends(people, nhs_lead):
    project = builders.in_delivery(ended_on=timezone.localdate(), **people)
    with pytest.raises(ValidationError, match="delivery has ended"):
        services.survey_send(actor=nhs_lead, project=project)
    assert not SurveyInvitation.objects.exists()
    assert mail.outbox == []


def test_only_partnership_leads_send_it(ended, governance_member, oversight, nurse):
    for user in (governance_member, oversight, nurse):
        with pytest.raises(PermissionDenied):
            services.survey_send(actor=user, project=ended)
    assert mail.outbox == []


def test_every_nhs_and_industry_member_gets_a_personal_link(
    ended, nhs_lead, industry_lead, nurse, analyst
):
    result = services.survey_send(actor=nhs_lead, project=ended)
    assert (result.invited, result.sent, result.failed) == (4, 4, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (nhs_lead, industry_lead, nurse, analyst)
    )
    groups = dict(SurveyInvitation.objects.values_list("user__username", "group"))
    assert groups[industry_lead.username] == "industry"
    assert groups[nurse.username] == "nhs"
    message = next(m for m in mail.outbox if m.to == [nurse.email])
    invitation = _invitation(ended, nurse)
    # The link's token is signed with the second it was made, so read it back rather than
    # making another one that may fall in the next second.
    link = re.search(r"/projects/survey/([^/\s]+)/", str(message.body))
    assert link is not None
    assert read_token(link.group(1)) == invitation.pk
    assert ended.title in message.subject
    assert AuditEvent.objects.filter(action="survey.sent").count() == 1
    # Sending again emails nobody twice.
    again = services.survey_send(actor=nhs_lead, project=ended)
    assert (again.invited, again.sent) == (4, 0)
    assert len(mail.outbox) == 4


def test_a_failed_email_is_tried_again_next_time(ended, nhs_lead):
    with mock.patch(
        "django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPException("down")
    ):
        result = services.survey_send(actor=nhs_lead, project=ended)
    assert (result.sent, result.failed) == (0, 4)
    assert SurveyInvitation.objects.filter(sent_at__isnull=True).count() == 4
    assert services.survey_send(actor=nhs_lead, project=ended).sent == 4


def test_tokens_are_signed():
    token = make_token(42)
    assert read_token(token) == 42
    assert read_token(token[:-2] + "xx") is None
    assert read_token("42") is None


def test_each_person_answers_once(surveyed, nurse):
    invitation = _invitation(surveyed, nurse)
    response = services.survey_respond(
        actor=nurse, invitation_id=invitation.pk, answers=_answers(5, went_well="  Clear aims. ")
    )
    assert response.group == "nhs"
    assert response.answers["went_well"] == "Clear aims."
    invitation.refresh_from_db()
    assert invitation.responded_on == timezone.localdate()
    with pytest.raises(ValidationError, match="already answered"):
        services.survey_respond(actor=nurse, invitation_id=invitation.pk, answers=_answers(1))
    assert SurveyResponse.objects.count() == 1
    # The audit trail records that the nurse answered, never what they said.
    event = AuditEvent.objects.get(action="survey.answered")
    assert "Clear aims." not in str(event.changes)
    assert set(event.changes) == {"responded_on"}


def test_nobody_answers_for_someone_else(surveyed, nurse, nhs_lead):
    with pytest.raises(PermissionDenied):
        services.survey_respond(
            actor=nhs_lead, invitation_id=_invitation(surveyed, nurse).pk, answers=_answers()
        )
    assert not SurveyResponse.objects.exists()


def test_incomplete_answers_are_refused_by_question(surveyed, nurse):
    answers = _answers()
    del answers["trust"]
    with pytest.raises(ValidationError) as error:
        services.survey_respond(
            actor=nurse, invitation_id=_invitation(surveyed, nurse).pk, answers=answers
        )
    assert error.value.message_dict == {"trust": ["Choose how far you agree."]}
    assert not SurveyResponse.objects.exists()


def test_a_closed_survey_takes_no_answers(surveyed, nhs_lead, nurse, oversight):
    with pytest.raises(PermissionDenied):
        services.survey_close(actor=oversight, project=surveyed)
    services.survey_close(actor=nhs_lead, project=surveyed)
    with pytest.raises(ValidationError, match="closed"):
        services.survey_respond(
            actor=nurse, invitation_id=_invitation(surveyed, nurse).pk, answers=_answers()
        )
    with pytest.raises(ValidationError, match="closed"):
        services.survey_send(actor=nhs_lead, project=surveyed)
    assert AuditEvent.objects.filter(action="survey.closed").count() == 1


def test_results_hide_a_side_with_fewer_than_three_answers(
    surveyed, nhs_lead, industry_lead, nurse, analyst
):
    for user, score in ((nhs_lead, 5), (nurse, 4), (analyst, 3), (industry_lead, 1)):
        services.survey_respond(
            actor=user,
            invitation_id=_invitation(surveyed, user).pk,
            answers=_answers(score, change=f"Note from {user.username}"),
        )
    results = selectors.survey_results(selectors.survey_for(surveyed))
    nhs, industry = results.groups
    assert (nhs.responses, nhs.suppressed) == (3, False)
    assert nhs.questions[0].mean == 4
    assert len(nhs.comments["change"]) == 3
    assert (industry.responses, industry.suppressed, industry.questions) == (1, True, ())
    assert results.combined.suppressed


def test_combined_results_say_which_side_is_too_small_and_why():
    from triplewin.core import surveys as core_surveys
    from triplewin.learning.presenters.survey import SurveyPresenter

    responses = [core_surveys.Response(core_surveys.Group.NHS, {}) for _ in range(3)]
    responses.append(core_surveys.Response(core_surveys.Group.INDUSTRY, {}))
    presenter = SurveyPresenter(None, [], core_surveys.aggregate(responses), None)
    nhs, industry, combined = presenter.groups()
    assert nhs.notice == ""
    assert industry.notice.startswith("1 response: results are shown once there are at least 3")
    assert combined.notice.startswith(
        "4 responses in all, but too few from industry partners (1 response)"
    )
    assert "comparing the combined results with the other side's" in combined.notice


def test_a_survey_link_expires_after_sixty_days(monkeypatch):
    import time

    from triplewin.learning import tokens

    token = tokens.make_token(41)
    assert tokens.read_token(token) == 41
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + tokens.LINK_LIFETIME.total_seconds() + 5)
    with pytest.raises(tokens.LinkExpired):
        tokens.read_token(token)
    assert tokens.read_token(token + "x") is None
