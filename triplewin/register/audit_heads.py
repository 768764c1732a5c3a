"""The audit chain's daily heads as open data: one row per day on which the whole chain verified.

A head is the chain's last event that day: its number and its hash. Because each hash covers
every event before it, a copy of this file kept by anyone lets them later show that the
history up to that day was not rewritten (ADR 0012 explains how to check). HEAD_FIELDS
documents every field, and the CSV header, the JSON keys and the open data page come from it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from triplewin.audit.models import ChainCheck
from triplewin.register.open_data import absolute


@dataclass(frozen=True)
class HeadField:
    name: str
    description: str
    value: Callable[[ChainCheck], Any]


HEAD_FIELDS: tuple[HeadField, ...] = (
    HeadField("day", "The day of the check (YYYY-MM-DD, UK time).", lambda c: c.day.isoformat()),
    HeadField(
        "sequence",
        "The head's number in the chain, which is also the number of events up to and "
        "including it: events are numbered 1, 2, 3… with no gaps.",
        lambda c: c.head_sequence,
    ),
    HeadField(
        "event_id", "The head event's id in Triple Win's audit table.", lambda c: c.head_event_id
    ),
    HeadField(
        "hash",
        "The head event's SHA-256 hash, 64 lowercase hexadecimal characters. It covers the "
        "event's content and the hash of the event before it, and so the whole chain.",
        lambda c: c.head_hash,
    ),
    HeadField(
        "checked_at",
        "When the check ran (ISO 8601, UTC).",
        lambda c: c.checked_at.astimezone(dt.UTC).isoformat(timespec="seconds"),
    ),
)
HEAD_HEADER = tuple(f.name for f in HEAD_FIELDS)


def verified() -> QuerySet[ChainCheck]:
    """Verified days with a head, oldest first: a failed day publishes nothing."""
    return ChainCheck.objects.filter(verified=True, head_sequence__isnull=False).order_by("day")


def published() -> Iterator[ChainCheck]:
    return verified().iterator()


def csv_rows() -> Iterator[list[Any]]:
    for check in published():
        yield [f.value(check) for f in HEAD_FIELDS]


def json_text(today: dt.date) -> str:
    return json.dumps(
        {
            "generated_on": today.isoformat(),
            "fields": absolute(reverse("register:open-data") + "#audit-heads"),
            "heads": [{f.name: f.value(c) for f in HEAD_FIELDS} for c in published()],
        },
        indent=1,
    )
