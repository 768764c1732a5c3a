"""Applying the retention policy (ADR 0041): find what each rule covers, then remove it.

`apply_retention(dry_run=True)` only counts; a real run changes the records, stores a
RetentionRun with the counts and appends one audit event, all in one transaction, so a run
that fails part-way changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Max, Q
from django.utils import timezone

from triplewin.api.models import IdempotentRequest
from triplewin.audit import services as audit
from triplewin.conflicts.models import (
    ConflictManagement,
    Declaration,
    NilReturn,
    RegisterConfirmation,
)
from triplewin.core import retention, surveys
from triplewin.core.retention import Rule
from triplewin.learning.models import SurveyResponse
from triplewin.notifications.models import QueuedNotice
from triplewin.organisations.models import Invitation, JoinRequest, JoinStatus, Membership
from triplewin.retention.models import RetentionRun

# The survey questions whose answers are written in a person's own words.
TEXT_QUESTION_IDS = frozenset(
    q.id for q in (*surveys.QUESTIONS, *surveys.WIDER_QUESTIONS) if q.kind is surveys.Kind.TEXT
)


@dataclass(frozen=True)
class Outcome:
    rule: Rule
    # Records the rule removed or anonymised (or would, in a dry run).
    count: int
    # Records past their period that the rule keeps on purpose, with the reason.
    kept: int = 0
    kept_because: str = ""


def current_policy() -> tuple[Rule, ...]:
    """The policy with this deployment's overrides (settings, then the environment)."""
    overrides = {**os.environ, **getattr(settings, "RETENTION_OVERRIDES", {})}
    return retention.policy(overrides)


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


# Each rule: what it covers on a day, and how to act on that. `covered` returns querysets (or,
# for survey comments, the responses themselves); `act` changes them and returns the count.


def _survey_comments(cutoff: dt.date) -> list[SurveyResponse]:
    responses = SurveyResponse.objects.filter(survey__closed_on__lt=cutoff).only("id", "answers")
    return [
        r
        for r in responses.iterator(chunk_size=500)
        if isinstance(r.answers, dict)
        and any(str(r.answers.get(q) or "").strip() for q in TEXT_QUESTION_IDS)
    ]


def _anonymise_comments(responses: list[SurveyResponse]) -> int:
    # Responses are immutable to the app; the policy is the one sanctioned change to them,
    # made with an update so the model's guard against edits stays in place for everyone else.
    for response in responses:
        kept = {k: v for k, v in response.answers.items() if k not in TEXT_QUESTION_IDS}
        SurveyResponse.objects.filter(pk=response.pk).update(answers=kept)
    return len(responses)


def _leavers(cutoff: dt.date) -> models.QuerySet[Any]:
    """People who have left every organisation they belonged to, the last before the cutoff."""
    still_members = Membership.objects.values("user")
    return (
        Membership.records.exclude(user__in=still_members)
        .values("user")
        .annotate(last=Max("left_on"))
        .filter(last__lt=cutoff)
        .values("user")
    )


def _declarations(cutoff: dt.date) -> tuple[list[models.QuerySet[Any]], int]:
    leavers = _leavers(cutoff)
    referenced = ConflictManagement.objects.values("declaration")
    declarations = Declaration.objects.filter(user__in=leavers)
    return (
        [
            declarations.exclude(pk__in=referenced),
            NilReturn.objects.filter(user__in=leavers),
            RegisterConfirmation.objects.filter(user__in=leavers),
        ],
        declarations.filter(pk__in=referenced).count(),
    )


def _delete(querysets: Iterable[models.QuerySet[Any]]) -> int:
    removed = 0
    for queryset in querysets:
        # Counting the rows first keeps the figure to this model (delete() also counts cascades).
        removed += queryset.count()
        queryset.delete()
    return removed


def _count(querysets: Iterable[models.QuerySet[Any]]) -> int:
    return sum(queryset.count() for queryset in querysets)


def _covered(rule: Rule, today: dt.date) -> tuple[list[models.QuerySet[Any]], int, str]:
    """The querysets a removing rule covers, and how many records past their period it keeps."""
    cutoff = rule.cutoff(today)
    before = _start_of(cutoff)
    if rule.key == retention.LEAVER_DECLARATIONS:
        querysets, kept = _declarations(cutoff)
        return querysets, kept, "a project's conflict-of-interest record refers to them"
    found: dict[str, list[models.QuerySet[Any]]] = {
        retention.CLOSED_INVITATIONS: [
            Invitation.objects.filter(accepted_at__isnull=True).filter(
                Q(withdrawn_at__lt=before) | Q(withdrawn_at__isnull=True, expires_at__lt=before)
            )
        ],
        retention.REJECTED_JOIN_REQUESTS: [
            JoinRequest.objects.filter(status=JoinStatus.REJECTED, decided_at__lt=before)
        ],
        retention.SENT_NOTICES: [
            QueuedNotice.objects.filter(digest__isnull=False, queued_at__lt=before)
        ],
        retention.OLD_SESSIONS: [
            UserSession.objects.filter(last_seen_at__lt=before),
            Session.objects.filter(expire_date__lt=before),
        ],
        retention.API_IDEMPOTENCY: [IdempotentRequest.objects.filter(created_at__lt=before)],
    }
    return found[rule.key], 0, ""


def _outcome(rule: Rule, today: dt.date, *, dry_run: bool) -> Outcome:
    if rule.key == retention.SURVEY_COMMENTS:
        responses = _survey_comments(rule.cutoff(today))
        count = len(responses) if dry_run else _anonymise_comments(responses)
        return Outcome(rule, count)
    querysets, kept, because = _covered(rule, today)
    act: Callable[[Iterable[models.QuerySet[Any]]], int] = _count if dry_run else _delete
    return Outcome(rule, act(querysets), kept, because)


def apply_retention(
    *,
    today: dt.date,
    dry_run: bool,
    actor: User | None = None,
    rules: tuple[Rule, ...] | None = None,
) -> list[Outcome]:
    """Apply (or, with `dry_run`, only count) every rule of the policy as of `today`."""
    rules = current_policy() if rules is None else rules
    if dry_run:
        return [_outcome(rule, today, dry_run=True) for rule in rules]
    with transaction.atomic():
        outcomes = [_outcome(rule, today, dry_run=False) for rule in rules]
        run = RetentionRun.objects.create(day=today, counts={o.rule.key: o.count for o in outcomes})
        audit.record(
            actor=actor,
            action="retention.applied",
            obj=run,
            changes={o.rule.key: [None, o.count] for o in outcomes if o.count},
        )
    return outcomes
