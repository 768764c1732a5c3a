"""Reads for the learning pages: review entries, survey state and results, principle trends."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from triplewin.core import principles, surveys
from triplewin.learning.models import (
    PartnerSurvey,
    PrincipleScore,
    ReviewEntry,
    SelfAssessment,
    SurveyInvitation,
    SurveyResponse,
)
from triplewin.partnerships.models import Project


def review_entries(project: Project) -> list[ReviewEntry]:
    return list(ReviewEntry.objects.filter(project=project).select_related("recorded_by"))


def survey_for(project: Project) -> PartnerSurvey | None:
    return PartnerSurvey.objects.filter(project=project).first()


def invitations(survey: PartnerSurvey | None) -> list[SurveyInvitation]:
    if survey is None:
        return []
    return list(survey.invitations.select_related("user", "organisation"))


def invitation_for(survey: PartnerSurvey | None, user: Any) -> SurveyInvitation | None:
    if survey is None or not user.is_authenticated:
        return None
    return survey.invitations.filter(user=user).first()


def survey_results(survey: PartnerSurvey | None) -> surveys.Results:
    rows = SurveyResponse.objects.filter(survey=survey) if survey else SurveyResponse.objects.none()
    return surveys.aggregate(
        [surveys.Response(surveys.Group(r.group), r.answers) for r in rows.only("group", "answers")]
    )


def scores_by_date(project: Project) -> dict[dt.date, list[dict[str, int]]]:
    """Each assessment day, with one {principle: score} per person who assessed that day."""
    by_assessment: dict[int, dict[str, int]] = defaultdict(dict)
    dates: dict[int, dt.date] = {}
    for assessment_id, assessed_on, principle, score in PrincipleScore.objects.filter(
        assessment__project=project
    ).values_list("assessment_id", "assessment__assessed_on", "principle", "score"):
        by_assessment[assessment_id][principle] = score
        dates[assessment_id] = assessed_on
    grouped: dict[dt.date, list[dict[str, int]]] = defaultdict(list)
    for assessment_id, scores in by_assessment.items():
        grouped[dates[assessment_id]].append(scores)
    return dict(grouped)


def trend(project: Project) -> list[principles.TrendPoint]:
    return principles.trend(scores_by_date(project))


def assessments(project: Project) -> list[SelfAssessment]:
    return list(
        SelfAssessment.objects.filter(project=project)
        .prefetch_related("scores")
        .order_by("-assessed_on", "assessed_by_label")
    )


def own_assessment(project: Project, user: Any, on: dt.date) -> SelfAssessment | None:
    if not user.is_authenticated:
        return None
    return (
        SelfAssessment.objects.filter(project=project, assessed_by=user, assessed_on=on)
        .prefetch_related("scores")
        .first()
    )
