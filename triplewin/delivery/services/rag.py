"""Overriding the computed RAG status, and ending an override; both kept for good."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.delivery.models import OverrideRating, RagOverride, RagOverrideClearance
from triplewin.delivery.selectors import active_override
from triplewin.delivery.services._common import lock_project
from triplewin.partnerships.models import Project


@transaction.atomic
def rag_override_set(
    *,
    actor: User,
    project: Project,
    rating: str,
    reason: str,
    expires_on: dt.date | None = None,
    today: dt.date | None = None,
) -> RagOverride:
    """Record a rating that replaces the computed one until cleared or its end date passes."""
    locked = lock_project(project)
    today = today or timezone.localdate()
    if rating not in OverrideRating.values:
        raise ValidationError({"rating": "Choose red, amber or green."})
    if not reason.strip():
        raise ValidationError(
            {"reason": "Say why the computed status is wrong; the reason is shown next to it."}
        )
    if expires_on is not None and expires_on < today:
        raise ValidationError({"expires_on": "The end date must be today or later."})
    previous = active_override(locked, today)
    override = RagOverride(
        project=locked,
        rating=rating,
        reason=reason.strip(),
        expires_on=expires_on,
        set_by=actor,
        set_by_label=audit.actor_label(actor),
    )
    override.full_clean()
    override.save()
    audit.record(
        actor=actor,
        action="rag.override_set",
        obj=override,
        project_id=locked.pk,
        changes={
            "rating": [previous.rating if previous else None, rating],
            "reason": [None, override.reason],
            "expires_on": [None, expires_on.isoformat() if expires_on else None],
        },
    )
    return override


@transaction.atomic
def rag_override_clear(
    *, actor: User, project: Project, reason: str = "", today: dt.date | None = None
) -> RagOverrideClearance:
    """End the override in force, so the computed status shows again."""
    locked = lock_project(project)
    current = active_override(locked, today or timezone.localdate())
    if current is None:
        raise ValidationError("There is no override in force to clear.")
    clearance = RagOverrideClearance(
        override=current,
        reason=reason.strip(),
        cleared_by=actor,
        cleared_by_label=audit.actor_label(actor),
    )
    clearance.full_clean()
    clearance.save()
    audit.record(
        actor=actor,
        action="rag.override_cleared",
        obj=clearance,
        project_id=locked.pk,
        changes={"rating": [current.rating, None], "reason": [None, clearance.reason or None]},
    )
    return clearance
