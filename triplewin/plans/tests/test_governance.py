"""Data and safety governance read from the plans (issue 13, items 12, 16 and 17).

Seeds: The King's Fund (2024), Principle 7 (memorandums of understanding and
information-sharing agreements); NHS Confederation briefing (2024), Skin Analytics case study
(clinical safety officers, DCB0160); The King's Fund, 'Sustaining and scaling change'.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from triplewin.plans import services
from triplewin.plans.selectors import (
    data_flows_ungoverned,
    data_flows_without_dpia,
    digital_tools_without_safety,
    evaluators,
    sustainability_missing,
)
from triplewin.plans.tests.conftest import VALID, move_to

pytestmark = pytest.mark.django_db


def _add(actor: Any, project: Any, slug: str, **extra: Any) -> Any:
    return services.plan_entry_add(
        actor=actor, project=project, plan=slug, fields={**VALID[slug], **extra}
    )


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({}, None),
        ({"controller": ""}, "no data controller named"),
        ({"sharing_basis": ""}, "no data sharing agreement or memorandum"),
        ({"sharing_reference": ""}, "a data sharing agreement is not named"),
        ({"sharing_basis": "mou", "sharing_reference": ""}, "memorandum of understanding is not"),
        # Data kept inside one organisation needs no agreement, unless a company sees it.
        ({"sharing_basis": "not_shared", "shared_with_company": False}, None),
        ({"sharing_basis": "not_shared"}, "a company sees it"),
    ],
)
def test_data_flows_ungoverned(
    in_setup: Any, nhs_lead: Any, changes: dict[str, Any], problem: str | None
) -> None:
    _add(nhs_lead, in_setup, "data", **changes)
    found = data_flows_ungoverned(in_setup)
    if problem is None:
        assert found == ()
    else:
        assert len(found) == 1
        assert found[0].startswith("Reviews completed per practice: ")
        assert problem in found[0]


@pytest.mark.parametrize(
    ("dpia", "flagged"),
    [
        ("signed_off", None),
        ("not_needed", None),
        ("done", "done, not yet signed off"),
        ("not_done", "not done yet"),
        ("", "not recorded"),
    ],
)
def test_data_flows_without_dpia(
    in_setup: Any, nhs_lead: Any, dpia: str, flagged: str | None
) -> None:
    _add(nhs_lead, in_setup, "data", dpia=dpia)
    found = data_flows_without_dpia(in_setup)
    assert found == (() if flagged is None else (f"Reviews completed per practice ({flagged})",))


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({}, None),
        ({"safety_officer": ""}, "no clinical safety officer"),
        ({"dcb0160_record": ""}, "no DCB0160 record"),
        ({"dcb0160_approved": False}, "DCB0160 record not approved by the clinical safety officer"),
    ],
)
def test_digital_tools_without_safety(
    in_setup: Any, nhs_lead: Any, changes: dict[str, Any], problem: str | None
) -> None:
    assert digital_tools_without_safety(in_setup) == ()
    _add(nhs_lead, in_setup, "digital-tools", **changes)
    found = digital_tools_without_safety(in_setup)
    assert found == (() if problem is None else (f"Skin lesion triage app: {problem}",))


def test_sustainability_missing(in_setup: Any, nhs_lead: Any) -> None:
    assert sustainability_missing(in_setup) is None
    _add(nhs_lead, in_setup, "sustainability")
    assert sustainability_missing(in_setup) == ()


def test_sustainability_entry_needs_each_part(in_setup: Any, nhs_lead: Any) -> None:
    with pytest.raises(ValidationError) as raised:
        _add(nhs_lead, in_setup, "sustainability", commissioner="", handover=" ")
    assert set(raised.value.message_dict) == {"commissioner", "handover"}


def test_sustainability_plan_stays_open_in_delivery(in_setup: Any, nhs_lead: Any) -> None:
    move_to(in_setup, "in_delivery")
    _add(nhs_lead, in_setup, "sustainability")
    with pytest.raises(ValidationError):
        _add(nhs_lead, in_setup, "evaluation")
    move_to(in_setup, "completed")
    with pytest.raises(ValidationError):
        _add(nhs_lead, in_setup, "sustainability")


def test_evaluators(in_setup: Any, nhs_lead: Any) -> None:
    assert evaluators(in_setup) == []
    _add(nhs_lead, in_setup, "evaluation")
    assert [e.evaluator for e in evaluators(in_setup)] == ["University of Example evaluation unit"]
