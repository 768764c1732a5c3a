"""Registers of interests: the declared interests, then nil returns for everyone else.

Nobody joins a team or takes a decision, from the concept on, without a current register
(ADR 0013), so every demo person who works for an organisation has one before any project
is recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import User

from triplewin.conflicts import rounds
from triplewin.conflicts import services as conflict_services
from triplewin.conflicts.models import DeclarationRound
from triplewin.core.declaration_rounds import Scope
from triplewin.demo.data.setup_types import Interest
from triplewin.demo.stage2.lookup import Lookup


def load_registers(lookup: Lookup, interests: Iterable[Interest], people: Iterable[str]) -> None:
    declared: set[str] = set()
    for interest in interests:
        where = f"Interest declared by {interest.email}"
        conflict_services.declaration_add(
            actor=lookup.user(interest.email, where),
            category=interest.category,
            interest_type=interest.interest_type,
            description=interest.description,
            valid_from=interest.valid_from,
            organisation=lookup.org(interest.org, where) if interest.org else None,
            organisation_name=interest.org_name,
            valid_to=interest.valid_to,
            action_taken=interest.action_taken,
        )
        declared.add(interest.email)
    for email in people:
        if email not in declared:
            conflict_services.nil_return_make(
                actor=lookup.user(email, "Nil returns"), today=lookup.today
            )


# The yearly round the demo opens: United Lincolnshire Hospitals asks its decision makers,
# four weeks to answer, and publishes their register (issue 16, ADR 0035).
ROUND_ORGANISATION = "ulht"
ROUND_WEEKS = 4


def load_declaration_round(lookup: Lookup, admin: User) -> DeclarationRound:
    organisation = lookup.org(ROUND_ORGANISATION, "Declaration round")
    opened = rounds.round_open(
        actor=admin,
        organisation=organisation,
        scope=Scope.DECISION_MAKERS,
        due_on=lookup.today + dt.timedelta(weeks=ROUND_WEEKS),
        today=lookup.today,
    )
    return rounds.round_publish(actor=admin, declaration_round=opened)
