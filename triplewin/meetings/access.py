"""Who may close an action: the project's partnership leads, and the action's own owner.

An action is given to a member of the project team, often a nurse or analyst without a
lead's rights; saying it is done is theirs to do, as long as they still work for a partner.
Adding actions and changing anything else stays with the leads.
"""

from __future__ import annotations

from typing import Any

from triplewin.meetings.models import Action
from triplewin.partnerships import access
from triplewin.partnerships.models import Project


def may_complete(user: Any, project: Project, action: Action) -> bool:
    if access.can_edit(user, project):
        return True
    owns = user.is_authenticated and action.owner_id == user.pk
    return owns and access.works_for_a_partner(user, project)
