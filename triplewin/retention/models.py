"""A record of each real application of the retention policy (ADR 0041)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from triplewin.core.dates import long_date


class RetentionRun(models.Model):
    """One application of the policy: when, for which day, and how many records each rule
    changed. It holds counts only, never what was removed."""

    at = models.DateTimeField(default=timezone.now)
    day = models.DateField()
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ("-at", "-id")

    def __str__(self) -> str:
        return f"Retention policy applied for {long_date(self.day)}"
