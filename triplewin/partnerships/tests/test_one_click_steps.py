"""Steps that ask for nothing are taken from the "Next steps" box in one submission."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests import factories
from tests.roles import EDIT, matrix
from triplewin.concept import services as concept_services
from triplewin.core.lifecycle import TRANSITIONS
from triplewin.partnerships.models import Project

pytestmark = pytest.mark.django_db


def _box(body: str) -> str:
    match = re.search(r'<section class="tw-next-steps".*?</section>', body, re.S)
    return match.group(0) if match else ""


@pytest.fixture
def approved(project, nhs_lead, industry_lead, nhs_org, pharma_org):
    """Every partner has approved the concept: set-up may start."""
    factories.ready_for_approval(project, nhs_lead)
    for user, org in ((nhs_lead, nhs_org), (industry_lead, pharma_org)):
        concept_services.concept_decide(
            actor=user, project=project, organisation=org, decision="approve"
        )
    project.refresh_from_db()
    assert project.state == "concept_approved"
    return project


def test_only_steps_that_ask_for_nothing_are_one_click():
    # Pinned as data: a step that needs a reason or a date must keep its page.
    assert {t.name for t in TRANSITIONS if t.one_click} == {"start_scoping", "start_setup"}
    assert not any(t.one_click and (t.needs_reason or not t.manual) for t in TRANSITIONS)


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_start_set_up_is_a_form_in_the_box_for_those_who_can_act(
    client_for, approved, role, status
):
    response = client_for(role).get(reverse("partnerships:detail", args=[approved.pk]))
    box = _box(response.content.decode())
    if status != 200:
        assert 'action="' not in box
        return
    step = reverse("partnerships:transition", args=[approved.pk, "start_setup"])
    assert f'<form method="post" action="{step}"' in box
    assert 'name="csrfmiddlewaretoken"' in box
    assert 'name="expected_state" value="concept_approved"' in box
    assert "Start set-up" in box


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_posting_from_the_box_starts_set_up_only_for_those_who_can_act(
    client_for, roles, approved, role, status
):
    step = reverse("partnerships:transition", args=[approved.pk, "start_setup"])
    response = client_for(role).post(step, {"expected_state": "concept_approved"})
    approved.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert response["Location"] == reverse("partnerships:detail", args=[approved.pk])
        assert approved.state == "setup"
        assert approved.transitions.get(to_state="setup").actor == roles[role]
    else:
        assert response.status_code == status
        assert approved.state == "concept_approved"
        if status == 403:
            assert "Only the partnership leads" in response.content.decode()


def test_start_scoping_is_one_click_too(client_for, project):
    box = _box(
        client_for("nhs_lead")
        .get(reverse("partnerships:detail", args=[project.pk]))
        .content.decode()
    )
    step = reverse("partnerships:transition", args=[project.pk, "start_scoping"])
    assert f'<form method="post" action="{step}"' in box
    client_for("nhs_lead").post(step, {"expected_state": "idea"})
    project.refresh_from_db()
    assert project.state == "scoping"


def test_a_stale_post_from_the_box_changes_nothing(client_for, approved):
    Project.objects.filter(pk=approved.pk).update(state="setup")
    step = reverse("partnerships:transition", args=[approved.pk, "start_setup"])
    response = client_for("nhs_lead").post(step, {"expected_state": "concept_approved"})
    approved.refresh_from_db()
    assert response.status_code == 302
    assert approved.state == "setup"
    assert not approved.transitions.filter(to_state="setup").exists()
