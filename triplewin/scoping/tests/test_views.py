"""Scoping guide and checklist views, tried as each role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories
from tests.roles import EDIT, READ, matrix
from triplewin.core import checklist
from triplewin.scoping.models import ClassificationChecklist, ScopingGuide

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "status"), matrix(READ))
@pytest.mark.parametrize("name", ["scoping:guide", "scoping:verdict"])
def test_read_views(client_for, project, role, status, name):
    assert client_for(role).get(reverse(name, args=[project.pk])).status_code == status


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_section_by_role(client_for, project, role, status):
    client = client_for(role)
    url = reverse("scoping:section", args=[project.pk, "need"])
    assert client.get(url).status_code == status
    response = client.post(
        url,
        {
            "unmet_need": "Late diagnosis",
            "scale": "",
            "evidence": "",
            "cost_of_inaction": "",
            "row_version": "0",
        },
    )
    saved = ScopingGuide.objects.filter(project=project).first()
    if status == 200:
        assert response.status_code == 302
        assert saved is not None
        assert saved.answers["unmet_need"] == "Late diagnosis"
    else:
        assert response.status_code == status
        assert saved is None


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_checklist_by_role(client_for, project, role, status):
    client = client_for(role)
    url = reverse("scoping:checklist", args=[project.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {**factories.all_yes_checklist(), "row_version": "0"})
    if status == 200:
        assert response.status_code == 302
        assert ClassificationChecklist.objects.filter(project=project).exists()
    else:
        assert response.status_code == status
        assert not ClassificationChecklist.objects.exists()


def test_guide_shows_completeness(client_for, project, nhs_lead):
    from triplewin.scoping import services

    services.scoping_save_section(
        actor=nhs_lead,
        project=project,
        section="need",
        answers={"unmet_need": "A", "scale": "B"},
        expected_version=None,
    )
    body = client_for("oversight").get(reverse("scoping:guide", args=[project.pk])).content.decode()
    assert "2 of 4 answered" in body
    assert "2 of 20 questions answered" in body


def test_medicines_section_hidden_when_no_medicine(client_for, nhs_lead, nhs_org):
    project = factories.project(actor=nhs_lead, lead=nhs_org, involves_medicines=False)
    client = client_for("nhs_lead")
    assert client.get(reverse("scoping:section", args=[project.pk, "medicines"])).status_code == 404
    assert (
        "16 questions answered"
        in client.get(reverse("scoping:guide", args=[project.pk])).content.decode()
    )


def test_unknown_section_is_404(client_for, project):
    assert (
        client_for("nhs_lead")
        .get(reverse("scoping:section", args=[project.pk, "nope"]))
        .status_code
        == 404
    )


def test_overlong_answer_rejected_next_to_field(client_for, project):
    response = client_for("nhs_lead").post(
        reverse("scoping:section", args=[project.pk, "need"]),
        {"unmet_need": "x" * 5001, "row_version": "0"},
    )
    assert response.status_code == 400
    assert "Keep this answer under 5000 characters." in response.content.decode()
    assert not ScopingGuide.objects.exists()


def test_invalid_checklist_answer_rejected(client_for, project):
    answers = factories.all_yes_checklist()
    answers["prospective"] = "maybe"
    answers["row_version"] = "0"
    response = client_for("nhs_lead").post(reverse("scoping:checklist", args=[project.pk]), answers)
    assert response.status_code == 400
    assert "Choose one of the answers shown." in response.content.decode()
    assert not ClassificationChecklist.objects.exists()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, "Joint working"),
        (
            {"benefit_patients_direct": "no", "benefit_patients_or_nhs": "yes"},
            "Collaborative working",
        ),
        ({"significant_contribution": "no"}, "Neither collaborative nor joint working"),
    ],
)
def test_verdict_page(client_for, project, nhs_lead, change, expected):
    from triplewin.scoping import services

    answers = {**factories.all_yes_checklist(), **change}
    services.checklist_save(actor=nhs_lead, project=project, answers=answers, expected_version=None)
    body = (
        client_for("governance_member")
        .get(reverse("scoping:verdict", args=[project.pk]))
        .content.decode()
    )
    assert f'<p class="nhsuk-heading-l" id="verdict">{expected}</p>' in body
    if expected.startswith("Neither"):
        assert "Donation or grant" in body
        assert checklist.QUESTIONS_BY_ID["significant_contribution"].text in body


def test_stale_checklist_refused(client_for, project, nhs_lead):
    from triplewin.scoping import services

    services.checklist_save(
        actor=nhs_lead, project=project, answers={"prospective": "yes"}, expected_version=None
    )
    response = client_for("industry_lead").post(
        reverse("scoping:checklist", args=[project.pk]), {"prospective": "no", "row_version": 1}
    )
    assert response.status_code == 400
    assert ClassificationChecklist.objects.get().answers == {"prospective": "yes"}


# Issue 13 item 2. Seed: guidance, comparison table: joint working always benefits patients
# directly; collaborative working may benefit the NHS with patient care maintained.
@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_checklist_form_marks_the_joint_working_only_questions(client_for, project, role, status):
    response = client_for(role).get(reverse("scoping:checklist", args=[project.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert checklist.QUESTIONS_BY_ID["patient_outcomes_measured"].text in body
        assert "Joint working only." in body
        assert checklist.QUESTIONS_BY_ID["anonymised_aggregated_data"].text in body


def test_verdict_reads_an_answer_stored_under_the_old_bundled_question(client_for, project):
    new_keys = ("outcomes_measurable", "patient_outcomes_measured", "anonymised_aggregated_data")
    answers = {k: v for k, v in factories.all_yes_checklist().items() if k not in new_keys}
    answers["outcomes_measured_anonymised"] = "yes"
    ClassificationChecklist.objects.create(project=project, answers=answers)
    body = client_for("nhs_lead").get(reverse("scoping:verdict", args=[project.pk])).content
    assert b"Still to answer" not in body
