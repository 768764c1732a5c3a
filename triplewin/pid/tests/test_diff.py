"""The readable difference between two versions."""

from __future__ import annotations

import pytest

from tests import factories
from triplewin.pid import services
from triplewin.pid.diff import Change, compare
from triplewin.pid.sections import Field, Section, from_snapshot
from triplewin.pid.tests.builders import join_team


def test_compare_reports_changed_added_and_removed():
    old = [
        Section("a", "Alpha", (Field("x", "X", "one"), Field("y", "Y", "gone"))),
        Section("b", "Beta", (Field("z", "Z", "same"),)),
    ]
    new = [
        Section("a", "Alpha", (Field("x", "X", "two"), Field("w", "W", "new"))),
        Section("c", "Gamma", (Field("q", "Q", "fresh"),)),
    ]
    changes = compare(old, new)
    assert [(c.title, c.change) for c in changes] == [
        ("Alpha", Change.CHANGED),
        ("Gamma", Change.ADDED),
        ("Beta", Change.REMOVED),
    ]
    alpha = changes[0].fields
    assert [(f.label, f.change, f.before, f.after) for f in alpha] == [
        ("X", Change.CHANGED, "one", "two"),
        ("W", Change.ADDED, "", "new"),
        ("Y", Change.REMOVED, "gone", ""),
    ]


def test_identical_versions_have_no_changes():
    same = [Section("a", "Alpha", (Field("x", "X", "one"),))]
    assert compare(same, same) == []


@pytest.mark.django_db
def test_diff_between_two_submitted_versions(submitted, nhs_lead, nhs_org):
    project = submitted.project
    services.pid_save(
        actor=nhs_lead,
        project=project,
        fields={"meeting_schedule": "Fortnightly meetings"},
        expected_version=None,
    )
    analyst = factories.member("analyst@example.test", nhs_org, "partnership_lead")
    join_team(project, nhs_lead, analyst, nhs_org, "analyst")
    second = services.pid_submit(actor=nhs_lead, project=project)
    changes = compare(from_snapshot(submitted.snapshot), from_snapshot(second.snapshot))
    by_title = {c.title: c for c in changes}
    assert set(by_title) == {"Project team", "Governance framework and methodology"}
    meeting = by_title["Governance framework and methodology"].fields[0]
    assert meeting.label == "Meeting schedule"
    assert meeting.before.startswith("Monthly team meetings")
    assert meeting.after == "Fortnightly meetings"
    added = by_title["Project team"].fields[0]
    assert (added.change, added.after) == (Change.ADDED, "Data analyst")
