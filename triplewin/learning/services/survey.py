"""Writes for the partner survey: send the invitations, take a response, close it.

Answers never reach the audit trail: it records that a person answered, not what they said.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import smtplib
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core import surveys
from triplewin.core.lifecycle import State
from triplewin.learning import emails
from triplewin.learning.models import PartnerSurvey, SurveyInvitation, SurveyLink, SurveyResponse
from triplewin.organisations.models import Sector
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.team.models import TeamMember

logger = logging.getLogger(__name__)

# The survey looks back on a project, so it is sent once delivery has ended.
ENDED = frozenset({State.COMPLETED, State.OUTCOMES_PUBLISHED, State.TERMINATED})
GROUP_FOR_SECTOR = {Sector.NHS: surveys.Group.NHS, Sector.INDUSTRY: surveys.Group.INDUSTRY}
NOT_ENDED = "The partner survey is sent once the project's delivery has ended."
CLOSED = "The survey is closed."


@dataclass(frozen=True)
class SendResult:
    invited: int
    sent: int
    failed: int
    without_email: tuple[str, ...]


def _lock_for_editor(actor: User, project: Project) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if not access.can_edit(actor, locked):
        raise PermissionDenied(
            "Only the partnership leads of a partner organisation can run the survey."
        )
    return locked


def _name(user: User) -> str:
    return user.get_full_name() or user.get_username()


def _open_survey(actor: User, project: Project, today: dt.date) -> PartnerSurvey:
    survey = PartnerSurvey.objects.filter(project=project).first()
    if survey is None:
        survey = PartnerSurvey(project=project, opened_by=actor, opened_on=today)
        survey.full_clean()
        survey.save()
        audit.record(
            actor=actor,
            action="survey.opened",
            obj=survey,
            project_id=project.pk,
            changes={"opened_on": [None, today.isoformat()]},
        )
    if not survey.is_open:
        raise ValidationError(CLOSED)
    return survey


def _invite_team(survey: PartnerSurvey, project: Project) -> list[str]:
    """Invite every NHS and industry member of the team not yet invited; names without email."""
    invited = set(survey.invitations.values_list("user_id", flat=True))
    without_email = []
    for member in (
        TeamMember.objects.active().filter(project=project).select_related("user", "organisation")
    ):
        group = GROUP_FOR_SECTOR.get(member.organisation.sector)
        if group is None or member.user_id in invited:
            continue
        if not member.user.email:
            without_email.append(_name(member.user))
            continue
        SurveyInvitation.objects.create(
            survey=survey, user=member.user, organisation=member.organisation, group=group
        )
        invited.add(member.user_id)
    return without_email


@transaction.atomic
def survey_send(*, actor: User, project: Project, today: dt.date | None = None) -> SendResult:
    """Open the survey if needed and email everyone on the team who has not had a link yet."""
    locked = _lock_for_editor(actor, project)
    if locked.state_enum not in ENDED:
        raise ValidationError(NOT_ENDED)
    survey = _open_survey(actor, locked, today or timezone.localdate())
    without_email = _invite_team(survey, locked)
    pending = list(
        survey.invitations.filter(sent_at__isnull=True, responded_on__isnull=True).select_related(
            "user", "survey__project"
        )
    )
    sent: list[str] = []
    failed = 0
    for invitation in pending:
        try:
            emails.survey_invitation(invitation).send()
        except (smtplib.SMTPException, OSError):
            # The invitation stays unsent, so sending again later tries this person again.
            logger.exception("Survey invitation %s was not sent", invitation.pk)
            failed += 1
            continue
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
        sent.append(_name(invitation.user))
    if sent:
        audit.record(
            actor=actor,
            action="survey.sent",
            obj=survey,
            project_id=locked.pk,
            changes={"sent_to": [None, sorted(sent)]},
        )
    return SendResult(survey.invitations.count(), len(sent), failed, tuple(without_email))


@transaction.atomic
def survey_respond(
    *,
    actor: User,
    invitation_id: int,
    answers: surveys.Answers,
    today: dt.date | None = None,
) -> SurveyResponse:
    invitation = (
        SurveyInvitation.objects.select_for_update()
        .select_related("survey")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or invitation.user_id != actor.pk:
        raise PermissionDenied("This survey link was sent to someone else.")
    if invitation.responded_on is not None:
        raise ValidationError("You have already answered this survey; each person answers once.")
    if not invitation.survey.is_open:
        raise ValidationError(CLOSED)
    problems = surveys.problems(answers)
    if problems:
        raise ValidationError(problems)
    cleaned = {
        qid: value.strip() if isinstance(value, str) else value
        for qid, value in answers.items()
        if value not in (None, "")
    }
    response = SurveyResponse(survey=invitation.survey, group=invitation.group, answers=cleaned)
    response.full_clean()
    response.save()
    invitation.responded_on = today or timezone.localdate()
    invitation.save(update_fields=["responded_on"])
    audit.record(
        actor=actor,
        action="survey.answered",
        obj=invitation,
        project_id=invitation.survey.project_id,
        changes={"responded_on": [None, invitation.responded_on.isoformat()]},
    )
    return response


@transaction.atomic
def survey_close(*, actor: User, project: Project, today: dt.date | None = None) -> PartnerSurvey:
    locked = _lock_for_editor(actor, project)
    survey = PartnerSurvey.objects.select_for_update().filter(project=locked).first()
    if survey is None:
        raise ValidationError("The survey has not been sent yet.")
    if not survey.is_open:
        return survey
    survey.closed_on = today or timezone.localdate()
    survey.full_clean()
    survey.save(update_fields=["closed_on"])
    audit.record(
        actor=actor,
        action="survey.closed",
        obj=survey,
        project_id=locked.pk,
        changes={"closed_on": [None, survey.closed_on.isoformat()]},
    )
    return survey


LINK_CLOSED = "This survey link is closed; thank you for your interest."


@transaction.atomic
def survey_link_create(
    *, actor: User, project: Project, group: str, today: dt.date | None = None
) -> SurveyLink:
    """Open the survey if needed and make an anonymous link for one wider group.

    A group has one open link at a time: asking again gives the link already open.
    """
    locked = _lock_for_editor(actor, project)
    if locked.state_enum not in ENDED:
        raise ValidationError(NOT_ENDED)
    if group not in {g.value for g in surveys.WIDER_GROUPS}:
        raise ValidationError({"group": "Choose who the link is for."})
    survey = _open_survey(actor, locked, today or timezone.localdate())
    found = SurveyLink.objects.filter(survey=survey, group=group, closed_on__isnull=True).first()
    if found is not None:
        return found
    link = SurveyLink(
        survey=survey,
        group=group,
        token=secrets.token_urlsafe(32),
        created_by=actor,
        created_on=today or timezone.localdate(),
    )
    link.full_clean()
    link.save()
    audit.record(
        actor=actor,
        action="survey.link_created",
        obj=link,
        project_id=locked.pk,
        changes={"group": [None, link.get_group_display()]},
    )
    return link


@transaction.atomic
def survey_link_close(
    *, actor: User, project: Project, link_id: int, today: dt.date | None = None
) -> SurveyLink:
    locked = _lock_for_editor(actor, project)
    link = SurveyLink.objects.select_for_update().filter(pk=link_id, survey__project=locked).first()
    if link is None:
        raise ValidationError("That link does not belong to this project's survey.")
    if not link.is_open:
        return link
    link.closed_on = today or timezone.localdate()
    link.save(update_fields=["closed_on"])
    audit.record(
        actor=actor,
        action="survey.link_closed",
        obj=link,
        project_id=locked.pk,
        changes={"closed_on": [None, link.closed_on.isoformat()]},
    )
    return link


def open_link(token: str) -> SurveyLink | None:
    """The link for a token, if it exists (open or not); None for one that never existed."""
    if not token or len(token) > 64:
        return None
    return SurveyLink.objects.select_related("survey__project").filter(token=token).first()


@transaction.atomic
def survey_respond_anonymously(*, token: str, answers: surveys.Answers) -> SurveyResponse:
    """Store one anonymous answer through a group's link; nothing about the person is kept.

    The audit records that the link was used, with no actor and no answers.
    """
    link = (
        SurveyLink.objects.select_for_update().select_related("survey").filter(token=token).first()
    )
    if link is None:
        raise PermissionDenied("This survey link is not valid.")
    if not link.is_open or not link.survey.is_open:
        raise ValidationError(LINK_CLOSED)
    group = surveys.Group(link.group)
    problems = surveys.problems(answers, surveys.questions_for(group))
    if problems:
        raise ValidationError(problems)
    cleaned = {
        qid: value.strip() if isinstance(value, str) else value
        for qid, value in answers.items()
        if value not in (None, "")
    }
    response = SurveyResponse(survey=link.survey, group=link.group, answers=cleaned)
    response.full_clean()
    response.save()
    audit.record(
        actor=None,
        action="survey.answered_anonymously",
        obj=link,
        project_id=link.survey.project_id,
        changes={"group": [None, link.get_group_display()]},
    )
    return response
