"""The audit chain on the database: linking each new event, and verifying what is stored.

Writers are serialised so that two events can never claim the same predecessor. On
PostgreSQL a transaction-level advisory lock is taken inside the writer's own transaction and
held until it commits or rolls back, so the link commits or vanishes with the event and the
sequence leaves no hole. On SQLite every transaction begins IMMEDIATE (see settings), which
already gives one writer at a time. Either way the unique sequence makes a fork impossible:
at worst a write would fail, never branch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from triplewin.audit.models import CHAIN_COLUMNS, AuditEvent, ChainCheck
from triplewin.core.audit_chain import (
    GENESIS,
    Break,
    ChainWalk,
    EventContent,
    PublishedHead,
    StoredEvent,
    event_hash,
    first_break_in,
)

# pg_advisory_xact_lock's key: any fixed number the rest of the product does not use.
LOCK_KEY = 0x7472_6970_6C65_7701  # "triplew" and 1
CHUNK = 5_000
# The C scanner behind json.loads, called directly: it skips the two whitespace matches that
# json.loads makes around every document, a third of the cost of reading an event's changes.
_scan_json: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def content_of(event: AuditEvent) -> EventContent:
    return EventContent(
        sequence=event.sequence,
        at=event.at,
        actor_id=event.actor_id,
        actor_label=event.actor_label,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        object_label=event.object_label,
        project_id=event.project_id,
        changes=event.changes,
        prev_hash=event.prev_hash,
        kpi_id=event.kpi_id,
    )


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def append(event: AuditEvent) -> AuditEvent:
    """Link a new, unsaved event to the chain's last one and insert it.

    Joins the caller's transaction (or starts one), so the lock is held until that commits.
    """
    # Stored as the database will give it back, so the hash taken now is the one
    # recomputed later (tuples become lists, keys become strings).
    event.changes = json.loads(json.dumps(event.changes))
    with transaction.atomic(savepoint=False):
        _lock()
        last = AuditEvent.objects.order_by("-sequence").values_list("sequence", "hash").first()
        event.sequence, event.prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
        event.at = timezone.now()
        event.hash = event_hash(content_of(event))
        event.save(force_insert=True)
    return event


@dataclass(frozen=True)
class ChainReport:
    events: int
    head: StoredEvent | None
    broken: Break | None

    @property
    def verified(self) -> bool:
        return self.broken is None


def published_heads() -> list[PublishedHead]:
    return [
        PublishedHead(day, sequence, digest)
        for day, sequence, digest in ChainCheck.objects.filter(
            verified=True, head_sequence__isnull=False
        ).values_list("day", "head_sequence", "head_hash")
        if sequence is not None
    ]


def stored_events(events: QuerySet[AuditEvent], limit: int | None = None) -> list[StoredEvent]:
    """The chain's plain-Python events for a query of audit events.

    The query is the ORM's, but rows are converted here rather than by Django's per-field
    converters: at a million rows those cost more than the hashing. Only two columns need
    it: the time (SQLite stores it in UTC, without a zone) and the JSON changes (text).
    """
    query = events.values_list(*CHAIN_COLUMNS)
    sql, params = (query[:limit] if limit is not None else query).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [_converted(row) for row in rows]


def events_after(after: int, chunk: int) -> list[StoredEvent]:
    """The next `chunk` events after sequence `after`, in order."""
    return stored_events(
        AuditEvent.objects.filter(sequence__gt=after).order_by("sequence"), limit=chunk
    )


def _converted(row: tuple[Any, ...]) -> StoredEvent:
    # Positions as in CHAIN_COLUMNS: 1 is the time, 9 the changes, 11 the hash, 12 the KPI,
    # 13 the id.
    at, changes = row[1], row[9]
    if isinstance(at, str):
        # An edited time that cannot be read will not hash to the stored value.
        with contextlib.suppress(ValueError):
            at = dt.datetime.fromisoformat(at)
    if isinstance(at, dt.datetime) and at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    if isinstance(changes, str | bytes):
        changes = _json(changes)
    actor_id, actor_label, action, object_type, object_id, object_label, project_id = row[2:9]
    content = EventContent(
        row[0],
        at,
        actor_id,
        actor_label,
        action,
        object_type,
        object_id,
        object_label,
        project_id,
        changes,
        row[10],
        row[12],
    )
    return StoredEvent(id=row[13], content=content, hash=row[11])


def _json(text: str | bytes) -> Any:
    """The value of stored JSON text; text that cannot be read stays text, as Django's JSONField
    keeps it (and will not hash to the stored value)."""
    if isinstance(text, str):
        try:
            value, end = _scan_json(text, 0)
        except (StopIteration, ValueError):
            pass
        else:
            if end == len(text):
                return value
    try:
        return json.loads(text)
    except ValueError:
        return text


def verify_chain(*, chunk: int = CHUNK) -> ChainReport:
    """Walk every event in chain order, against the published heads; stop at the first break.

    Reads in short keyset pages rather than one long cursor, so that on SQLite writers are
    never kept waiting behind the walk.
    """
    walk = ChainWalk(published_heads())
    after = 0
    while True:
        events = events_after(after, chunk)
        for event in events:
            broken = walk.step(event)
            if broken is not None:
                return ChainReport(walk.count, walk.last, broken)
        if len(events) < chunk:
            return ChainReport(walk.count, walk.last, walk.finish())
        after = events[-1].content.sequence


@dataclass(frozen=True)
class ProjectChain:
    """Whether one project's events verify: each against its hash and its predecessor."""

    events: int
    broken: Break | None

    @property
    def verified(self) -> bool:
        return self.broken is None


def verify_project(project_id: int) -> ProjectChain:
    """Two queries whatever the size: the project's events, and their predecessors' hashes."""
    own = AuditEvent.objects.filter(project_id=project_id).order_by()
    events = stored_events(own)
    before = own.annotate(before=F("sequence") - 1).values("before")
    predecessors = dict(
        AuditEvent.objects.filter(sequence__in=before).order_by().values_list("sequence", "hash")
    )
    return ProjectChain(len(events), first_break_in(events, predecessors))
