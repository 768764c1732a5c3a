"""The Django side of the obligations engine: reporting schedules, reports and reminders.

The obligations themselves are computed (see `triplewin.core.obligations`); what is stored
here is the evidence the engine reads (how often the partners agreed to report, and the
reports made) and the log that keeps reminders from ever being sent twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from triplewin.core.dates import long_date
from triplewin.core.obligations import ReminderKind as CoreReminderKind


class Frequency(models.IntegerChoices):
    MONTHLY = 1, "Every month"
    TWO_MONTHLY = 2, "Every two months"
    QUARTERLY = 3, "Every three months"
    SIX_MONTHLY = 6, "Every six months"
    YEARLY = 12, "Every year"


class ReportingSchedule(models.Model):
    """How often the project team reports progress to every party, as agreed in the PID."""

    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="reporting_schedule"
    )
    every_months = models.PositiveSmallIntegerField(
        "How often progress is reported", choices=Frequency.choices
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Progress reports for {self.project}: {self.get_every_months_display().lower()}"


class ProgressReport(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="progress_reports"
    )
    due_on = models.DateField("Report due on")
    submitted_on = models.DateField("Date the report was shared with every party")
    summary = models.TextField(
        "What the report said",
        help_text="Progress against milestones and KPIs, risks and issues, decisions needed.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("due_on",)
        constraints = [
            models.UniqueConstraint(fields=["project", "due_on"], name="unique_progress_report")
        ]

    def __str__(self) -> str:
        return f"Progress report due {long_date(self.due_on)} for {self.project}"


class ReminderKind(models.TextChoices):
    MONTH_BEFORE = CoreReminderKind.MONTH_BEFORE.value, "30 days before"
    WEEK_BEFORE = CoreReminderKind.WEEK_BEFORE.value, "7 days before"
    DUE_TODAY = CoreReminderKind.DUE_TODAY.value, "On the due date"
    OVERDUE = CoreReminderKind.OVERDUE.value, "Overdue"


class ReminderSent(models.Model):
    """One reminder email. The unique constraint is what makes sending idempotent."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="reminders_sent"
    )
    obligation_key = models.CharField(max_length=64)
    due_on = models.DateField()
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    recipient_email = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-sent_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "obligation_key", "due_on", "recipient", "kind"],
                name="unique_reminder",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder for {self.obligation_key} to {self.recipient_email}"


class ScheduledRun(models.Model):
    """One row per job per day: the scheduler enqueues a job only if it creates the row."""

    job = models.CharField(max_length=64)
    day = models.DateField()
    task_result_id = models.CharField(max_length=64, blank=True)
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-day", "job")
        constraints = [models.UniqueConstraint(fields=["job", "day"], name="unique_scheduled_run")]

    def __str__(self) -> str:
        return f"{self.job} for {long_date(self.day)}"
