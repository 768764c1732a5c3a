"""The nine-principles self-assessment: any project member, any stage, one per person a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from triplewin.audit.models import AuditEvent
from triplewin.core import principles
from triplewin.learning import selectors, services
from triplewin.learning.models import PrincipleScore, SelfAssessment

pytestmark = pytest.mark.django_db


def _all(score: int) -> dict[str, int]:
    return dict.fromkeys(principles.SLUGS, score)


def _save(user, project, scores, on=None, **comments):
    return services.assessment_save(
        actor=user,
        project=project,
        assessed_on=on or timezone.localdate(),
        scores=scores,
        comments=comments,
    )


def test_a_lead_assesses_an_idea(project, nhs_lead):
    assessment = _save(nhs_lead, project, _all(3), governance="No agreement yet.")
    assert assessment.stage == "idea"
    assert PrincipleScore.objects.filter(assessment=assessment).count() == 9
    assert assessment.scores.get(principle="governance").comment == "No agreement yet."
    event = AuditEvent.objects.get(action="principles.assessed")
    assert event.changes["governance"] == [None, "3 (No agreement yet.)"]


def test_a_team_member_who_is_not_a_lead_may_assess(ended, nurse, governance_member, oversight):
    assert _save(nurse, ended, _all(4)).assessed_by == nurse
    for user in (governance_member, oversight):
        with pytest.raises(PermissionDenied):
            _save(user, ended, _all(4))
    assert SelfAssessment.objects.count() == 1


def test_scoring_the_same_day_again_replaces_the_scores(project, nhs_lead):
    _save(nhs_lead, project, _all(2))
    again = _save(nhs_lead, project, _all(2) | {"leadership": 5})
    assert SelfAssessment.objects.count() == 1
    assert again.row_version == 2
    assert again.scores.get(principle="leadership").score == 5
    event = AuditEvent.objects.filter(action="principles.assessed").latest("id")
    assert event.changes == {"leadership": ["2", "5"]}


def test_every_principle_needs_a_score_from_1_to_5(project, nhs_lead):
    scores = _all(3) | {"governance": 6}
    del scores["leadership"]
    with pytest.raises(ValidationError) as error:
        _save(nhs_lead, project, scores)
    assert "Score principle 5: Senior local backing." in error.value.messages
    assert "The score for principle 7 must be from 1 to 5." in error.value.messages
    assert not SelfAssessment.objects.exists()


def test_no_assessments_dated_in_the_future(project, nhs_lead):
    with pytest.raises(ValidationError) as error:
        _save(nhs_lead, project, _all(3), on=timezone.localdate() + dt.timedelta(days=1))
    assert "assessed_on" in error.value.message_dict
    assert not SelfAssessment.objects.exists()


def test_the_trend_is_the_mean_of_each_days_assessments(project, nhs_lead, industry_lead):
    today = timezone.localdate()
    earlier = today - dt.timedelta(days=90)
    _save(nhs_lead, project, _all(2), on=earlier)
    _save(nhs_lead, project, _all(4))
    _save(industry_lead, project, _all(3))
    points = selectors.trend(project)
    assert [(p.on, p.assessors, p.overall) for p in points] == [
        (earlier, 1, 2),
        (today, 2, 3.5),
    ]
    change = principles.change(points)
    assert change is not None
    assert change.direction is principles.Direction.IMPROVING
