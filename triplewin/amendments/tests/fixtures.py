"""An amendment to a project in delivery, and helpers to sign one off through the services."""

from __future__ import annotations

from typing import Any

import pytest

from triplewin.amendments import services
from triplewin.amendments.models import Amendment

DETAILS: dict[str, Any] = {
    "title": "Three more months after slow recruitment",
    "reason": "Two practices joined late, so fewer patients were reviewed than planned.",
    "impact_timeline": "The end moves back by three months.",
    "impact_logistics": "Nurse clinics continue at two sites for the extra months.",
    "impact_money": "The company funds the tool licence for three more months (£3,000).",
    "changes_contract": False,
    "contract_changes": "",
}
NEW_EXIT = "Reviews continue in usual care; the ICB takes over the search tool licence."


@pytest.fixture
def amendment(pid_in_delivery: Any, nhs_lead: Any) -> Amendment:
    """A draft that rewrites the exit strategy."""
    found = services.amendment_create(actor=nhs_lead, project=pid_in_delivery, fields=DETAILS)
    services.amendment_change_set(
        actor=nhs_lead, amendment=found, field_key="exit_strategy", after=NEW_EXIT
    )
    found.refresh_from_db()
    return found


@pytest.fixture
def submitted_amendment(amendment: Amendment, nhs_lead: Any) -> Amendment:
    return services.amendment_submit(actor=nhs_lead, amendment=amendment)


def sign_off(
    amendment: Amendment, *, signatory: Any, team: Any, committees: dict[Any, Any]
) -> Amendment:
    """Certify, then approve for the team and every committee; the last one applies it."""
    services.amendment_certify(actor=signatory, amendment=amendment)
    services.amendment_decide(
        actor=team, amendment=amendment, body="project_team", organisation=None, decision="approve"
    )
    for organisation, user in committees.items():
        services.amendment_decide(
            actor=user,
            amendment=amendment,
            body="governance_committee",
            organisation=organisation,
            decision="approve",
        )
    amendment.refresh_from_db()
    return amendment
