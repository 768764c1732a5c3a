# ruff: noqa: F811 - the PID fixtures are imported by name and used as arguments
"""The agreement is drawn from the approved PID and checked against it (AGREEMENT-MATCHES-PID).

Seed: NHS Confederation/ABPI guidance (2024), 'Recommended Collaborative/Joint Working
Agreement Framework': key information about the project is drawn directly from the PID.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from triplewin.agreement import services
from triplewin.agreement.selectors import agreement_pid_mismatches, drawn_from_pid
from triplewin.agreement.tests.conftest import COMPLETE_CLAUSES, add_party
from triplewin.core.agreement_terms import PidTerms, success_text
from triplewin.pid.tests.builders import PID_TEXT
from triplewin.pid.tests.fixtures import (  # noqa: F401 - fixtures used by name
    approved,
    committees,
    complete_pid,
    in_setup,
    nhs_governance,
    signatory,
    submitted,
    wired,
)

pytestmark = pytest.mark.django_db

SUCCESS = success_text(
    PidTerms(
        success_measure=PID_TEXT["success_measure"],
        success_when=PID_TEXT["success_when"],
        success_by_whom=PID_TEXT["success_by_whom"],
    )
)


def _save(actor: Any, project: Any, **fields: Any) -> None:
    services.agreement_save(
        actor=actor,
        project=project,
        fields={**COMPLETE_CLAUSES, **fields},
        expected_version=None,
    )


def test_nothing_to_compare_without_an_agreement(approved: Any) -> None:
    assert agreement_pid_mismatches(approved) is None


def test_a_new_agreement_starts_from_the_pid(approved: Any) -> None:
    drawn = drawn_from_pid(approved)
    assert drawn["working_type"] == approved.intended_type
    assert drawn["term_months"] == 12
    assert drawn["success_measures"] == SUCCESS


def test_the_edit_form_is_filled_from_the_pid(approved: Any, client_for: Any) -> None:
    body = client_for("nhs_lead").get(reverse("agreement:edit", args=[approved.pk]))
    assert PID_TEXT["success_by_whom"] in body.content.decode()


def test_drawn_agreement_matches(approved: Any, nhs_lead: Any) -> None:
    _save(nhs_lead, approved, **drawn_from_pid(approved), agreement_date=dt.date(2026, 1, 5))
    assert agreement_pid_mismatches(approved) == ()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"term_months": 6}, "shorter than the PID's 12 months"),
        ({"success_measures": "Reviews completed."}, "leave out the PID's what is measured"),
    ],
)
def test_changed_agreement_no_longer_matches(
    approved: Any, nhs_lead: Any, change: dict[str, Any], problem: str
) -> None:
    _save(nhs_lead, approved, **{**drawn_from_pid(approved), **change})
    found = agreement_pid_mismatches(approved)
    assert found is not None
    assert any(problem in f for f in found)


def test_the_other_type_is_a_mismatch(approved: Any, nhs_lead: Any) -> None:
    other = "cw" if approved.intended_type == "jw" else "jw"
    _save(nhs_lead, approved, **{**drawn_from_pid(approved), "working_type": other})
    found = agreement_pid_mismatches(approved)
    assert found is not None
    assert any("but the approved PID is for" in f for f in found)


def test_detail_page_warns_of_a_mismatch(approved: Any, nhs_lead: Any, client_for: Any) -> None:
    _save(nhs_lead, approved, **{**drawn_from_pid(approved), "term_months": 6})
    body = client_for("nhs_lead").get(reverse("agreement:detail", args=[approved.pk]))
    assert "no longer matches the approved PID" in body.content.decode()


def test_the_gate_holds_a_mismatched_agreement(
    approved: Any, nhs_lead: Any, nhs_org: Any, pharma_org: Any
) -> None:
    _save(nhs_lead, approved, **{**drawn_from_pid(approved), "term_months": 6})
    parties = [add_party(nhs_lead, approved, nhs_org), add_party(nhs_lead, approved, pharma_org)]
    for party in parties:
        result = services.party_sign(
            actor=nhs_lead, party=party, signed_on=dt.date(2026, 1, 5), expected_version=None
        )
    assert result.blocked is not None
    assert "AGREEMENT-MATCHES-PID" in {r.rule.id for r in result.blocked.failed_blockers}
    approved.refresh_from_db()
    assert approved.state == "pid_approved"
