"""Helpers for the tests that each decision service runs the conflict check.

Every decision path is tried the same way: a decision maker declares paid talks about a
medicine the project concerns, for a company that is not a partner; the decision is refused
with a message naming the declaration; the chair of the project team (or another partner's
named lead) records that the person may take part; the same decision then succeeds and its
audit event names the management record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from triplewin.audit.models import AuditEvent
from triplewin.conflicts import services
from triplewin.conflicts.decisions import ConflictRefused
from triplewin.conflicts.models import Arrangement, ConflictManagement, Declaration
from triplewin.partnerships import services as project_services
from triplewin.partnerships.models import Project

T = TypeVar("T")
PRODUCT = "Jardiance"
INTEREST = "Paid talks on Jardiance for Rival Pharma plc."
REASON = "The talks ended last spring and were about dosing, not this project."


def concern_product(project: Project, actor: Any) -> Project:
    """Record that the project concerns the medicine the declarations below name."""
    project_services.project_update(
        actor=actor, project=project, expected_version=None, products_concerned=PRODUCT
    )
    project.refresh_from_db()
    return project


def declare_interest(user: Any) -> Declaration:
    return services.declaration_add(
        actor=user,
        category="financial",
        interest_type="outside_employment",
        description=INTEREST,
        valid_from=dt.date(2024, 1, 1),
        organisation_name="Rival Pharma plc",
    )


def refused(call: Callable[[], Any]) -> str:
    """Run a decision that the conflict check must refuse; return the message."""
    with pytest.raises(ConflictRefused) as error:
        call()
    message = " ".join(error.value.messages)
    assert INTEREST in message
    assert "it names Jardiance, which this project concerns" in message
    return message


def manage(project: Project, *, by: Any, person: Any, decision: str) -> ConflictManagement:
    return services.conflict_manage(
        actor=by,
        project=project,
        person=person,
        declaration=Declaration.objects.get(user=person, description=INTEREST),
        decision=decision,
        arrangement=Arrangement.TAKES_PART,
        reason=REASON,
    )


def assert_audited_as_managed(action: str) -> None:
    """The decision's own audit event names the record that let the person take it."""
    event = AuditEvent.objects.filter(action=action).latest("id")
    managed = event.changes["conflict_of_interest"][1]
    assert REASON in managed
    assert "Chair of the project team" in managed or "Named lead" in managed


def conflicted(project: Project, *, lead: Any, person: Any) -> Project:
    """The project concerns the medicine, and `person` has declared paid talks about it."""
    concern_product(project, lead)
    declare_interest(person)
    return project


def refused_until_managed(
    call: Callable[[], T],
    *,
    project: Project,
    by: Any,
    person: Any,
    decision: str,
    action: str,
    nothing_recorded: Callable[[], bool],
) -> T:
    """Refused while the conflict is unmanaged, leaving no record; allowed once `by` (the chair
    or another partner's named lead) records that the person may take part, with the decision's
    audit event naming that record."""
    refused(call)
    assert nothing_recorded(), "A refused decision must leave nothing recorded."
    manage(project, by=by, person=person, decision=decision)
    result = call()
    assert_audited_as_managed(action)
    return result
