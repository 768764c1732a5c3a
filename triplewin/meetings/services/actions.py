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


def _check(project: Project, description: str, owner: User) -> None:
    if not description.strip():
        raise ValidationError({"description": "Describe the action."})
    if not TeamMember.objects.active().filter(project=project, user=owner).exists():
        raise ValidationError(
            {"owner": f"{display_name(owner)} is not on the project team, so cannot own an action."}
        )


def _tell_owner(action: Action, actor: User) -> None:
    """Queue the owner's email once the transaction commits; nobody is told of their own."""
    if action.owner_id != actor.pk:
        sender = display_name(actor)
        transaction.on_commit(lambda: email_action_owner.enqueue(action.pk, sender))


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
    _check(locked, description, owner)
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
    if notify:
        _tell_owner(action, actor)
    return action


def _locked_open(project: Project, action: Action) -> Action:
    locked = (
        Action.objects.select_for_update(of=("self",)).select_related("project").get(pk=action.pk)
    )
    if locked.project_id != project.pk:
        raise ValidationError("That action is not in this project's log.")
    require_meetings_allowed(locked.project)
    if locked.status == ActionStatus.DONE:
        done_on = f" on {long_date(locked.completed_on)}" if locked.completed_on else ""
        raise ValidationError(f"This action was already done{done_on}.")
    return locked


@transaction.atomic
def action_change(
    *,
    actor: User,
    project: Project,
    action: Action,
    description: str,
    owner: User,
    due_on: dt.date,
) -> Action:
    """Reword an open action, give it to someone else or move its date; the new owner is told."""
    locked = _locked_open(project, action)
    _check(locked.project, description, owner)
    before = {
        "description": locked.description,
        "owner": display_name(locked.owner),
        "due_on": locked.due_on.isoformat(),
    }
    new_owner = owner.pk != locked.owner_id
    locked.description = description.strip()
    locked.owner = owner
    locked.due_on = due_on
    locked.full_clean()
    after = {
        "description": locked.description,
        "owner": display_name(owner),
        "due_on": due_on.isoformat(),
    }
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if not changes:
        return locked
    locked.save(update_fields=["description", "owner", "due_on"])
    audit.record(
        actor=actor,
        action="action.changed",
        obj=locked,
        project_id=locked.project_id,
        changes=changes,
    )
    if new_owner:
        _tell_owner(locked, actor)
    return locked


@transaction.atomic
def action_complete(
    *, actor: User, project: Project, action: Action, today: dt.date | None = None
) -> Action:
    locked = _locked_open(project, action)
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
