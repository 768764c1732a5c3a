"""Events written before the chain existed are chained by migration, oldest id first."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.migrations import migrate
from triplewin.audit.chain import verify_chain
from triplewin.audit.models import AuditEvent

BEFORE = [("audit", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_existing_events_are_chained_in_id_order():
    latest = migrate(BEFORE).loader.graph.leaf_nodes("audit")
    try:
        old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
        Event = old.get_model("audit", "AuditEvent")
        ids = [
            Event.objects.create(
                actor_label="system",
                action=f"old.{n}",
                object_type="test.Thing",
                object_id=str(n),
                project_id=1,
                changes={"n": [None, n], "when": ["2024-01-01", None]},
            ).pk
            for n in range(3)
        ]
    finally:
        migrate(latest)
    chained = list(AuditEvent.objects.order_by("sequence").values_list("id", "action"))
    assert chained == [(ids[0], "old.0"), (ids[1], "old.1"), (ids[2], "old.2")]
    report = verify_chain()
    assert report.verified
    assert report.events == 3
