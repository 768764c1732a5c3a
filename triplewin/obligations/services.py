"""Writes for the obligations: the reporting schedule, progress reports and the scheduler."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import Task

from triplewin.audit import services as audit
from triplewin.core.obligations import Kind
from triplewin.obligations.models import ProgressReport, ReportingSchedule, ScheduledRun
from triplewin.obligations.selectors import project_obligations
from triplewin.partnerships import access
from triplewin.partnerships.models import Project

DAILY_REMINDERS = "daily_reminders"
AUDIT_CHAIN_CHECK = "audit_chain_check"
WEBSITE_PAGES_CHECK = "website_pages_check"
DECLARATION_ROUNDS = "declaration_round_reminders"
DIGESTS = "email_digests"
RETENTION = "retention_policy"
JOB_NAMES = {
    DAILY_REMINDERS: "the reminder run",
    AUDIT_CHAIN_CHECK: "the audit chain check",
    WEBSITE_PAGES_CHECK: "the check of the partners' web pages",
    DECLARATION_ROUNDS: "the declaration round reminders",
    DIGESTS: "the email digests",
    RETENTION: "the retention policy",
}
REPORT_FIELDS = ("due_on", "submitted_on", "summary")


def _require_edit(actor: User, project: Project) -> Project:
    if not access.can_edit(actor, project):
        raise PermissionDenied("Only the partnership leads of a partner organisation can do this.")
    return Project.objects.select_for_update().get(pk=project.pk)


@transaction.atomic
def reporting_schedule_set(
    *, actor: User, project: Project, every_months: int | None
) -> ReportingSchedule | None:
    """Set how often progress is reported; None removes the schedule."""
    locked = _require_edit(actor, project)
    schedule = ReportingSchedule.objects.filter(project=locked).first()
    before = {"every_months": schedule.every_months} if schedule else {}
    if every_months is None:
        if schedule is not None:
            audit.record(
                actor=actor,
                action="reporting.schedule_removed",
                obj=schedule,
                project_id=locked.pk,
                changes=audit.diff(before, {}),
            )
            schedule.delete()
        return None
    schedule = schedule or ReportingSchedule(project=locked)
    schedule.every_months = every_months
    schedule.set_by = actor
    schedule.full_clean()
    changes = audit.diff(before, {"every_months": every_months})
    if changes:
        schedule.save()
        audit.record(
            actor=actor,
            action="reporting.schedule_set",
            obj=schedule,
            project_id=locked.pk,
            changes=changes,
        )
    return schedule


def open_report_dates(project: Project, today: dt.date) -> list[dt.date]:
    return [
        o.due_on
        for o in project_obligations(project, today)
        if o.kind is Kind.REPORT and o.is_open and o.due_on is not None
    ]


@transaction.atomic
def progress_report_record(
    *,
    actor: User,
    project: Project,
    due_on: dt.date,
    submitted_on: dt.date,
    summary: str,
    today: dt.date | None = None,
) -> ProgressReport:
    locked = _require_edit(actor, project)
    today = today or timezone.localdate()
    if due_on not in open_report_dates(locked, today):
        raise ValidationError({"due_on": "Choose a report that is still open."})
    if submitted_on > today:
        raise ValidationError({"submitted_on": "The date cannot be in the future."})
    report = ProgressReport(
        project=locked,
        due_on=due_on,
        submitted_on=submitted_on,
        summary=summary.strip(),
        submitted_by=actor,
    )
    report.full_clean()
    report.save()
    audit.record(
        actor=actor,
        action="reporting.report_recorded",
        obj=report,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(report, REPORT_FIELDS)),
    )
    return report


def _daily_jobs() -> dict[str, Task[..., Any]]:
    from triplewin.audit.tasks import check_audit_chain
    from triplewin.conflicts.tasks import send_daily_round_reminders
    from triplewin.executive_summary.tasks import check_website_pages
    from triplewin.notifications.tasks import send_digests
    from triplewin.obligations.tasks import send_daily_reminders
    from triplewin.retention.tasks import apply_retention_daily

    # The digests come after the reminders, so the day's queued reminders go in that day's.
    return {
        DAILY_REMINDERS: send_daily_reminders,
        AUDIT_CHAIN_CHECK: check_audit_chain,
        WEBSITE_PAGES_CHECK: check_website_pages,
        DECLARATION_ROUNDS: send_daily_round_reminders,
        DIGESTS: send_digests,
        RETENTION: apply_retention_daily,
    }


def _enqueue_once(*, job: str, task: Task[..., Any], today: dt.date) -> ScheduledRun | None:
    run = ScheduledRun(job=job, day=today)
    run.full_clean(validate_constraints=False)
    try:
        # The unique (job, day) row is the lock: of two schedulers, only one inserts it.
        with transaction.atomic():
            run.save()
    except IntegrityError:
        return None
    result = task.enqueue(today.isoformat())
    run.task_result_id = str(result.id)
    run.save(update_fields=["task_result_id"])
    audit.record(
        actor=None,
        action="scheduler.enqueued",
        obj=run,
        changes={"job": [None, job], "day": [None, today.isoformat()]},
    )
    return run


@transaction.atomic
def scheduler_tick(*, today: dt.date) -> list[ScheduledRun]:
    """Enqueue each of today's jobs that has not been enqueued already (by any process)."""
    enqueued = (_enqueue_once(job=job, task=t, today=today) for job, t in _daily_jobs().items())
    return [run for run in enqueued if run is not None]
