"""The Auditor links every event to the one before it, and the walk finds any tampering."""

from __future__ import annotations

import datetime as dt
import io
import itertools

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from triplewin.audit import chain, services
from triplewin.audit.models import AuditEvent, ChainCheck
from triplewin.core.audit_chain import GENESIS, Problem, event_hash

pytestmark = pytest.mark.django_db


def _chain() -> list[AuditEvent]:
    return list(AuditEvent.objects.order_by("sequence"))


def test_each_event_links_to_the_one_before(events):
    stored = _chain()
    assert [e.sequence for e in stored] == list(range(1, len(stored) + 1))
    assert stored[0].prev_hash == GENESIS
    for before, after in itertools.pairwise(stored):
        assert after.prev_hash == before.hash
    assert len({e.hash for e in stored}) == len(stored)
    report = chain.verify_chain()
    assert report.verified
    assert report.events == len(stored)
    assert report.head is not None
    assert report.head.id == stored[-1].pk


def test_the_hash_taken_on_writing_matches_what_is_read_back(nhs_lead):
    # Tuples, integer and boolean keys and floats come back from the database as lists,
    # JSON's string keys ("true", not "True") and reformatted numbers; the hash must be the
    # one recomputed from those.
    services.record(
        actor=nhs_lead,
        action="test.odd",
        obj=nhs_lead,
        changes={"pair": [(1, 2), None], 3: [0.5, 2.0], True: [None, 2**60]},  # type: ignore[dict-item]
    )
    assert chain.verify_chain().verified


def _fail_after_auditing(actor):
    with transaction.atomic():
        services.record(actor=actor, action="test.undone", obj=actor)
        raise RuntimeError("the service failed after auditing")


def test_a_rolled_back_write_leaves_no_hole(events, nhs_lead):
    last = events[-1].sequence
    with pytest.raises(RuntimeError):
        _fail_after_auditing(nhs_lead)
    after = services.record(actor=nhs_lead, action="test.next", obj=nhs_lead)
    assert after.sequence == last + 1
    assert chain.verify_chain().verified


@pytest.mark.parametrize(
    ("sql", "problem", "index"),
    [
        ("UPDATE audit_auditevent SET object_label = 'Forged' WHERE id = %s", Problem.CONTENT, 2),
        ("UPDATE audit_auditevent SET actor_id = NULL WHERE id = %s", Problem.CONTENT, 2),
        ("UPDATE audit_auditevent SET changes = '{}' WHERE id = %s", Problem.CONTENT, 2),
        ("DELETE FROM audit_auditevent WHERE id = %s", Problem.MISSING, 3),
        ("UPDATE audit_auditevent SET sequence = 99 WHERE id = %s", Problem.MISSING, 3),
    ],
)
def test_direct_changes_are_found(events, tamper, sql, problem, index):
    tamper(sql, (events[2].pk,))
    report = chain.verify_chain()
    assert report.broken is not None
    assert report.broken.problem is problem
    assert report.broken.event_id == events[index].pk
    assert report.events == events[2].sequence - 1


def test_a_forger_who_rehashes_an_event_breaks_the_next_link(events, tamper):
    target = events[2]
    target.object_label = "Forged"
    tamper(
        "UPDATE audit_auditevent SET object_label = %s, hash = %s WHERE id = %s",
        ("Forged", event_hash(chain.content_of(target)), target.pk),
    )
    report = chain.verify_chain()
    assert report.broken is not None
    assert (report.broken.problem, report.broken.event_id) == (Problem.LINK, events[3].pk)


def test_the_published_heads_catch_a_cut_end(events, tamper):
    ChainCheck.objects.create(
        day=dt.date(2027, 3, 1),
        verified=True,
        events=events[4].sequence,
        head_sequence=events[4].sequence,
        head_event_id=events[4].pk,
        head_hash=events[4].hash,
    )
    assert chain.verify_chain().verified
    tamper("DELETE FROM audit_auditevent WHERE id = %s", (events[4].pk,))
    report = chain.verify_chain()
    assert report.broken is not None
    assert report.broken.problem is Problem.MISSING
    assert "published as its head for 2027-03-01" in report.broken.describe()


def test_failed_checks_publish_no_head(events):
    ChainCheck.objects.create(
        day=dt.date(2027, 3, 1), verified=False, events=2, problem="Event 3 was changed."
    )
    assert chain.published_heads() == []
    assert chain.verify_chain().verified


def test_the_walk_reads_in_pages(events, tamper):
    assert chain.verify_chain(chunk=2).verified
    tamper("DELETE FROM audit_auditevent WHERE id = %s", (events[4].pk,))
    tamper("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", (events[3].pk,))
    broken = chain.verify_chain(chunk=2).broken
    assert broken is not None
    assert broken.event_id == events[3].pk


def test_verify_audit_reports_success(events):
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    text = out.getvalue()
    assert f"Every event verifies ({events[-1].sequence} events)" in text
    assert events[-1].hash in text


def test_verify_audit_on_an_empty_chain():
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    assert "empty" in out.getvalue()


def test_verify_audit_names_the_first_break_and_fails(events, tamper):
    tamper("UPDATE audit_auditevent SET object_label = 'Forged' WHERE id = %s", (events[1].pk,))
    with pytest.raises(CommandError) as failure:
        call_command("verify_audit", stdout=io.StringIO())
    assert failure.value.returncode == 1
    message = str(failure.value)
    assert f"Event {events[1].pk} (number {events[1].sequence} in the chain, recorded " in message
    assert "was changed" in message
    assert f"Verified before the break: {events[1].sequence - 1} events." in message


def test_one_projects_events_verify_with_two_queries(events, django_assert_num_queries):
    with django_assert_num_queries(2):
        result = chain.verify_project(1)
    assert (result.events, result.verified) == (4, True)


def test_a_project_sees_its_own_changed_event(events, tamper):
    tamper("UPDATE audit_auditevent SET object_label = 'Forged' WHERE id = %s", (events[3].pk,))
    broken = chain.verify_project(1).broken
    assert broken is not None
    assert (broken.problem, broken.event_id) == (Problem.CONTENT, events[3].pk)
    assert chain.verify_project(2).verified


def test_a_project_sees_that_its_events_predecessor_was_deleted(events, tamper):
    # Event 3 belongs to project 2; event 4 (project 1) now links to nothing.
    tamper("DELETE FROM audit_auditevent WHERE id = %s", (events[2].pk,))
    broken = chain.verify_project(1).broken
    assert broken is not None
    assert (broken.problem, broken.event_id) == (Problem.MISSING, events[3].pk)
