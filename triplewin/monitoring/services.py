"""Retrying a failed task: queued again once, with the same arguments, and audited."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from triplewin.audit import services as audit
from triplewin.config.filters import govuk_date
from triplewin.monitoring import access
from triplewin.monitoring.models import TaskRetry

NOT_ALLOWED = "Only platform administrators and system oversight leads can retry tasks."


@dataclasses.dataclass(frozen=True)
class RetryOutcome:
    retried: bool
    message: str


def _already(earlier: TaskRetry) -> RetryOutcome:
    who = earlier.retried_by.get_full_name() or earlier.retried_by.get_username()
    return RetryOutcome(
        retried=False,
        message=f"This task was already retried by {who} on {govuk_date(earlier.retried_at)}.",
    )


@transaction.atomic
def task_retry(*, actor: User, task_id: uuid.UUID) -> RetryOutcome:
    """Queue a failed task again with the arguments it was given, to run now.

    A task's own work must be safe to repeat: the reminder runs are, since each reminder is
    sent under a unique row (`obligations.sending`). Anything but a failed task not yet retried
    is answered with a message, not an error.
    """
    if not access.may_watch_background_work(actor):
        raise PermissionDenied(NOT_ALLOWED)
    failed: DBTaskResult[Any, Any] | None = (
        DBTaskResult.objects.select_for_update().filter(pk=task_id).first()
    )
    if failed is None:
        return RetryOutcome(retried=False, message="There is no such task any more.")
    earlier = TaskRetry.objects.select_related("retried_by").filter(failed_task_id=task_id).first()
    if earlier is not None:
        return _already(earlier)
    if failed.status != TaskResultStatus.FAILED:
        return RetryOutcome(
            retried=False, message="This task has not failed, so there is nothing to retry."
        )
    try:
        # The same queue, priority and backend, but now: a retry is not waiting for a date.
        task = dataclasses.replace(failed.task, run_after=None)
    except (ImportError, SuspiciousOperation):
        return RetryOutcome(
            retried=False,
            message="This task's code is no longer part of Triple Win, so it cannot run again.",
        )
    try:
        with transaction.atomic():
            result = task.enqueue(*failed.args_kwargs["args"], **failed.args_kwargs["kwargs"])
            row = TaskRetry(
                failed_task_id=failed.pk,
                retry_task_id=uuid.UUID(str(result.id)),
                retried_by=actor,
                retried_at=timezone.now(),
            )
            row.full_clean(validate_unique=False)
            row.save()
    except IntegrityError:
        # Someone retried it between our read and our insert (only possible where the row
        # lock above is not a real lock, as on SQLite's shared cache).
        return _already(TaskRetry.objects.select_related("retried_by").get(failed_task_id=task_id))
    audit.record(
        actor=actor,
        action="task.retried",
        obj=row,
        changes={
            "task": [None, failed.task_name],
            "error": [None, failed.exception_class_path],
            "retry_task_id": [None, str(row.retry_task_id)],
        },
    )
    return RetryOutcome(retried=True, message=f"The task {failed.task_name} was queued again.")
