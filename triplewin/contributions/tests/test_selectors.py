"""Contribution selectors, as the rules and the PID read them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from triplewin.contributions import services
from triplewin.contributions.selectors import (
    contributions_for_pid,
    funded_posts_without_exit,
    parties_without_significant_contribution,
)

pytestmark = pytest.mark.django_db


def _add(actor, project, org, **extra):
    fields = {"organisation": org, "kind": "skills", "description": "Clinical leadership"}
    fields.update(extra)
    return services.contribution_add(actor=actor, project=project, fields=fields)


def test_nothing_recorded_is_none(approved):
    assert parties_without_significant_contribution(approved) is None
    assert funded_posts_without_exit(approved) is None
    assert contributions_for_pid(approved) == []


def test_parties_without_significant_contribution(approved, nhs_lead, nhs_org, pharma_org):
    # Hosting with nothing valued or counted in hours is not a significant contribution.
    _add(nhs_lead, approved, nhs_org, kind="other", description="Hosts the steering meetings")
    assert parties_without_significant_contribution(approved) == (
        f"{nhs_org.name} (nothing valued in money and no staff hours)",
        f"{pharma_org.name} (nothing recorded)",
    )
    _add(nhs_lead, approved, pharma_org, kind="money", value=Decimal(1000))
    assert parties_without_significant_contribution(approved) == (
        f"{nhs_org.name} (nothing valued in money and no staff hours)",
    )
    _add(nhs_lead, approved, nhs_org, kind="staff_time", role="Nurse", hours=Decimal("37.5"))
    assert parties_without_significant_contribution(approved) == ()


def test_funded_posts_without_exit(approved, nhs_lead, pharma_org):
    _add(nhs_lead, approved, pharma_org)
    assert funded_posts_without_exit(approved) == ()
    post = _add(
        nhs_lead,
        approved,
        pharma_org,
        kind="money",
        description="Pays for a heart failure nurse",
        role="Heart failure nurse",
        is_funded_post=True,
        under_nhs_control=True,
    )
    assert funded_posts_without_exit(approved) == (f"{pharma_org.name}: Heart failure nurse",)
    services.contribution_update(
        actor=nhs_lead,
        contribution=post,
        fields={"exit_strategy": "The trust funds the post from year two."},
        expected_version=None,
    )
    assert funded_posts_without_exit(approved) == ()


def test_contributions_for_pid(approved, nhs_lead, nhs_org, pharma_org):
    _add(
        nhs_lead,
        approved,
        pharma_org,
        kind="money",
        description="Funds a nurse",
        value=Decimal(45000),
        is_funded_post=True,
        under_nhs_control=True,
        exit_strategy="Trust takes over",
    )
    _add(
        nhs_lead,
        approved,
        nhs_org,
        kind="staff_time",
        role="Consultant",
        hours=Decimal("37.5"),
        description="Clinical lead",
    )
    rows = contributions_for_pid(approved)
    assert [r["Organisation"] for r in rows] == [nhs_org.name, pharma_org.name]
    assert rows[0]["Kind"] == "Staff time"
    assert rows[0]["Hours"] == "37.5 hours"
    assert rows[0]["Value"] == ""
    assert rows[1]["Value"] == "£45,000"
    assert rows[1]["Industry-funded NHS post"] == "Yes, under NHS control"
    assert rows[1]["Exit strategy"] == "Trust takes over"
    assert all(isinstance(v, str) for r in rows for v in r.values())
