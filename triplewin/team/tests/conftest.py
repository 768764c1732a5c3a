"""Fixtures for a project whose concept is approved, with a small team."""

from __future__ import annotations

from typing import Any

import pytest

from triplewin.team.tests import builders


@pytest.fixture
def approved(project: Any, nhs_lead: Any) -> Any:
    return builders.advance(project, nhs_lead, "concept_approved")


@pytest.fixture
def team(approved: Any, nhs_lead: Any, industry_lead: Any, nhs_org: Any, pharma_org: Any) -> Any:
    """The NHS lead and the industry lead on the team, each with a nil return."""
    builders.add_member(approved, nhs_lead, nhs_lead, nhs_org, "chair")
    builders.add_member(approved, nhs_lead, industry_lead, pharma_org, "partnership_lead")
    return approved
