"""Meeting services: details, agenda, attendance, holding and approving."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from triplewin.audit.models import AuditEvent, ImmutableRecord
from triplewin.conflicts import services as conflict_services
from triplewin.meetings.models import AgendaItem, Attendance, Meeting, MeetingDeclaration
from triplewin.meetings.selectors import last_meeting_on
from triplewin.meetings.services import schedule, voting
from triplewin.partnerships.errors import StaleEdit
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def _update(meeting, actor, version, **changes):
    details = {
        "title": meeting.title,
        "kind": meeting.kind,
        "scheduled_for": meeting.scheduled_for,
        "location": meeting.location,
        "minutes_notes": meeting.minutes_notes,
    }
    details.update(changes)
    return schedule.meeting_update(
        actor=actor, meeting=meeting, expected_version=version, **details
    )


def test_scheduling_is_audited(meeting, nhs_lead):
    event = AuditEvent.objects.get(action="meeting.scheduled")
    assert event.project_id == meeting.project_id
    assert event.changes["title"] == [None, "Steering committee 1"]
    assert meeting.status == "planned"


def test_meetings_wait_for_the_concept_approval(project, nhs_lead):
    with pytest.raises(ValidationError, match="Meetings cannot be recorded"):
        schedule.meeting_create(
            actor=nhs_lead,
            project=project,
            title="Too early",
            kind="steering",
            scheduled_for=timezone.localdate(),
        )
    assert not Meeting.objects.exists()


def test_a_closing_meeting_is_allowed_after_completion(project, nhs_lead):
    builders.advance(project, nhs_lead, "completed")
    meeting = schedule.meeting_create(
        actor=nhs_lead,
        project=project,
        title="Close-out",
        kind="steering",
        scheduled_for=timezone.localdate(),
    )
    assert meeting.pk


def test_blank_title_is_refused(team, nhs_lead):
    with pytest.raises(ValidationError) as error:
        schedule.meeting_create(
            actor=nhs_lead,
            project=team,
            title=" ",
            kind="steering",
            scheduled_for=timezone.localdate(),
        )
    assert "title" in error.value.message_dict


def test_update_bumps_the_version_and_is_audited(meeting, nhs_lead):
    version = meeting.row_version
    _update(meeting, nhs_lead, version, minutes_notes="Budget discussed")
    meeting.refresh_from_db()
    assert meeting.minutes_notes == "Budget discussed"
    assert meeting.row_version == version + 1
    event = AuditEvent.objects.get(action="meeting.updated")
    assert event.changes == {"minutes_notes": ["", "Budget discussed"]}


def test_a_stale_edit_overwrites_nothing(meeting, nhs_lead, industry_lead):
    version = meeting.row_version
    _update(meeting, nhs_lead, version, minutes_notes="First")
    with pytest.raises(StaleEdit):
        _update(meeting, industry_lead, version, minutes_notes="Second")
    meeting.refresh_from_db()
    assert meeting.minutes_notes == "First"
    assert AuditEvent.objects.filter(action="meeting.updated").count() == 1


def test_agenda_items_are_numbered_and_checked(meeting, nhs_lead, pharma_org, other_org):
    first = schedule.agenda_item_add(
        actor=nhs_lead, meeting=meeting, expected_version=None, title="Welcome"
    )
    second = schedule.agenda_item_add(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        title="Data",
        relates_to_organisation=pharma_org,
    )
    assert (first.order, second.order) == (1, 2)
    with pytest.raises(ValidationError) as error:
        schedule.agenda_item_add(
            actor=nhs_lead,
            meeting=meeting,
            expected_version=None,
            title="Other",
            relates_to_organisation=other_org,
        )
    assert "relates_to_organisation" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        schedule.agenda_item_add(actor=nhs_lead, meeting=meeting, expected_version=None, title="")
    assert "title" in error.value.message_dict
    schedule.agenda_item_remove(actor=nhs_lead, meeting=meeting, item=first, expected_version=None)
    assert list(AgendaItem.objects.values_list("title", flat=True)) == ["Data"]
    assert AuditEvent.objects.filter(action="meeting.agenda_item_removed").count() == 1


def test_agenda_edit_on_an_old_version_is_refused(meeting, nhs_lead):
    version = meeting.row_version
    schedule.agenda_item_add(actor=nhs_lead, meeting=meeting, expected_version=version, title="A")
    with pytest.raises(StaleEdit):
        schedule.agenda_item_add(
            actor=nhs_lead, meeting=meeting, expected_version=version, title="B"
        )
    assert AgendaItem.objects.count() == 1


def test_attendance_is_recorded_for_current_members_only(meeting, members, nhs_lead, outsider):
    schedule.attendance_record(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        statuses={members["nhs"].pk: "present", members["industry"].pk: "apologies"},
    )
    assert dict(Attendance.objects.values_list("member_id", "status")) == {
        members["nhs"].pk: "present",
        members["industry"].pk: "apologies",
    }
    event = AuditEvent.objects.get(action="meeting.attendance_recorded")
    assert event.changes["Industry Tester"] == [None, "apologies"]
    with pytest.raises(ValidationError, match="current team members"):
        schedule.attendance_record(
            actor=nhs_lead, meeting=meeting, expected_version=None, statuses={999999: "present"}
        )
    with pytest.raises(ValidationError, match="Choose present"):
        schedule.attendance_record(
            actor=nhs_lead,
            meeting=meeting,
            expected_version=None,
            statuses={members["nhs"].pk: "asleep"},
        )


def test_holding_needs_someone_present_and_a_date_not_in_the_future(
    team, meeting, members, nhs_lead
):
    with pytest.raises(ValidationError, match="Record who attended"):
        schedule.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)
    future = schedule.meeting_create(
        actor=nhs_lead,
        project=team,
        title="Next",
        kind="steering",
        scheduled_for=timezone.localdate() + dt.timedelta(days=7),
    )
    with pytest.raises(ValidationError, match="cannot have been held yet"):
        schedule.meeting_mark_held(actor=nhs_lead, meeting=future, expected_version=None)


def test_holding_copies_declarations_about_partners(held, nhs_lead, other_org):
    copied = list(MeetingDeclaration.objects.filter(meeting=held))
    assert len(copied) == 1
    assert copied[0].person_name == "Nhs Tester"
    assert copied[0].organisation_name == "Test Pharma Ltd"
    assert "Shares in the company" in copied[0].text
    event = AuditEvent.objects.get(action="meeting.held")
    assert event.changes["declarations_recorded"] == [None, 1]


def test_interests_in_other_organisations_are_not_copied(meeting, members, nhs_lead, other_org):
    builders.declare(nhs_lead, other_org)
    schedule.attendance_record(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        statuses={members["nhs"].pk: "present"},
    )
    schedule.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)
    assert not MeetingDeclaration.objects.exists()


def test_copied_declarations_do_not_change_later(held, nhs_lead):
    copied = MeetingDeclaration.objects.get(meeting=held)
    original = copied.declaration
    assert original is not None
    conflict_services.declaration_end(
        actor=nhs_lead, declaration=original, ended_on=timezone.localdate()
    )
    copied.refresh_from_db()
    assert "Shares in the company" in copied.text
    with pytest.raises(ImmutableRecord):
        copied.save()
    with pytest.raises(ImmutableRecord):
        copied.delete()


def test_attendance_is_fixed_once_held(held, members, nhs_lead):
    with pytest.raises(ValidationError, match="already been marked as held"):
        schedule.attendance_record(
            actor=nhs_lead,
            meeting=held,
            expected_version=None,
            statuses={members["industry"].pk: "absent"},
        )
    with pytest.raises(ValidationError) as error:
        _update(held, nhs_lead, None, scheduled_for=held.scheduled_for - dt.timedelta(days=1))
    assert "scheduled_for" in error.value.message_dict


def test_minutes_wait_for_every_vote_to_close(vote, nhs_lead):
    meeting = vote.meeting
    with pytest.raises(ValidationError, match="Every vote must be closed"):
        schedule.minutes_approve(actor=nhs_lead, meeting=meeting, expected_version=None)
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_approved_minutes_never_change(held, members, nhs_lead, pharma_org):
    voting.decision_record(actor=nhs_lead, meeting=held, text="Agreed the plan")
    schedule.minutes_approve(actor=nhs_lead, meeting=held, expected_version=held.row_version + 1)
    held.refresh_from_db()
    assert held.status == "minutes_approved"
    assert held.minutes_approved_by == nhs_lead
    assert AuditEvent.objects.filter(action="meeting.minutes_approved").exists()
    message = "approved and can no longer change"
    with pytest.raises(ValidationError, match=message):
        _update(held, nhs_lead, None, minutes_notes="Sneaky edit")
    with pytest.raises(ValidationError, match=message):
        schedule.agenda_item_add(actor=nhs_lead, meeting=held, expected_version=None, title="X")
    with pytest.raises(ValidationError, match=message):
        voting.decision_record(actor=nhs_lead, meeting=held, text="Late decision")
    with pytest.raises(ValidationError, match=message):
        schedule.minutes_approve(actor=nhs_lead, meeting=held, expected_version=None)
    held.refresh_from_db()
    assert held.minutes_notes == ""
    assert held.decisions.count() == 1


def test_approval_on_an_old_version_is_refused(held, nhs_lead):
    version = held.row_version
    voting.decision_record(actor=nhs_lead, meeting=held, text="Added while someone read")
    with pytest.raises(StaleEdit):
        schedule.minutes_approve(actor=nhs_lead, meeting=held, expected_version=version)
    held.refresh_from_db()
    assert held.status == "held"


def test_last_meeting_on_counts_meetings_that_took_place(team, meeting, held, nhs_lead):
    assert last_meeting_on(team) == held.scheduled_for
    schedule.meeting_create(
        actor=nhs_lead,
        project=team,
        title="Next",
        kind="steering",
        scheduled_for=timezone.localdate() + dt.timedelta(days=30),
    )
    assert last_meeting_on(team) == held.scheduled_for


def test_last_meeting_on_is_none_without_held_meetings(team, meeting):
    assert last_meeting_on(team) is None
