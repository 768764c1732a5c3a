"""The PID carries the project plan: milestones, risks and issues, recorded from scoping.

Guidance (NHS Confederation/ABPI 2024): "clear milestones and timelines" among what effective
monitoring comprises (stage 3, monitoring), and, in the worked case studies' risk management,
"issue and risk management plans ... included from the outset in the project concept
document". Once the PID is approved its copy of the plan is frozen; the logs go on changing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from triplewin.delivery import services as delivery
from triplewin.pid.sections import assemble
from triplewin.pid.sections.base import find_section
from triplewin.pid.selectors import pid_status

pytestmark = pytest.mark.django_db

MILESTONE = {
    "title": "Search tool installed in every practice",
    "planned_on": timezone.localdate() + dt.timedelta(days=60),
    "actual_on": None,
    "owner": "Project manager",
    "notes": "",
}
RISK = {
    "description": "Practices cannot release nurses for the clinics",
    "likelihood": 4,
    "impact": 3,
    "owner": "Clinical lead",
    "mitigation": "Agree protected time with each practice manager.",
    "status": "open",
}


def test_the_plan_is_recorded_in_set_up_and_assembled_into_the_pid(in_setup, nhs_lead):
    delivery.milestone_add(actor=nhs_lead, project=in_setup, fields=MILESTONE)
    delivery.risk_add(actor=nhs_lead, project=in_setup, fields=RISK)
    sections = assemble(in_setup)
    milestones = find_section(sections, "milestones")
    risks = find_section(sections, "risks")
    assert milestones is not None
    assert risks is not None
    assert [f.label for f in milestones.fields] == [MILESTONE["title"]]
    assert "Owner: Project manager" in milestones.fields[0].value
    assert risks.fields[0].label == RISK["description"]
    assert "Score 12 (High)" in risks.fields[0].value


@pytest.mark.parametrize("page", ["pid:overview", "pid:print"])
def test_the_pid_page_and_its_printable_document_show_the_plan(
    client_for, in_setup, nhs_lead, page
):
    delivery.milestone_add(actor=nhs_lead, project=in_setup, fields=MILESTONE)
    delivery.risk_add(actor=nhs_lead, project=in_setup, fields=RISK)
    body = client_for("nhs_lead").get(reverse(page, args=[in_setup.pk])).content.decode()
    assert "Milestones" in body
    assert MILESTONE["title"] in body
    assert "Risks and issues" in body
    assert RISK["description"] in body


def test_an_empty_plan_says_so(client_for, in_setup):
    body = client_for("nhs_lead").get(reverse("pid:overview", args=[in_setup.pk])).content
    assert "No milestones have been planned yet." in body.decode()


def test_the_approved_pid_keeps_its_plan_while_the_logs_move_on(approved, nhs_lead):
    # The fixture's PID was approved with an empty plan. A risk recorded afterwards does not
    # change the approved PID, or reopen its sign-off.
    delivery.risk_add(actor=nhs_lead, project=approved, fields=RISK)
    risks = find_section(assemble(approved), "risks")
    assert risks is not None
    assert risks.fields == ()
    status = pid_status(approved)
    assert status.approved is True
    assert status.changed_since_approval is False
