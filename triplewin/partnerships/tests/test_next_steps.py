"""The "Next steps" box, the links from every rule to the page that fixes it, and the step pages."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import resolve, reverse

from tests.roles import EDIT, READ, matrix
from triplewin.core.rules import CATALOGUE
from triplewin.core.tests.test_rules import facts
from triplewin.partnerships.models import Project
from triplewin.partnerships.presenters import stage3
from triplewin.partnerships.presenters.fixes import STEP_PAGES, fix_link, page_for
from triplewin.pid import services as pid_services

pytestmark = pytest.mark.django_db


def _in_state(project: Project, state: str, **fields: Any) -> Project:
    Project.objects.filter(pk=project.pk).update(state=state, **fields)
    project.refresh_from_db()
    return project


def _next_steps_box(body: str) -> str:
    match = re.search(r'<section class="tw-next-steps".*?</section>', body, re.S)
    return match.group(0) if match else ""


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda r: r.id)
def test_every_rule_links_to_a_page_that_resolves(rule, project):
    link = fix_link(rule.id, project.pk)
    assert link is not None, f"{rule.id} has no page in presenters/fixes.py"
    match = resolve(link.href)
    assert match.kwargs["pk"] == project.pk
    assert link.text


def test_every_fixing_page_opens_for_a_partnership_lead(client_for, project):
    client = client_for("nhs_lead")
    pages = {page_for(r.id) for r in CATALOGUE} | set(STEP_PAGES.values())
    for page in pages:
        assert page is not None
        status = client.get(reverse(page.url_name, args=[project.pk])).status_code
        # A step page may send a project not at that step back to where it is (302).
        assert status in (200, 302), (page.url_name, status)


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_next_steps_box_only_for_those_who_can_act(client_for, project, role, status):
    _in_state(project, "scoping")
    response = client_for(role).get(reverse("partnerships:detail", args=[project.pk]))
    assert response.status_code == status
    if status != 200:
        return
    box = _next_steps_box(response.content.decode())
    if EDIT[role] == 200:
        # In scoping, the box leads to concept approval, not only to withdrawing.
        assert "Record concept approval" in box
        assert "Finish the classification checklist." in box
        assert reverse("scoping:checklist", args=[project.pk]) in box
        assert "Withdraw the project" in box
    else:
        assert box == ""


def test_blocked_step_offers_no_button_and_links_each_fix(client_for, project):
    _in_state(project, "setup")
    body = client_for("nhs_lead").get(reverse("partnerships:detail", args=[project.pk]))
    box = _next_steps_box(body.content.decode())
    assert "Before you can take the step" in box
    assert "Mark PID approved" in box  # named as the goal ...
    assert 'class="nhsuk-button' not in box  # ... but not offered as a button
    assert reverse("team:detail", args=[project.pk]) in box
    assert reverse("pid:overview", args=[project.pk]) in box


def test_who_must_approve_comes_from_the_sign_off_engine(
    client_for, submitted, signatory, nhs_lead, nhs_org, nhs_governance, pharma_org
):
    project = submitted.project
    pid_services.pid_certify(actor=signatory, project=project, version_number=submitted.number)
    pid_services.pid_decide(
        actor=nhs_governance,
        project=project,
        version_number=submitted.number,
        body="governance_committee",
        organisation=nhs_org,
        decision="approve",
    )
    body = client_for("nhs_lead").get(reverse("partnerships:detail", args=[project.pk]))
    box = _next_steps_box(body.content.decode())
    expected = f"Waiting for PID version {submitted.number}: approval by the project team; approval by the governance committee of {pharma_org.name}."
    assert expected in box.replace("\n", " ")
    assert f"governance committee of {nhs_org.name}" not in box


def test_blocked_step_page_has_no_submit_button(client_for, project):
    _in_state(project, "setup")
    response = client_for("nhs_lead").get(
        reverse("partnerships:transition", args=[project.pk, "approve_pid"])
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "This step is blocked" in body
    assert "<form" not in body.split("<main", 1)[1]
    assert f'href="{reverse("team:detail", args=[project.pk])}"' in body


def test_unblocked_step_page_keeps_its_form(client_for, project):
    response = client_for("nhs_lead").get(
        reverse("partnerships:transition", args=[project.pk, "start_scoping"])
    )
    assert 'method="post"' in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_step_taken_elsewhere_sends_you_there(client_for, project, role, status):
    _in_state(project, "in_delivery", actual_start=dt.date(2026, 1, 5))
    response = client_for(role).get(
        reverse("partnerships:transition", args=[project.pk, "complete"])
    )
    if status == 200:
        assert response.status_code == 302
        assert response["Location"] == reverse("delivery:complete", args=[project.pk])
    else:
        assert response.status_code == status


def test_healthy_project_in_delivery_shows_no_red_for_its_end_date(client_for, project):
    _in_state(project, "in_delivery", actual_start=dt.date(2026, 1, 5))
    body = client_for("nhs_lead").get(reverse("partnerships:detail", args=[project.pk]))
    text = body.content.decode()
    assert "Record the actual end date first" not in text
    assert "Completion: 1 blocking rule" not in text
    box = _next_steps_box(text)
    assert reverse("delivery:complete", args=[project.pk]) in box  # the button, on its form


def test_outcomes_tag_shows_the_due_date():
    due = facts(
        today=dt.date(2027, 12, 2), ended_on=dt.date(2027, 9, 14), outcomes_published_on=None
    )
    assert stage3._outcomes_status(due)["tag"]["text"] == "Due by 14 March 2028"
    late = facts(
        today=dt.date(2028, 3, 15), ended_on=dt.date(2027, 9, 14), outcomes_published_on=None
    )
    assert stage3._outcomes_status(late)["tag"]["text"] == "Overdue since 14 March 2028"
