"""One immutable audit table for every write in the product."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class ImmutableRecord(Exception):
    pass


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def for_project(self, project_id: int) -> AuditEventQuerySet:
        return self.filter(project_id=project_id).order_by("-at", "-id")


class AuditEvent(models.Model):
    # The actor's name is copied so the history survives the user being deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=255)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
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
