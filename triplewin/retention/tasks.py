"""The daily application of the retention policy, queued by the scheduler."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from triplewin.retention.services import apply_retention


@task()
def apply_retention_daily(today_iso: str | None = None) -> dict[str, int]:
    """Apply the retention policy as of the given day (by default, today)."""
    today = dt.date.fromisoformat(today_iso) if today_iso else timezone.localdate()
    return {o.rule.key: o.count for o in apply_retention(today=today, dry_run=False)}
