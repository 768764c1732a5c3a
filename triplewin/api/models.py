"""API tokens: how a partner organisation's systems act in Triple Win (ADR 0036).

A token belongs to an organisation, not to a person: it acts with that organisation's rights
as a partner and never more, narrowed by its scopes and, if given, to some of its projects.
Only a hash of the secret is kept; the token is shown once, when it is created.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone


class Scope(models.TextChoices):
    READ_PROJECTS = "projects:read", "Read its projects, KPIs and transfers of value"
    WRITE_KPI_READINGS = "kpi-readings:write", "Send KPI readings"
    WRITE_TRANSFERS = "transfers:write", "Send transfers of value"
    WRITE_ACTIONS = "actions:write", "Mark actions done"


class ApiToken(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for, like 'BI feed'.")
    # The public part of the token, shown in lists and in the audit trail.
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    scopes = models.JSONField(default=list)
    projects = models.ManyToManyField("partnerships.Project", blank=True, related_name="+")
    expires_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"API token \u201c{self.name}\u201d ({self.prefix})"

    def is_usable(self, today: dt.date | None = None) -> bool:
        return self.revoked_at is None and (today or timezone.localdate()) <= self.expires_on


class IdempotentRequest(models.Model):
    """A write sent with an Idempotency-Key: its answer, given again for the same key."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    request_hash = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "key"], name="api_idempotency_key_once")
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.status})"
