"""The end of delivery: completion, the outcomes summary and the learning records.

The partner survey emails every team member. The demo people are invented, so the survey is
sent with the dummy email backend: nothing leaves the machine whatever the settings say.
"""

from __future__ import annotations

import datetime as dt

from django.test import override_settings

from triplewin.delivery import services as delivery_services
from triplewin.demo.data.stage3_types import LearningSpec, OutcomesSpec
from triplewin.demo.stage2.lookup import Lookup
from triplewin.learning import services as learning_services
from triplewin.learning.models import SurveyInvitation
from triplewin.outcomes import services as outcomes_services
from triplewin.outcomes.models import Decision
from triplewin.partnerships.models import Project

NO_EMAIL = "django.core.mail.backends.dummy.EmailBackend"


def complete(project: Project, email: str, days_ago: int, lookup: Lookup, where: str) -> None:
    delivery_services.project_complete(
        actor=lookup.user(email, where),
        project=project,
        actual_end=lookup.today - dt.timedelta(days=days_ago),
        today=lookup.today,
    )
    project.refresh_from_db()


def load_outcomes(spec: OutcomesSpec, project: Project, lookup: Lookup, where: str) -> None:
    writer = lookup.user(spec.written_by, where)
    outcomes_services.outcomes_generate(actor=writer, project=project, today=lookup.today)
    outcomes_services.outcomes_save(
        actor=writer, project=project, fields=spec.fields, expected_version=None
    )
    if not spec.certified_by:
        return
    outcomes_services.outcomes_certify(
        actor=lookup.user(spec.certified_by, where),
        project=project,
        expected_version=None,
        today=lookup.today,
    )
    for approval in spec.approvals:
        outcomes_services.outcomes_decide(
            actor=lookup.user(approval.email, where),
            project=project,
            body=approval.body,
            organisation=lookup.org(approval.org, where) if approval.org else None,
            decision=Decision.APPROVE,
            expected_version=None,
        )
    if spec.published_by:
        outcomes_services.outcomes_publish(
            actor=lookup.user(spec.published_by, where),
            project=project,
            expected_version=None,
            today=lookup.today,
        )
        project.refresh_from_db()


def _survey(spec: LearningSpec, project: Project, lookup: Lookup, where: str) -> None:
    actor = lookup.user(spec.recorded_by, where)
    with override_settings(EMAIL_BACKEND=NO_EMAIL):
        learning_services.survey_send(actor=actor, project=project, today=lookup.today)
    for email, answers in spec.responses.items():
        respondent = lookup.user(email, where)
        invitation = SurveyInvitation.objects.get(survey__project=project, user=respondent)
        learning_services.survey_respond(
            actor=respondent, invitation_id=invitation.pk, answers=answers, today=lookup.today
        )
    if spec.close_survey:
        learning_services.survey_close(actor=actor, project=project, today=lookup.today)


def load_learning(spec: LearningSpec, project: Project, lookup: Lookup, where: str) -> None:
    actor = lookup.user(spec.recorded_by, where)
    for entry in spec.review:
        learning_services.review_entry_add(actor=actor, project=project, fields=entry)
    if spec.responses:
        _survey(spec, project, lookup, where)
    for assessment in spec.assessments:
        learning_services.assessment_save(
            actor=lookup.user(assessment.email, where),
            project=project,
            assessed_on=lookup.today - dt.timedelta(days=assessment.days_ago),
            scores=assessment.scores,
            comments=assessment.comments,
            today=lookup.today,
        )
