"""Writes for the self-assessment against the nine principles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core import principles
from triplewin.learning.access import can_self_assess
from triplewin.learning.models import PrincipleScore, SelfAssessment
from triplewin.partnerships.models import Project

COMMENT_LIMIT = 2000


def _snapshot(scores: Mapping[str, int], comments: Mapping[str, str]) -> dict[str, object]:
    return {
        slug: f"{scores[slug]}" + (f" ({comments[slug]})" if comments.get(slug) else "")
        for slug in principles.SLUGS
        if slug in scores
    }


@transaction.atomic
def assessment_save(
    *,
    actor: User,
    project: Project,
    assessed_on: dt.date,
    scores: Mapping[str, int],
    comments: Mapping[str, str],
    today: dt.date | None = None,
) -> SelfAssessment:
    """Record the actor's scores for a day; scoring the same day again replaces them."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if not can_self_assess(actor, locked):
        raise PermissionDenied("Only members of the project can assess it against the principles.")
    if assessed_on > (today or timezone.localdate()):
        raise ValidationError(
            {"assessed_on": "The date of the assessment cannot be in the future."}
        )
    problems = principles.problems(scores)
    if problems:
        raise ValidationError(problems)
    unknown = set(comments) - set(principles.SLUGS)
    if unknown:
        raise TypeError(f"Comments for unknown principles: {sorted(unknown)}")
    cleaned = {slug: text.strip() for slug, text in comments.items() if text.strip()}
    too_long = [s for s, text in cleaned.items() if len(text) > COMMENT_LIMIT]
    if too_long:
        raise ValidationError(
            {f"comment_{s}": f"Keep this under {COMMENT_LIMIT} characters." for s in too_long}
        )
    assessment = (
        SelfAssessment.objects.select_for_update()
        .filter(project=locked, assessed_by=actor, assessed_on=assessed_on)
        .first()
    )
    before: dict[str, object] = {}
    if assessment is None:
        assessment = SelfAssessment(
            project=locked,
            assessed_by=actor,
            assessed_by_label=audit.actor_label(actor),
            assessed_on=assessed_on,
            stage=locked.state,
        )
        assessment.full_clean()
        assessment.save()
    else:
        old = {s.principle: s for s in assessment.scores.all()}
        before = _snapshot(
            {k: v.score for k, v in old.items()}, {k: v.comment for k, v in old.items()}
        )
        assessment.scores.all().delete()
        assessment.row_version += 1
        assessment.save(update_fields=["row_version"])
    rows = [
        PrincipleScore(
            assessment=assessment,
            principle=slug,
            score=scores[slug],
            comment=cleaned.get(slug, ""),
        )
        for slug in principles.SLUGS
    ]
    for row in rows:
        row.full_clean(exclude=["assessment"])
    PrincipleScore.objects.bulk_create(rows)
    audit.record(
        actor=actor,
        action="principles.assessed",
        obj=assessment,
        project_id=locked.pk,
        changes=audit.diff(
            {"assessed_on": assessment.assessed_on.isoformat(), **before} if before else {},
            {"assessed_on": assessment.assessed_on.isoformat(), **_snapshot(scores, cleaned)},
        ),
    )
    return assessment
