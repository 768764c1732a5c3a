"""The audit chain: each audit event's hash covers its content and the previous event's hash.

An event's canonical content is a JSON object of its fields, serialised by RFC 8785 (JSON
Canonicalization Scheme) and hashed with SHA-256; ADR 0012 gives the byte format so anyone
can re-verify an export. Changing, inserting or deleting an event breaks the chain at that
point, and the walk below reports the first break.

Numbers that RFC 8785 cannot write exactly (integers beyond 2^53, infinities, NaN) are written
as strings first, in a form that reads the same after PostgreSQL's jsonb has reformatted them.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import rfc8785

VERSION = 1
GENESIS = "0" * 64
SAFE_INTEGER = 2**53 - 1
_ASTRAL = "\U00010000"


@dataclass(frozen=True, slots=True)
class EventContent:
    """Everything an event's hash covers, as stored."""

    sequence: int
    at: dt.datetime
    actor_id: int | None
    actor_label: str
    action: str
    object_type: str
    object_id: str
    object_label: str
    project_id: int | None
    changes: Any
    prev_hash: str
    # The KPI the event is about, if any: it decides who may read the event (ADR 0014), so
    # it is covered like the rest.
    kpi_id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as read back from the table: its content, its stored hash and its row id."""

    id: int
    content: EventContent
    hash: str


@dataclass(frozen=True, slots=True)
class PublishedHead:
    """The chain's last event on a day, as published on the register."""

    day: dt.date
    sequence: int
    hash: str


def utc_timestamp(at: dt.datetime) -> str:
    """'2027-03-01T09:30:00.000000Z': always UTC, always six decimal places."""
    if not isinstance(at, dt.datetime) or at.tzinfo is None:
        raise ValueError("An audit event's time must be a datetime with its time zone.")
    if at.utcoffset():
        at = at.astimezone(dt.UTC)
    # isoformat is several times faster than strftime, and this runs for every event.
    return at.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _number(value: int | float) -> int | float | str:
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if not value.is_integer():
            return value
        # jsonb keeps the decimal text Python wrote (1e+300), not the binary value.
        value = int(decimal.Decimal(repr(value)))
    return value if -SAFE_INTEGER <= value <= SAFE_INTEGER else str(value)


def _representable(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, Mapping):
        # Keys as JSON writes them: True becomes "true", not "True".
        return {
            k if isinstance(k, str) else json.dumps(k): _representable(v) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_representable(v) for v in value]
    raise TypeError(f"An audit event cannot hold a {type(value).__name__}.")


def _leaf(value: Any) -> bool | None:
    """Whether a scalar is written the same by both (None if the value is a container)."""
    kind = type(value)
    if kind is str or value is None or kind is bool:
        return True
    if kind is int:
        return bool(-SAFE_INTEGER <= value <= SAFE_INTEGER)
    return None if kind is dict or kind is list else False


def _plain(value: Any) -> bool:
    """True if json.dumps writes exactly the RFC 8785 bytes for this value.

    That holds for strings, booleans, null and integers within 2^53, in lists and in objects
    whose keys stay below U+10000 (where code-point order and RFC 8785's UTF-16 order agree).
    Strings are tested inline before anything else: this runs for every event verified.
    """
    leaf = _leaf(value)
    if leaf is not None:
        return leaf
    if type(value) is dict:
        for key, item in value.items():
            if type(key) is not str or not (key.isascii() or max(key, default="") < _ASTRAL):
                return False
            if type(item) is not str and not _plain(item):
                return False
        return True
    return all(type(item) is str or _plain(item) for item in value)


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 bytes of a JSON value (json.dumps for the common case: it is ten times faster)."""
    if _plain(value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return rfc8785.dumps(_representable(value))


def canonical_bytes(content: EventContent) -> bytes:
    document = {
        "version": VERSION,
        "sequence": content.sequence,
        "at": utc_timestamp(content.at),
        "actor_id": content.actor_id,
        "actor_label": content.actor_label,
        "action": content.action,
        "object_type": content.object_type,
        "object_id": content.object_id,
        "object_label": content.object_label,
        "project_id": content.project_id,
        "kpi_id": content.kpi_id,
        "changes": content.changes,
        "prev_hash": content.prev_hash,
    }
    # The same test as canonical_json's, without walking the fixed keys: this runs for
    # every event verified, and the columns' own types leave only the changes to inspect.
    plain = (
        _plain(content.changes)
        and _leaf(content.sequence)
        and _leaf(content.actor_id)
        and _leaf(content.project_id)
        and _leaf(content.kpi_id)
        and all(
            type(v) is str
            for v in (
                content.actor_label,
                content.action,
                content.object_type,
                content.object_id,
                content.object_label,
                content.prev_hash,
            )
        )
    )
    if plain:
        return json.dumps(
            document, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode()
    return canonical_json(document)


def event_hash(content: EventContent) -> str:
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


class Problem(StrEnum):
    CONTENT = "content"
    LINK = "link"
    MISSING = "missing"
    HEAD = "head"


@dataclass(frozen=True, slots=True)
class Break:
    """Where the chain first fails, and why."""

    problem: Problem
    sequence: int
    event_id: int | None = None
    at: dt.datetime | None = None
    stored: str = ""
    expected: str = ""
    head_day: dt.date | None = None

    def reason(self) -> str:
        """What went wrong, in a few words: '<event> …'."""
        return {
            Problem.CONTENT: "was changed after it was recorded",
            Problem.LINK: "no longer links to the event before it",
            Problem.MISSING: "follows an event that was deleted",
            Problem.HEAD: "differs from the chain's published daily head",
        }[self.problem]

    def describe(self) -> str:
        """The whole finding in plain English, with the hashes that disagree."""
        if self.event_id is None:
            return (
                f"The chain ends at number {self.stored}, but number {self.sequence} was "
                f"published as its head for {self.head_day}: events were deleted from its end."
            )
        at = (
            f", recorded {utc_timestamp(self.at)}"
            if isinstance(self.at, dt.datetime) and self.at.tzinfo
            else ""
        )
        event = f"Event {self.event_id} (number {self.sequence} in the chain{at})"
        if self.problem is Problem.CONTENT:
            return (
                f"{event} was changed: its content no longer matches its hash "
                f"(stored {self.stored}, recomputed {self.expected})."
            )
        if self.problem is Problem.LINK:
            return (
                f"{event} no longer links to the event before it: it names {self.stored}, "
                f"but that event's hash is {self.expected}. One of the two was changed."
            )
        if self.problem is Problem.HEAD:
            return (
                f"{event} has a different hash from the head published for {self.head_day} "
                f"(published {self.expected}, now {self.stored}): history was rewritten."
            )
        return f"{event} follows a gap: the chain has no {self.expected}, so events were deleted."


def _content_break(event: StoredEvent) -> Break | None:
    try:
        recomputed = event_hash(event.content)
    except (ValueError, TypeError):
        # A value edited into something no writer produces (a time without a zone, say).
        recomputed = "(none: the stored content cannot be read as an event)"
    if recomputed == event.hash:
        return None
    return Break(
        Problem.CONTENT,
        event.content.sequence,
        event.id,
        event.content.at,
        stored=event.hash,
        expected=recomputed,
    )


class ChainWalk:
    """Feeds events in sequence order; `step` returns the first break, then stop.

    Sequences run 1, 2, 3… with no gaps: they are handed out under the chain's lock, inside
    the writer's transaction, so a rolled-back write leaves no hole. A hole is a deletion.
    """

    def __init__(self, heads: Iterable[PublishedHead] = ()) -> None:
        self.heads = {h.sequence: h for h in heads}
        self.previous_hash = GENESIS
        self.count = 0
        self.last: StoredEvent | None = None

    def step(self, event: StoredEvent) -> Break | None:
        content = event.content
        expected = self.count + 1
        if content.sequence != expected:
            missing = (
                f"number {expected}"
                if content.sequence == expected + 1
                else f"numbers {expected} to {content.sequence - 1}"
            )
            return Break(Problem.MISSING, content.sequence, event.id, content.at, expected=missing)
        broken = _content_break(event)
        if broken is None and content.prev_hash != self.previous_hash:
            broken = Break(
                Problem.LINK,
                content.sequence,
                event.id,
                content.at,
                stored=content.prev_hash,
                expected=self.previous_hash,
            )
        head = self.heads.get(content.sequence)
        if broken is None and head is not None and head.hash != event.hash:
            broken = Break(
                Problem.HEAD,
                content.sequence,
                event.id,
                content.at,
                stored=event.hash,
                expected=head.hash,
                head_day=head.day,
            )
        if broken is None:
            self.count = expected
            self.previous_hash = event.hash
            self.last = event
        return broken

    def finish(self) -> Break | None:
        """After the last event: a published head beyond it means the chain was cut short."""
        beyond = [h for h in self.heads.values() if h.sequence > self.count]
        if not beyond:
            return None
        head = min(beyond, key=lambda h: h.sequence)
        return Break(Problem.MISSING, head.sequence, stored=str(self.count), head_day=head.day)


def first_break_in(
    events: Sequence[StoredEvent], predecessor_hashes: Mapping[int, str]
) -> Break | None:
    """Check some of the chain's events (one project's), each against its predecessor.

    `predecessor_hashes` maps sequence to stored hash for the events just before these
    (which may belong to anyone); an absent predecessor was deleted.
    """
    for event in sorted(events, key=lambda e: e.content.sequence):
        broken = _content_break(event)
        if broken is not None:
            return broken
        content = event.content
        before = content.sequence - 1
        expected = GENESIS if before == 0 else predecessor_hashes.get(before)
        if expected is None:
            return Break(
                Problem.MISSING,
                content.sequence,
                event.id,
                content.at,
                expected=f"number {before}",
            )
        if content.prev_hash != expected:
            return Break(
                Problem.LINK,
                content.sequence,
                event.id,
                content.at,
                stored=content.prev_hash,
                expected=expected,
            )
    return None
