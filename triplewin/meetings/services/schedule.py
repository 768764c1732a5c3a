"""Writes for a meeting: details, agenda, attendance, and its status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.conflicts.decisions import managed_text
from triplewin.conflicts.selectors import describe, project_scope, touching_by_user
from triplewin.core.dates import long_date
from triplewin.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingDeclaration,
    MeetingStatus,
    VoteStatus,
)
from triplewin.meetings.services._common import lock_meeting, require_meetings_allowed, touch
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.team.models import TeamMember
from triplewin.team.selectors import display_name

DETAIL_FIELDS = ("title", "kind", "scheduled_for", "location", "minutes_notes")
EDITABLE = (MeetingStatus.PLANNED, MeetingStatus.HELD)


def _clean_title(title: str) -> str:
    if not title.strip():
        raise ValidationError({"title": "Give the meeting a title."})
    return title.strip()


@transaction.atomic
def meeting_create(
    *,
    actor: User,
    project: Project,
    title: str,
    kind: str,
    scheduled_for: dt.date,
    location: str = "",
) -> Meeting:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    require_meetings_allowed(locked)
    meeting = Meeting(
        project=locked,
        title=_clean_title(title),
        kind=kind,
        scheduled_for=scheduled_for,
        location=location.strip(),
    )
    meeting.full_clean()
    meeting.save()
    audit.record(
        actor=actor,
        action="meeting.scheduled",
        obj=meeting,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(meeting, DETAIL_FIELDS[:4])),
    )
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor: User,
    meeting: Meeting,
    expected_version: int | None,
    title: str,
    kind: str,
    scheduled_for: dt.date,
    location: str,
    minutes_notes: str,
) -> Meeting:
    locked = lock_meeting(meeting, statuses=EDITABLE, expected_version=expected_version)
    if locked.status == MeetingStatus.HELD and scheduled_for != locked.scheduled_for:
        raise ValidationError(
            {"scheduled_for": "The meeting has been held, so its date can no longer change."}
        )
    before = audit.snapshot(locked, DETAIL_FIELDS)
    locked.title = _clean_title(title)
    locked.kind = kind
    locked.scheduled_for = scheduled_for
    locked.location = location.strip()
    locked.minutes_notes = minutes_notes.strip()
    locked.full_clean()
    changes = audit.diff(before, audit.snapshot(locked, DETAIL_FIELDS))
    if not changes:
        return locked
    touch(locked)
    locked.save()
    audit.record(
        actor=actor,
        action="meeting.updated",
        obj=locked,
        project_id=locked.project_id,
        changes=changes,
    )
    return locked


@transaction.atomic
def agenda_item_add(
    *,
    actor: User,
    meeting: Meeting,
    expected_version: int | None,
    title: str,
    relates_to_organisation: Organisation | None = None,
) -> AgendaItem:
    locked = lock_meeting(meeting, statuses=EDITABLE, expected_version=expected_version)
    if not title.strip():
        raise ValidationError({"title": "Enter the agenda item."})
    if (
        relates_to_organisation is not None
        and not locked.project.partners.filter(organisation=relates_to_organisation).exists()
    ):
        raise ValidationError(
            {
                "relates_to_organisation": f"{relates_to_organisation} is not a partner in this project."
            }
        )
    last = locked.agenda_items.aggregate(last=Max("order"))["last"] or 0
    item = AgendaItem(
        meeting=locked,
        order=last + 1,
        title=title.strip(),
        relates_to_organisation=relates_to_organisation,
    )
    item.full_clean()
    item.save()
    touch(locked)
    audit.record(
        actor=actor,
        action="meeting.agenda_item_added",
        obj=item,
        project_id=locked.project_id,
        changes={
            "title": [None, item.title],
            "relates_to": [None, str(relates_to_organisation) if relates_to_organisation else None],
        },
    )
    return item


@transaction.atomic
def agenda_item_remove(
    *, actor: User, meeting: Meeting, item: AgendaItem, expected_version: int | None
) -> None:
    locked = lock_meeting(meeting, statuses=EDITABLE, expected_version=expected_version)
    if item.meeting_id != locked.pk:
        raise ValidationError("That item is not on this meeting's agenda.")
    if item.decisions.exists():
        raise ValidationError(
            "Decisions have been recorded against this item, so it stays on the agenda."
        )
    audit.record(
        actor=actor,
        action="meeting.agenda_item_removed",
        obj=item,
        project_id=locked.project_id,
        changes={"title": [item.title, None]},
    )
    item.delete()
    touch(locked)


@transaction.atomic
def attendance_record(
    *,
    actor: User,
    meeting: Meeting,
    expected_version: int | None,
    statuses: Mapping[int, str],
) -> list[Attendance]:
    """Record, for each team member (by TeamMember id), whether they attended.

    Attendance is fixed when the meeting is marked as held, because the declarations taken at
    the start and the right to vote both depend on who was there.
    """
    locked = lock_meeting(
        meeting, statuses=(MeetingStatus.PLANNED,), expected_version=expected_version
    )
    members = {
        m.pk: m
        for m in TeamMember.objects.active()
        .filter(project_id=locked.project_id)
        .select_related("user")
    }
    unknown = set(statuses) - set(members)
    if unknown:
        raise ValidationError("Attendance can only be recorded for current team members.")
    for status in statuses.values():
        if status not in AttendanceStatus.values:
            raise ValidationError("Choose present, sent apologies or absent for each member.")
    existing = {a.member_id: a for a in locked.attendance.all()}
    changes: audit.Changes = {}
    saved = []
    for member_id, status in statuses.items():
        found = existing.get(member_id)
        before = found.status if found else None
        if found is None:
            found = Attendance(meeting=locked, member=members[member_id], status=status)
        found.status = status
        found.save()
        saved.append(found)
        if before != status:
            changes[display_name(members[member_id].user)] = [before, status]
    if changes:
        touch(locked)
        audit.record(
            actor=actor,
            action="meeting.attendance_recorded",
            obj=locked,
            project_id=locked.project_id,
            changes=changes,
        )
    return saved


@transaction.atomic
def meeting_mark_held(
    *,
    actor: User,
    meeting: Meeting,
    expected_version: int | None,
    today: dt.date | None = None,
) -> Meeting:
    """Mark the meeting as held and copy the attendees' declarations into its record."""
    today = today or timezone.localdate()
    locked = lock_meeting(
        meeting, statuses=(MeetingStatus.PLANNED,), expected_version=expected_version
    )
    if locked.scheduled_for > today:
        raise ValidationError(
            f"This meeting is scheduled for {long_date(locked.scheduled_for)}, so it cannot have "
            "been held yet."
        )
    present = [
        a.member
        for a in locked.attendance.filter(status=AttendanceStatus.PRESENT).select_related(
            "member__user"
        )
    ]
    if not present:
        raise ValidationError("Record who attended before marking the meeting as held.")
    found = touching_by_user(
        {m.user_id for m in present}, project_scope(locked.project), locked.scheduled_for
    )
    copied = 0
    for member in present:
        for declaration, finding in found.get(member.user_id, []):
            MeetingDeclaration.objects.create(
                meeting=locked,
                member=member,
                declaration=declaration,
                person_name=display_name(member.user),
                organisation_name=finding.organisation or declaration.related_to,
                text=describe(declaration),
                managed=managed_text(locked.project, declaration),
            )
            copied += 1
    locked.status = MeetingStatus.HELD
    locked.held_at = timezone.now()
    touch(locked)
    locked.save()
    audit.record(
        actor=actor,
        action="meeting.held",
        obj=locked,
        project_id=locked.project_id,
        changes={
            "status": [MeetingStatus.PLANNED.value, MeetingStatus.HELD.value],
            "declarations_recorded": [None, copied],
        },
    )
    return locked


@transaction.atomic
def minutes_approve(*, actor: User, meeting: Meeting, expected_version: int | None) -> Meeting:
    """Approve the minutes; from now on nothing about the meeting changes."""
    locked = lock_meeting(
        meeting, statuses=(MeetingStatus.HELD,), expected_version=expected_version
    )
    still_open = locked.decisions.filter(is_vote=True).exclude(vote_status=VoteStatus.CLOSED)
    if still_open.exists():
        raise ValidationError(
            "Every vote must be closed before the minutes are approved. Still open or not yet "
            f"taken: {'; '.join(d.text[:60] for d in still_open)}."
        )
    locked.status = MeetingStatus.MINUTES_APPROVED
    locked.minutes_approved_by = actor
    locked.minutes_approved_at = timezone.now()
    touch(locked)
    locked.save()
    audit.record(
        actor=actor,
        action="meeting.minutes_approved",
        obj=locked,
        project_id=locked.project_id,
        changes={"status": [MeetingStatus.HELD.value, MeetingStatus.MINUTES_APPROVED.value]},
    )
    return locked
