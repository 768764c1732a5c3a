from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from triplewin.audit import services
from triplewin.audit.models import AuditEvent


@pytest.fixture
def tamper(db: None) -> Callable[..., None]:
    """Run raw SQL on the audit tables as someone with direct database access would.

    The database's own guard is lifted first, inside the test's transaction, so it comes
    back when the test ends.
    """

    def run(sql: str, params: tuple[Any, ...] = ()) -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
            else:
                cursor.execute("DROP TRIGGER IF EXISTS audit_auditevent_no_update")
            cursor.execute(sql, params)

    return run


@pytest.fixture
def events(db: None, nhs_lead: Any) -> list[AuditEvent]:
    """Five events by a real user, one per object, the third on another project."""
    return [
        services.record(
            actor=nhs_lead,
            action="test.step",
            obj=nhs_lead,
            project_id=2 if n == 3 else 1,
            changes={"step": [None, n]},
        )
        for n in range(1, 6)
    ]
