"""The assembled PID: what it draws in, its hash, and what is still missing."""

from __future__ import annotations

import pytest

from triplewin.partnerships import services as project_services
from triplewin.pid import services
from triplewin.pid.models import Pid
from triplewin.pid.sections import assemble
from triplewin.pid.selectors import current_hash, missing_sections, pid_status
from triplewin.pid.tests.builders import PID_TEXT
from triplewin.plans import services as plan_services

pytestmark = pytest.mark.django_db


def _titles(project):
    return [s.title for s in assemble(project)]


def _values(project):
    return {(s.key, f.label): f.value for s in assemble(project) for f in s.fields}


def test_document_draws_in_every_source(complete_pid, nhs_org, pharma_org):
    titles = _titles(complete_pid)
    assert titles[:6] == [
        "The project",
        "Partners and stakeholders",
        "Partners' addresses and leads' contact details",
        "Purpose and objectives",
        "Intended benefits",
        "Timing",
    ]
    assert {"Project team", "Governance committees", "Contributions", "RACI chart"} <= set(titles)
    assert titles[-2:] == [
        "Exit strategy and responsibilities on termination",
        "Confidentiality of patient information",
    ]
    values = _values(complete_pid)
    assert values[("purpose", "Purpose and background")].startswith("Many people with heart")
    assert values[("benefits", "To the NHS")] == "Fewer emergency admissions."
    assert values[("timing", "Anticipated start")] == "Quarter 2 2027"
    assert values[("team", "Nhs Tester (Test Hospitals NHS Trust)")] == "Chair"
    assert values[("committees", "Test Pharma Ltd: Legal")] == "Governance Tester"
    assert values[("governance", "Methodology")] == "Lean or a lighter-touch method"
    assert values[("exit", f"If terminated, {pharma_org.name} will")].startswith("Stop funding")
    money = values[("contributions", "Test Pharma Ltd: Money")]
    assert "Funding for the search tool" in money
    assert "£20,000" in money


def test_plans_and_raci_appear_as_entries(complete_pid, nhs_lead):
    plan_services.plan_entry_add(
        actor=nhs_lead,
        project=complete_pid,
        plan="raci",
        fields={"activity": "Run the search", "responsible": "Analyst", "accountable": "Chair"},
    )
    raci = next(s for s in assemble(complete_pid) if s.title == "RACI chart")
    assert [(f.label, f.value) for f in raci.fields] == [
        ("Run the search", "Responsible: Analyst\nAccountable: Chair")
    ]


def test_hash_is_stable_and_follows_every_source(complete_pid, nhs_lead, pharma_org):
    first = current_hash(complete_pid)
    assert current_hash(complete_pid) == first
    services.pid_save(
        actor=nhs_lead,
        project=complete_pid,
        fields={"exit_strategy": "A different plan"},
        expected_version=None,
    )
    second = current_hash(complete_pid)
    assert second != first
    project_services.project_update(
        actor=nhs_lead, project=complete_pid, expected_version=None, title="A new title"
    )
    assert current_hash(complete_pid) != second


def test_missing_sections(in_setup, nhs_lead, nhs_org, pharma_org):
    assert missing_sections(in_setup, None) is None
    assert pid_status(in_setup).missing_sections is None
    services.pid_save(
        actor=nhs_lead,
        project=in_setup,
        fields={**PID_TEXT, "exit_strategy": "", "methodology": "other"},
        expected_version=None,
    )
    missing = missing_sections(in_setup, Pid.objects.get(project=in_setup))
    assert missing == (
        "Exit strategy",
        "Notes on the methodology",
        f"Responsibilities on termination for {nhs_org.name}",
        f"Responsibilities on termination for {pharma_org.name}",
        "Project team",
        "Governance committees",
        "Contributions",
    )


def test_complete_pid_misses_nothing(complete_pid):
    status = pid_status(complete_pid)
    assert status.missing_sections == ()
    assert status.certified is None
    assert status.approved is None
    assert status.changed_since_approval is False
