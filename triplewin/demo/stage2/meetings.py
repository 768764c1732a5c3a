"""Meetings: agenda, attendance, marking as held, decisions and votes, actions and minutes."""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.setup_types import MeetingSpec, Resolution
from triplewin.demo.stage2.lookup import Lookup
from triplewin.meetings.models import AgendaItem, AttendanceStatus, Meeting
from triplewin.meetings.services import actions as action_services
from triplewin.meetings.services import schedule, voting
from triplewin.partnerships.models import Project
from triplewin.team.models import TeamMember


def _agenda(spec: MeetingSpec, meeting: Meeting, lookup: Lookup, where: str) -> list[AgendaItem]:
    actor = lookup.user(spec.recorded_by, where)
    return [
        schedule.agenda_item_add(
            actor=actor,
            meeting=meeting,
            expected_version=None,
            title=entry.title,
            relates_to_organisation=lookup.org(entry.relates_to, where)
            if entry.relates_to
            else None,
        )
        for entry in spec.agenda
    ]


def _attendance(
    spec: MeetingSpec, project: Project, meeting: Meeting, lookup: Lookup, where: str
) -> None:
    statuses: dict[int, str] = {}
    for emails, status in (
        (spec.present, AttendanceStatus.PRESENT),
        (spec.apologies, AttendanceStatus.APOLOGIES),
    ):
        for email in emails:
            statuses[lookup.member(project, email, where).pk] = status
    schedule.attendance_record(
        actor=lookup.user(spec.recorded_by, where),
        meeting=meeting,
        expected_version=None,
        statuses=statuses,
    )


def _resolve(
    resolution: Resolution,
    *,
    spec: MeetingSpec,
    project: Project,
    meeting: Meeting,
    items: list[AgendaItem],
    lookup: Lookup,
    where: str,
) -> None:
    actor = lookup.user(spec.recorded_by, where)
    decision = voting.decision_record(
        actor=actor,
        meeting=meeting,
        text=resolution.text,
        agenda_item=items[resolution.item - 1] if resolution.item else None,
        is_vote=bool(resolution.votes),
    )
    if not resolution.votes:
        return
    # Opening the vote is what excludes the members conflicted about the item's partner.
    voting.vote_open(actor=actor, meeting=meeting, decision=decision)
    for email, choice in resolution.votes.items():
        member: TeamMember = lookup.member(project, email, where)
        voting.vote_record(
            actor=actor, meeting=meeting, decision=decision, member=member, choice=choice
        )
    voting.vote_close(actor=actor, meeting=meeting, decision=decision)


def _minutes(spec: MeetingSpec, project: Project, meeting: Meeting, lookup: Lookup) -> None:
    where = f"Meeting '{spec.title}'"
    actor = lookup.user(spec.recorded_by, where)
    for item in spec.actions:
        action = action_services.action_add(
            actor=actor,
            project=project,
            description=item.description,
            owner=lookup.user(item.owner, where),
            due_on=lookup.today + dt.timedelta(days=item.due_in_days),
            meeting=meeting,
            notify=False,  # the demo's people are invented: nobody to email
        )
        if item.done:
            action_services.action_complete(
                actor=actor, project=project, action=action, today=lookup.today
            )
    if spec.notes:
        meeting.refresh_from_db()
        schedule.meeting_update(
            actor=actor,
            meeting=meeting,
            expected_version=None,
            title=meeting.title,
            kind=meeting.kind,
            scheduled_for=meeting.scheduled_for,
            location=meeting.location,
            minutes_notes=spec.notes,
        )
    if spec.minutes_approved:
        schedule.minutes_approve(actor=actor, meeting=meeting, expected_version=None)


def load_meeting(spec: MeetingSpec, project: Project, lookup: Lookup) -> Meeting:
    where = f"Meeting '{spec.title}'"
    meeting = schedule.meeting_create(
        actor=lookup.user(spec.recorded_by, where),
        project=project,
        title=spec.title,
        kind=spec.kind,
        scheduled_for=lookup.today + dt.timedelta(days=spec.in_days),
        location=spec.location,
    )
    items = _agenda(spec, meeting, lookup, where)
    if not spec.held:
        return meeting
    _attendance(spec, project, meeting, lookup, where)
    # Marking as held copies the attendees' declarations about any partner into the record.
    schedule.meeting_mark_held(
        actor=lookup.user(spec.recorded_by, where),
        meeting=meeting,
        expected_version=None,
        today=lookup.today,
    )
    for resolution in spec.resolutions:
        _resolve(
            resolution,
            spec=spec,
            project=project,
            meeting=meeting,
            items=items,
            lookup=lookup,
            where=where,
        )
    _minutes(spec, project, meeting, lookup)
    return meeting
