"""One immutable audit table for every write in the product, chained by hashes (ADR 0012)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImmutableRecord(Exception):
    pass


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def for_project(self, project_id: int) -> AuditEventQuerySet:
        return self.filter(project_id=project_id).order_by("-at", "-id")


# The columns an event's hash covers, in EventContent's order, then the stored hash and id
# (`audit.chain` reads rows by these positions).
CHAIN_COLUMNS = (
    "sequence",
    "at",
    "actor_id",
    "actor_label",
    "action",
    "object_type",
    "object_id",
    "object_label",
    "project_id",
    "changes",
    "prev_hash",
    "hash",
    "kpi_id",
    "id",
)


class AuditEvent(models.Model):
    # The actor's name is copied so the history survives the user being deleted. The id is
    # kept as a plain number (no foreign-key constraint, nothing done on delete): clearing it
    # would be an UPDATE of the audit table, which the chain and the database both refuse.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(max_length=255)
    # Set by the Auditor under the chain's lock, because the hash covers it.
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=100)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    object_label = models.CharField(max_length=255, blank=True)
    project_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    # The KPI the event is about (a KPI, one of its measurements or criterion conditions), so
    # the history can follow the KPI's visibility even after the measurement or condition is
    # gone (see partnerships.visibility).
    kpi_id = models.BigIntegerField(null=True, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    # Position in the chain: 1, 2, 3… with no gaps, handed out under the chain's lock.
    sequence = models.PositiveBigIntegerField(unique=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ("-at", "-id")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableRecord("Audit events cannot be changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRecord("Audit events cannot be deleted.")


class ChainCheck(models.Model):
    """The daily check of the whole chain: one row per day, written once.

    A verified day's row is the chain's head that day, published on the register's open data
    so anyone can later show that history before it was not rewritten. The unique day is
    also what keeps a failed check from alerting people more than once a day.
    """

    day = models.DateField(unique=True)
    checked_at = models.DateTimeField(default=timezone.now)
    verified = models.BooleanField()
    events = models.PositiveBigIntegerField(help_text="Events checked before the first break.")
    head_sequence = models.PositiveBigIntegerField(null=True, blank=True)
    head_event_id = models.BigIntegerField(null=True, blank=True)
    head_hash = models.CharField(max_length=64, blank=True)
    problem = models.TextField(blank=True)
    alerted = models.PositiveIntegerField(default=0, help_text="People emailed about a failure.")

    class Meta:
        ordering = ("-day",)

    def __str__(self) -> str:
        outcome = "verified" if self.verified else "failed"
        return f"Audit chain check for {self.day.isoformat()}: {outcome}"
