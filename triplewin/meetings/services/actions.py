"""Writes for the action log."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core.dates import long_date
from triplewin.meetings.models import Action, ActionStatus, Meeting, MeetingStatus
from triplewin.meetings.services._common import require_meetings_allowed, touch
from triplewin.meetings.tasks import email_action_owner
from triplewin.partnerships.models import Project
from triplewin.team.models import TeamMember
from triplewin.team.selectors import display_name


@transaction.atomic
def action_add(
    *,
    actor: User,
    project: Project,
    description: str,
    owner: User,
    due_on: dt.date,
    meeting: Meeting | None = None,
    notify: bool = True,
) -> Action:
    """Add an action to the log and, once saved, email its owner unless they added it."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    require_meetings_allowed(locked)
    if not description.strip():
        raise ValidationError({"description": "Describe the action."})
    if not TeamMember.objects.active().filter(project=locked, user=owner).exists():
        raise ValidationError(
            {"owner": f"{display_name(owner)} is not on the project team, so cannot own an action."}
        )
    if meeting is not None:
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.project_id != locked.pk:
            raise ValidationError({"meeting": "Choose one of this project's meetings."})
        if meeting.status == MeetingStatus.MINUTES_APPROVED:
            raise ValidationError(
                {"meeting": "The minutes of that meeting are approved and can no longer change."}
            )
    action = Action(
        project=locked,
        meeting=meeting,
        description=description.strip(),
        owner=owner,
        due_on=due_on,
    )
    action.full_clean()
    action.save()
    if meeting is not None:
        touch(meeting)
    audit.record(
        actor=actor,
        action="action.added",
        obj=action,
        project_id=locked.pk,
        changes={
            "description": [None, action.description],
            "owner": [None, display_name(owner)],
            "due_on": [None, due_on.isoformat()],
        },
    )
    if notify and owner.pk != actor.pk:
        sender = display_name(actor)
        transaction.on_commit(lambda: email_action_owner.enqueue(action.pk, sender))
    return action


@transaction.atomic
def action_complete(
    *, actor: User, project: Project, action: Action, today: dt.date | None = None
) -> Action:
    locked = (
        Action.objects.select_for_update(of=("self",)).select_related("project").get(pk=action.pk)
    )
    if locked.project_id != project.pk:
        raise ValidationError("That action is not in this project's log.")
    require_meetings_allowed(locked.project)
    if locked.status == ActionStatus.DONE:
        done_on = f" on {long_date(locked.completed_on)}" if locked.completed_on else ""
        raise ValidationError(f"This action was already done{done_on}.")
    locked.status = ActionStatus.DONE
    locked.completed_on = today or timezone.localdate()
    locked.save(update_fields=["status", "completed_on"])
    audit.record(
        actor=actor,
        action="action.completed",
        obj=locked,
        project_id=locked.project_id,
        changes={
            "status": [ActionStatus.OPEN.value, ActionStatus.DONE.value],
            "completed_on": [None, locked.completed_on.isoformat()],
        },
    )
    return locked
