"""Ending delivery: completion with its actual end date, or termination under the exit strategy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core.lifecycle import State
from triplewin.delivery.exit_plan import exit_plan
from triplewin.delivery.models import Termination, TerminationStep
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project, ProjectTransition

CLOSES_FROM = State.IN_DELIVERY


def _lock_in_delivery(project: Project, expected_state: str | None, what: str) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if expected_state is not None and locked.state != expected_state:
        raise StaleEdit()
    if locked.state_enum is not CLOSES_FROM:
        raise ValidationError(f"Only a project in delivery can be {what}.")
    return locked


def _check_end(locked: Project, name: str, day: dt.date, today: dt.date) -> None:
    if day > today:
        raise ValidationError({name: "The end date cannot be in the future."})
    if locked.actual_start and day < locked.actual_start:
        raise ValidationError(
            {name: f"The end date cannot be before delivery started ({locked.actual_start})."}
        )


@transaction.atomic
def project_complete(
    *,
    actor: User,
    project: Project,
    actual_end: dt.date,
    actual_start: dt.date | None = None,
    expected_state: str | None = None,
    risk_reasons: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> ProjectTransition:
    """Record the actual end date (and start, if it was never recorded), then complete.

    Both happen or neither: if the completion gate refuses, the dates are not kept either.
    """
    today = today or timezone.localdate()
    locked = _lock_in_delivery(project, expected_state, "completed")
    dates: dict[str, dt.date] = {"actual_end": actual_end}
    if actual_start is not None and locked.actual_start is None:
        if actual_start > actual_end:
            raise ValidationError({"actual_start": "Delivery cannot start after it ended."})
        dates["actual_start"] = actual_start
        locked.actual_start = actual_start
    _check_end(locked, "actual_end", actual_end, today)
    updated = partnerships.project_update(
        actor=actor, project=locked, expected_version=None, **dates
    )
    return partnerships.transition_locked(
        actor=actor, project=updated, name="complete", risk_reasons=risk_reasons, today=today
    )


@transaction.atomic
def project_terminate(
    *,
    actor: User,
    project: Project,
    reason: str,
    ended_on: dt.date,
    done: Mapping[str, str],
    expected_state: str | None = None,
    today: dt.date | None = None,
) -> Termination:
    """Record what was done for every step of the exit plan, then terminate with the reason.

    The project's actual end date is left alone (it marks completion); the termination's own
    date is the day the six-month outcomes clock starts (core.outcomes.delivery_ended_on),
    since a project stopped early still publishes an outcomes (closure) summary.
    """
    today = today or timezone.localdate()
    locked = _lock_in_delivery(project, expected_state, "terminated")
    _check_end(locked, "ended_on", ended_on, today)
    plan = exit_plan(locked)
    unknown = set(done) - {s.key for s in plan}
    if unknown:
        raise ValidationError("Some steps are not part of this project's exit plan.")
    missing = {
        f"done_{s.key}": f"Say what was done about {s.subject}, or why nothing was needed."
        for s in plan
        if not done.get(s.key, "").strip()
    }
    if missing:
        raise ValidationError(missing)
    partnerships.transition_locked(actor=actor, project=locked, name="terminate", reason=reason)
    termination = Termination(
        project=locked,
        ended_on=ended_on,
        reason=reason.strip(),
        recorded_by=actor,
        recorded_by_label=audit.actor_label(actor),
    )
    termination.full_clean()
    termination.save()
    for order, step in enumerate(plan, start=1):
        row = TerminationStep(
            termination=termination,
            order=order,
            kind=step.kind,
            subject=step.subject[:300],
            planned=step.planned,
            done=done[step.key].strip(),
        )
        row.full_clean()
        row.save()
    audit.record(
        actor=actor,
        action="termination.recorded",
        obj=termination,
        project_id=locked.pk,
        changes={
            "ended_on": [None, ended_on.isoformat()],
            "reason": [None, termination.reason],
            "steps": [None, {s.subject: done[s.key].strip() for s in plan}],
        },
    )
    return termination
