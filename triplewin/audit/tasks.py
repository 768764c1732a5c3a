"""Background tasks, run by `manage.py db_worker` (django-tasks' database backend)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from triplewin.audit import daily


@task()
def check_audit_chain(today_iso: str | None = None) -> dict[str, object]:
    """Verify the whole audit chain for the given day (by default, today), once."""
    today = dt.date.fromisoformat(today_iso) if today_iso else timezone.localdate()
    check = daily.check_chain(today=today)
    if check is None:
        return {"checked": False}
    return {"checked": True, "verified": check.verified, "events": check.events}
