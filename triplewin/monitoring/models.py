"""What the background processes report about themselves, and who retried a failed task."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ProcessKind(models.TextChoices):
    WORKER = "worker", "Task worker"
    SCHEDULER = "scheduler", "Scheduler"


class Heartbeat(models.Model):
    """One row per running worker or scheduler process, brought up to date at least once a
    minute while it lives (ADR 0038). A process that stops leaves its row behind, ageing; rows
    a day old are deleted by the processes still beating."""

    kind = models.CharField(max_length=16, choices=ProcessKind.choices)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    # The task worker's own id, the one django-tasks-db writes on each task it claims, so a task
    # left running by a worker that died can be traced to it (`orphans`). Blank for schedulers.
    worker_id = models.CharField(max_length=64, blank=True, db_index=True)
    started_at = models.DateTimeField()
    last_beat = models.DateTimeField(db_index=True)
    tasks_done = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["kind", "-last_beat"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.hostname} pid {self.pid}"


class TaskRetry(models.Model):
    """A failed task that someone queued again. One row per failed task, so a second retry of
    the same failure (a double click, two people at once) is refused by the unique id.

    The ids are plain UUIDs, not foreign keys: task results may be pruned, and the record of
    who retried what must outlive them (it is in the audit chain as well)."""

    failed_task_id = models.UUIDField(unique=True)
    retry_task_id = models.UUIDField()
    retried_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    retried_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Retry of task {self.failed_task_id}"
