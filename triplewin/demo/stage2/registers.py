"""Registers of interests: the declared interests, then nil returns for everyone else seated.

Every team member must have declared interests or made a nil return before joining a team,
and governance committee members are held to the same standard.
"""

from __future__ import annotations

from collections.abc import Iterable

from triplewin.conflicts import services as conflict_services
from triplewin.demo.data.setup_types import Interest, SetupSpec
from triplewin.demo.stage2.lookup import Lookup


def _seated(setups: Iterable[SetupSpec]) -> list[str]:
    """Everyone on a team or committee, in the order the content names them, once each."""
    emails: dict[str, None] = {}
    for spec in setups:
        emails.update(dict.fromkeys(place.email for place in spec.team))
        emails.update(dict.fromkeys(seat.email for seat in spec.committees))
    return list(emails)


def load_registers(
    lookup: Lookup, interests: Iterable[Interest], setups: Iterable[SetupSpec]
) -> None:
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
    for email in _seated(setups):
        if email not in declared:
            conflict_services.nil_return_make(
                actor=lookup.user(email, "Nil returns"), today=lookup.today
            )
