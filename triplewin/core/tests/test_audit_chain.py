"""The audit chain's byte format, its hashes, and the walk that finds the first break."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from triplewin.core.audit_chain import (
    GENESIS,
    Break,
    ChainWalk,
    EventContent,
    Problem,
    PublishedHead,
    StoredEvent,
    canonical_bytes,
    canonical_json,
    event_hash,
    first_break_in,
    utc_timestamp,
)

AT = dt.datetime(2027, 3, 1, 9, 30, 15, 250000, tzinfo=dt.UTC)

# The worked example in ADR 0012: a third party's implementation must produce these bytes
# and this hash. If this test changes, every stored chain stops verifying.
EXAMPLE = EventContent(
    sequence=42,
    at=AT,
    actor_id=7,
    actor_label="Asha Patel <asha.patel@nhs.net>",
    action="project.updated",
    object_type="partnerships.Project",
    object_id="12",
    object_label="Heart failure finder \u2013 Lincolnshire",
    project_id=12,
    changes={"therapy_area": ["Cardiology", "Renal"], "planned_start": [None, "2027-04-01"]},
    prev_hash="ab" * 32,
)
EXAMPLE_BYTES = (
    '{"action":"project.updated","actor_id":7,"actor_label":"Asha Patel <asha.patel@nhs.net>",'
    '"at":"2027-03-01T09:30:15.250000Z","changes":{"planned_start":[null,"2027-04-01"],'
    '"therapy_area":["Cardiology","Renal"]},"kpi_id":null,"object_id":"12",'
    '"object_label":"Heart failure finder \u2013 Lincolnshire","object_type":"partnerships.Project",'
    '"prev_hash":"' + "ab" * 32 + '","project_id":12,"sequence":42,"version":1}'
).encode()
EXAMPLE_HASH = "ede53b250504544a5a113e7010dba3a5c9f7a518487b3b26f20a467df7fbf460"


def test_the_worked_example_bytes():
    assert canonical_bytes(EXAMPLE) == EXAMPLE_BYTES


def test_the_worked_example_hash():
    assert event_hash(EXAMPLE) == EXAMPLE_HASH


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sequence", 43),
        ("at", AT + dt.timedelta(microseconds=1)),
        ("actor_id", 8),
        ("actor_id", None),
        ("actor_label", "Someone else"),
        ("action", "project.created"),
        ("object_type", "concept.Concept"),
        ("object_id", "13"),
        ("object_label", "Heart failure finder"),
        ("project_id", None),
        ("changes", {"therapy_area": ["Cardiology", "Respiratory"]}),
        ("prev_hash", "cd" * 32),
    ],
)
def test_every_field_is_covered_by_the_hash(field, value):
    assert event_hash(dataclasses.replace(EXAMPLE, **{field: value})) != EXAMPLE_HASH


@pytest.mark.parametrize(
    ("at", "text"),
    [
        (dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC), "2027-03-01T09:30:00.000000Z"),
        # British Summer Time is written in UTC.
        (
            dt.datetime(2027, 7, 1, 10, 0, 0, 5, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            "2027-07-01T09:00:00.000005Z",
        ),
    ],
)
def test_times_are_written_in_utc_with_microseconds(at, text):
    assert utc_timestamp(at) == text


@pytest.mark.parametrize("at", [dt.datetime(2027, 3, 1, 9, 30), "2027-03-01", None])
def test_a_time_without_a_zone_is_refused(at):
    with pytest.raises(ValueError, match="time zone"):
        utc_timestamp(at)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"b": 1, "a": [True, None, "x"]}, '{"a":[true,null,"x"],"b":1}'),
        ({"line": 'a\nb\t"c"\\\x01é😀'}, '{"line":"a\\nb\\t\\"c\\"\\\\\\u0001é😀"}'),
        (3.0, "3"),
        (1.5, "1.5"),
        (1e-7, "1e-7"),
        (-0.0, "0"),
        (2**53 - 1, "9007199254740991"),
        # Beyond what a JSON number holds exactly: written as a string.
        (2**53, '"9007199254740992"'),
        (1e300, '"1' + "0" * 300 + '"'),
        (float("nan"), '"nan"'),
        (float("-inf"), '"-inf"'),
        # RFC 8785 orders keys by UTF-16 code units: U+1F600 (a surrogate pair) sorts
        # before U+FF01, although its code point is higher.
        ({"\uff01": 1, "\U0001f600": 2}, '{"\U0001f600":2,"\uff01":1}'),
        ((1, "a"), '[1,"a"]'),
        # Keys as JSON writes them, as the database gives them back.
        ({True: 1, None: 2, 3: 4}, '{"3":4,"null":2,"true":1}'),
    ],
)
def test_canonical_json(value, expected):
    assert canonical_json(value) == expected.encode()


@pytest.mark.parametrize(
    ("written", "read_back"),
    [
        # What PostgreSQL's jsonb gives back for what Python wrote: the same number, but
        # reformatted from its decimal text.
        (3.0, 3),
        (1e16, 10**16),
        (1e300, 10**300),
        (1e-7, json.loads("0.0000001")),
    ],
)
def test_numbers_hash_the_same_after_jsonb_reformats_them(written, read_back):
    assert canonical_json([written]) == canonical_json([read_back])


def test_values_no_writer_produces_are_refused():
    with pytest.raises(TypeError, match="cannot hold a set"):
        canonical_json({"a": {1, 2}})


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


# No deadline: the reference implementation is slow, and the machine may be busy.
@settings(deadline=None)
@given(JSON_VALUES)
def test_the_fast_path_writes_exactly_rfc_8785(value):
    assert canonical_json(value) == rfc8785.dumps(value)


@settings(deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_non_integral_floats_are_rfc_8785(number):
    if not number.is_integer():
        assert canonical_json(number) == rfc8785.dumps(number)


# Walking a chain.


def build_chain(length: int) -> list[StoredEvent]:
    events: list[StoredEvent] = []
    previous = GENESIS
    for sequence in range(1, length + 1):
        content = dataclasses.replace(
            EXAMPLE,
            sequence=sequence,
            at=AT + dt.timedelta(minutes=sequence),
            changes={"step": [None, sequence]},
            prev_hash=previous,
        )
        event = StoredEvent(id=100 + sequence, content=content, hash=event_hash(content))
        events.append(event)
        previous = event.hash
    return events


def rehashed(event: StoredEvent, **changes: Any) -> StoredEvent:
    """The event edited and given a fresh, self-consistent hash: a careful forger's work."""
    content = dataclasses.replace(event.content, **changes)
    return StoredEvent(event.id, content, event_hash(content))


def edited(event: StoredEvent, **changes: Any) -> StoredEvent:
    return StoredEvent(event.id, dataclasses.replace(event.content, **changes), event.hash)


def walk(events: list[StoredEvent], heads: tuple[PublishedHead, ...] = ()) -> Break | None:
    chain = ChainWalk(heads)
    for event in events:
        broken = chain.step(event)
        if broken is not None:
            return broken
    return chain.finish()


def test_an_untouched_chain_verifies():
    events = build_chain(5)
    chain = ChainWalk()
    assert all(chain.step(e) is None for e in events)
    assert chain.finish() is None
    assert chain.count == 5
    assert chain.last == events[-1]


def test_an_empty_chain_verifies():
    assert walk([]) is None


def _tampered(name: str) -> tuple[list[StoredEvent], tuple[PublishedHead, ...]]:
    events = build_chain(6)
    day = dt.date(2027, 3, 1)
    if name == "edited":
        events[2] = edited(events[2], object_label="Something else")
    elif name == "rehashed":
        events[2] = rehashed(events[2], object_label="Something else")
    elif name == "relinked":
        events[2] = rehashed(events[2], prev_hash="cd" * 32)
    elif name == "deleted":
        del events[2]
    elif name == "two deleted":
        del events[2:4]
    elif name == "first deleted":
        del events[0]
    elif name == "rewritten":
        # Every hash recomputed from the edit on, so the links hold: only a published head
        # taken before the rewrite can tell.
        heads = (PublishedHead(day, 5, events[4].hash),)
        forged = events[:2]
        for event in events[2:]:
            content = dataclasses.replace(event.content, prev_hash=forged[-1].hash)
            if event.content.sequence == 3:
                content = dataclasses.replace(content, object_label="Something else")
            forged.append(StoredEvent(event.id, content, event_hash(content)))
        return forged, heads
    elif name == "cut short":
        heads = (PublishedHead(day, 6, events[5].hash),)
        return events[:4], heads
    return events, ()


@pytest.mark.parametrize(
    ("tampering", "problem", "sequence", "event_id"),
    [
        ("edited", Problem.CONTENT, 3, 103),
        ("rehashed", Problem.LINK, 4, 104),
        ("relinked", Problem.LINK, 3, 103),
        ("deleted", Problem.MISSING, 4, 104),
        ("two deleted", Problem.MISSING, 5, 105),
        ("first deleted", Problem.MISSING, 2, 102),
        ("rewritten", Problem.HEAD, 5, 105),
        ("cut short", Problem.MISSING, 6, None),
    ],
)
def test_the_first_break_is_found(tampering, problem, sequence, event_id):
    events, heads = _tampered(tampering)
    broken = walk(events, heads)
    assert broken is not None
    assert (broken.problem, broken.sequence, broken.event_id) == (problem, sequence, event_id)


def test_a_rewritten_chain_with_no_published_head_passes():
    """Why heads are published: a full rewrite is only caught by a head kept elsewhere."""
    events, _ = _tampered("rewritten")
    assert walk(events) is None


def test_a_matching_published_head_passes():
    events = build_chain(3)
    assert walk(events, (PublishedHead(dt.date(2027, 3, 1), 2, events[1].hash),)) is None


@pytest.mark.parametrize(
    ("tampering", "words"),
    [
        (
            "edited",
            [
                "Event 103 (number 3 in the chain, recorded 2027-03-01T09:33:15.250000Z)",
                "was changed",
                "stored ",
                "recomputed ",
            ],
        ),
        ("rehashed", ["Event 104", "no longer links to the event before it"]),
        ("deleted", ["Event 104", "the chain has no number 3", "deleted"]),
        ("two deleted", ["the chain has no numbers 3 to 4"]),
        ("rewritten", ["Event 105", "head published for 2027-03-01", "rewritten"]),
        ("cut short", ["The chain ends at number 4, but number 6 was published", "2027-03-01"]),
    ],
)
def test_each_break_is_described_plainly(tampering, words):
    events, heads = _tampered(tampering)
    broken = walk(events, heads)
    assert broken is not None
    text = broken.describe()
    for word in words:
        assert word in text
    assert broken.reason()


def test_content_that_cannot_be_read_is_a_content_break():
    events = build_chain(2)
    events[1] = edited(events[1], at="2027-03-01 09:30")
    broken = walk(events)
    assert broken is not None
    assert broken.problem is Problem.CONTENT
    assert "cannot be read" in broken.expected
    assert "Event 102 (number 2 in the chain)" in broken.describe()


# One project's events, checked against their predecessors.


def _predecessors(events: list[StoredEvent]) -> dict[int, str]:
    return {e.content.sequence: e.hash for e in events}


def test_a_projects_events_verify_against_their_predecessors():
    events = build_chain(6)
    mine = [events[1], events[4]]
    before = _predecessors([events[0], events[3]])
    assert first_break_in(mine, before) is None
    assert first_break_in([events[0]], {}) is None


@pytest.mark.parametrize(
    ("case", "problem", "event_id"),
    [
        ("edited", Problem.CONTENT, 105),
        ("predecessor deleted", Problem.MISSING, 105),
        ("predecessor rehashed", Problem.LINK, 105),
        ("first relinked", Problem.LINK, 101),
    ],
)
def test_a_projects_first_broken_event_is_found(case, problem, event_id):
    events = build_chain(6)
    mine = [events[4], events[1]]
    before = _predecessors([events[0], events[3]])
    if case == "edited":
        mine[0] = edited(events[4], changes={})
    elif case == "predecessor deleted":
        del before[4]
    elif case == "predecessor rehashed":
        before[4] = rehashed(events[3], object_label="x").hash
    elif case == "first relinked":
        mine = [rehashed(events[0], prev_hash="cd" * 32)]
    broken = first_break_in(mine, before)
    assert broken is not None
    assert (broken.problem, broken.event_id) == (problem, event_id)
