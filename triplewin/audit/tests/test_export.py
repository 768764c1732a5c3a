"""An outside auditor can re-verify the chain from the export with any RFC 8785 library."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json

import pytest
import rfc8785
from django.core.management import call_command

from triplewin.audit.daily import check_chain

pytestmark = pytest.mark.django_db


def third_party_verify(lines: list[str], heads: dict[int, str]) -> int:
    """ADR 0012's recipe, written from the ADR alone: no Triple Win code."""
    previous, expected = "0" * 64, 1
    for line in lines:
        record = json.loads(line)
        event = record["event"]
        assert event["sequence"] == expected, f"number {expected} is missing"
        assert event["prev_hash"] == previous, f"event {record['id']} does not link"
        digest = hashlib.sha256(rfc8785.dumps(event)).hexdigest()
        assert digest == record["hash"], f"event {record['id']} was changed"
        assert heads.get(expected, digest) == digest, "differs from the published head"
        previous, expected = digest, expected + 1
    return expected - 1


def _export() -> list[str]:
    out = io.StringIO()
    call_command("export_audit", stdout=out)
    return out.getvalue().splitlines()


def test_the_export_verifies_by_the_published_recipe(events, client):
    check = check_chain(today=dt.date(2027, 3, 1))
    assert check is not None
    assert check.head_sequence is not None
    published = json.loads(client.get("/register/open-data/audit-heads.json").content)
    heads = {h["sequence"]: h["hash"] for h in published["heads"]}
    lines = _export()
    assert third_party_verify(lines, heads) == len(lines) == check.head_sequence + 1
    first = json.loads(lines[0])["event"]
    assert sorted(first) == [
        "action",
        "actor_id",
        "actor_label",
        "at",
        "changes",
        "kpi_id",
        "object_id",
        "object_label",
        "object_type",
        "prev_hash",
        "project_id",
        "sequence",
        "version",
    ]


def test_a_changed_event_fails_the_recipe(events, tamper):
    tamper("UPDATE audit_auditevent SET object_label = 'Forged' WHERE id = %s", (events[2].pk,))
    with pytest.raises(AssertionError, match=f"event {events[2].pk} was changed"):
        third_party_verify(_export(), {})


def test_the_export_can_go_to_a_file(events, tmp_path):
    target = tmp_path / "audit.jsonl"
    err = io.StringIO()
    call_command("export_audit", "--output", str(target), stderr=err)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert third_party_verify(lines, {}) == len(lines)
    assert f"Wrote {len(lines)} events" in err.getvalue()
