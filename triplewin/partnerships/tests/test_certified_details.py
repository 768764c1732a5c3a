"""Once a project is public, its title and type are what was certified: no edit changes them.

The register shows the executive summary as certified and published; the type decides the
rules the partnership is held to in public. Changing either needs an amendment.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from triplewin.audit.models import AuditEvent
from triplewin.partnerships import services
from triplewin.transfers.tests.builders import published_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def public(nhs_lead, nhs_org, pharma_org):
    return published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Certified COPD project",
        intended_type="jw",
        published_on=dt.date(2024, 1, 10),
    )


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [("title", "Renamed COPD project", "The title"), ("intended_type", "cw", "The type")],
)
def test_title_and_type_of_a_public_project_are_refused(public, nhs_lead, field, value, words):
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.project_update(
            actor=nhs_lead, project=public, expected_version=None, **{field: value}
        )
    (message,) = refused.value.message_dict[field]
    assert message.startswith(words)
    assert "amendment" in message
    public.refresh_from_db()
    assert public.title == "Certified COPD project"
    assert public.intended_type == "jw"
    assert AuditEvent.objects.count() == before


def test_other_details_of_a_public_project_still_change(public, nhs_lead):
    services.project_update(
        actor=nhs_lead,
        project=public,
        expected_version=None,
        title="Certified COPD project",  # unchanged, so not refused
        therapy_area="Respiratory medicine",
    )
    public.refresh_from_db()
    assert public.therapy_area == "Respiratory medicine"


def test_title_and_type_change_freely_before_publication(project, nhs_lead):
    services.project_update(
        actor=nhs_lead, project=project, expected_version=None, title="Renamed", intended_type="cw"
    )
    project.refresh_from_db()
    assert (project.title, project.intended_type) == ("Renamed", "cw")


def test_edit_page_says_title_and_type_need_an_amendment(client_for, public, project):
    hint = "a change needs an amendment"
    body = client_for("nhs_lead").get(reverse("partnerships:edit", args=[public.pk]))
    assert body.content.decode().count(hint) == 2
    before = client_for("nhs_lead").get(reverse("partnerships:edit", args=[project.pk]))
    assert hint not in before.content.decode()


def test_edit_page_shows_the_refusal_next_to_the_title(client_for, public):
    response = client_for("nhs_lead").post(
        reverse("partnerships:edit", args=[public.pk]),
        {
            "title": "Renamed COPD project",
            "summary": public.summary,
            "origin_setting": public.origin_setting,
            "therapy_area": public.therapy_area,
            "proposed_by": public.proposed_by,
            "intended_type": public.intended_type,
            "row_version": public.row_version,
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_title-error"' in body
    assert "through an amendment" in body
    public.refresh_from_db()
    assert public.title == "Certified COPD project"
