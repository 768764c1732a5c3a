"""The project lock and state checks every KPI write starts with."""

from __future__ import annotations

from collections.abc import Collection

from django.core.exceptions import ValidationError

from triplewin.core.lifecycle import State
from triplewin.partnerships.models import Project

# Success criteria are agreed during set-up (they go into the PID) and may be refined until
# the project completes.
DEFINABLE_IN = frozenset(
    {
        State.SETUP,
        State.PID_APPROVED,
        State.AGREEMENT_SIGNED,
        State.SUMMARY_PUBLISHED,
        State.IN_DELIVERY,
        State.COMPLETED,
    }
)
# Measurements come from delivery; late figures may still arrive after completion.
MEASURABLE_IN = frozenset({State.IN_DELIVERY, State.COMPLETED})
MEASURABLE_REFUSAL = "Measurements can be recorded once delivery has started, and after completion."


def lock_in(project_id: int, states: Collection[State], refusal: str) -> Project:
    locked = Project.objects.select_for_update().get(pk=project_id)
    if locked.state_enum not in states:
        raise ValidationError(refusal)
    return locked


def check_measurable(project_id: int) -> None:
    """`lock_measurable`'s state check without the lock, to refuse before reading a file.

    The check is made again under the lock before anything is written.
    """
    if Project.objects.get(pk=project_id).state_enum not in MEASURABLE_IN:
        raise ValidationError(MEASURABLE_REFUSAL)


def lock_definable(project_id: int) -> Project:
    return lock_in(
        project_id,
        DEFINABLE_IN,
        "KPIs and success criteria can be defined from set-up until the project completes.",
    )


def lock_measurable(project_id: int) -> Project:
    return lock_in(project_id, MEASURABLE_IN, MEASURABLE_REFUSAL)
