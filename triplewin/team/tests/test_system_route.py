"""The system-level route through the integrated care board (ADR 0019).

Enforces the guidance's advice for system-level partnerships (NHS Confederation/ABPI guidance
2024, Stage 1, Integrated care system/place level): early discussions include the board's
relevant clinical and executive leads, the chief pharmacist as appropriate, and proposals go to
the ICB's Integrated Medicines Optimisation Committee (IMOC) or equivalent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.core.rules import RULES_BY_ID
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.facts import build_facts
from triplewin.team import services
from triplewin.team.models import SystemRoute

pytestmark = pytest.mark.django_db

RULE = RULES_BY_ID["SYSTEM-ROUTE-RECORDED"]
FULL: dict[str, Any] = {
    "clinical_leads": "Dr A Clinician, clinical director for respiratory",
    "executive_leads": "B Exec, director of strategy",
    "chief_pharmacist": "C Pharmacist, chief pharmacist: reviewed the proposal",
    "committee_name": "",
    "committee_decision": "supported",
    "decided_on": dt.date(2026, 1, 20),
    "decision_note": "",
}


@pytest.fixture
def system(project):
    project.origin_setting = "system"
    project.save(update_fields=["origin_setting"])
    return project


def _save(project, actor, version=0, **changes):
    return services.system_route_save(
        actor=actor, project=project, expected_version=version, **{**FULL, **changes}
    )


def _check(project):
    return RULE.check(build_facts(project))


def test_only_system_level_projects_need_the_route(project):
    assert _check(project).outcome == "not_applicable"


@pytest.mark.parametrize(
    ("changes", "involves_medicines", "outcome", "detail"),
    [
        (None, True, "fail", "not recorded yet"),
        ({}, True, "pass", ""),
        ({"chief_pharmacist": ""}, True, "fail", "the chief pharmacist's involvement"),
        # The chief pharmacist is asked for "as appropriate": where medicines are involved.
        ({"chief_pharmacist": ""}, False, "pass", ""),
        ({"clinical_leads": ""}, True, "fail", "the clinical leads involved"),
        ({"executive_leads": " "}, True, "fail", "the executive leads involved"),
        (
            {"committee_decision": "", "decided_on": None},
            True,
            "fail",
            "the decision of the Integrated Medicines Optimisation Committee (IMOC)",
        ),
        (
            {"committee_decision": "not_supported", "decision_note": "Not a system priority."},
            True,
            "fail",
            "did not support the proposal on 20 January 2026",
        ),
        (
            {"committee_decision": "conditions", "decision_note": "Report quarterly."},
            True,
            "pass",
            "",
        ),
    ],
)
def test_the_route_rule(system, nhs_lead, changes, involves_medicines, outcome, detail):
    system.involves_medicines = involves_medicines
    system.save(update_fields=["involves_medicines"])
    if changes is not None:
        _save(system, nhs_lead, **changes)
    check = _check(system)
    assert check.outcome == outcome
    assert detail in check.detail


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"decided_on": None}, "decided_on", "Enter the date the committee decided."),
        ({"decided_on": dt.date(2099, 1, 1)}, "decided_on", "cannot be in the future"),
        ({"committee_decision": "maybe"}, "committee_decision", "Choose the committee's decision"),
        ({"committee_decision": "not_supported"}, "decision_note", "Say why"),
    ],
)
def test_bad_routes_are_refused(system, nhs_lead, changes, field, message):
    with pytest.raises(ValidationError) as error:
        _save(system, nhs_lead, **changes)
    assert message in error.value.message_dict[field][0]
    assert not SystemRoute.objects.exists()


def test_saving_is_audited_and_versioned(system, nhs_lead):
    route = _save(system, nhs_lead)
    assert route.committee_name == "Integrated Medicines Optimisation Committee (IMOC)"
    event = AuditEvent.objects.get(action="team.system_route_saved")
    assert event.changes["committee_decision"] == [None, "supported"]
    with pytest.raises(StaleEdit):
        _save(system, nhs_lead, version=0, committee_name="Area prescribing committee")
    assert _save(system, nhs_lead, version=1, committee_name="APC").row_version == 2


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_route_page_by_role(client_for, system, nhs_lead, role, status):
    _save(system, nhs_lead)
    response = client_for(role).get(reverse("team:system-route", args=[system.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Dr A Clinician" in body
        assert ("Save the system-level route" in body) == (role in ("nhs_lead", "industry_lead"))


def _post(**changes: Any) -> dict[str, str]:
    data = {**FULL, **changes}
    return {k: ("" if v is None else str(v)) for k, v in data.items()} | {"row_version": "0"}


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_route_save_by_role(client_for, system, role, status):
    response = client_for(role).post(reverse("team:system-route", args=[system.pk]), _post())
    if status == 200:
        assert response.status_code == 302
        assert SystemRoute.objects.get().committee_decision == "supported"
    else:
        assert response.status_code == status
        assert not SystemRoute.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"decided_on": "next Tuesday"}, "Enter a real date"),
        ({"decided_on": ""}, "Enter the date the committee decided."),
        ({"committee_decision": "perhaps"}, "Select a valid choice"),
    ],
)
def test_bad_posts_are_explained(client_for, system, changes, message):
    response = client_for("nhs_lead").post(
        reverse("team:system-route", args=[system.pk]), _post(**changes)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SystemRoute.objects.exists()
