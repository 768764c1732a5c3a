"""Plan pages, tried as each of the seven roles."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.plans import services
from triplewin.plans.registry import PLANS, PLANS_BY_SLUG
from triplewin.plans.tests.conftest import POSTS, VALID, move_to

pytestmark = pytest.mark.django_db
SLUGS = [p.slug for p in PLANS]


def _entry(project, actor, slug):
    return services.plan_entry_add(
        actor=actor, project=project, plan=slug, fields=dict(VALID[slug])
    )


def _model(slug):
    return PLANS_BY_SLUG[slug].model


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_overview_by_role(client_for, in_setup, nhs_lead, role, status):
    _entry(in_setup, nhs_lead, "raci")
    response = client_for(role).get(reverse("plans:overview", args=[in_setup.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Approve the search criteria" in body
        for spec in PLANS:
            assert spec.name in body


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_add_by_role(client_for, in_setup, slug, role, status):
    client = client_for(role)
    url = reverse("plans:add", args=[in_setup.pk, slug])
    assert client.get(url).status_code == status
    response = client.post(url, POSTS[slug])
    if status == 200:
        assert response.status_code == 302
        assert _model(slug).objects.count() == 1
    else:
        assert response.status_code == status
        assert not _model(slug).objects.exists()


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_by_role(client_for, in_setup, nhs_lead, slug, role, status):
    entry = _entry(in_setup, nhs_lead, slug)
    client = client_for(role)
    url = reverse("plans:edit", args=[in_setup.pk, slug, entry.pk])
    assert client.get(url).status_code == status
    data = dict(POSTS[slug], row_version="1")
    first = PLANS_BY_SLUG[slug].fields[0]
    data[first] = "feedback" if first == "kind" else "Changed by the form"
    response = client.post(url, data)
    entry.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert getattr(entry, first) == data[first]
    else:
        assert response.status_code == status
        assert getattr(entry, first) == VALID[slug][first]
        assert entry.row_version == 1


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_remove_by_role(client_for, in_setup, nhs_lead, slug, role, status):
    entry = _entry(in_setup, nhs_lead, slug)
    client = client_for(role)
    url = reverse("plans:remove", args=[in_setup.pk, slug, entry.pk])
    assert client.get(url).status_code == status
    response = client.post(url)
    if status == 200:
        assert response.status_code == 302
        assert not _model(slug).objects.exists()
    else:
        assert response.status_code == status
        assert _model(slug).objects.count() == 1


def test_edit_form_shows_current_ticks(client_for, in_setup, nhs_lead):
    entry = _entry(in_setup, nhs_lead, "stakeholders")
    body = (
        client_for("nhs_lead")
        .get(reverse("plans:edit", args=[in_setup.pk, "stakeholders", entry.pk]))
        .content.decode()
    )
    assert 'value="impacted" checked' in body
    assert 'value="to_involve" checked' not in body


@pytest.mark.parametrize("slug", SLUGS)
def test_empty_post_is_400_with_each_message_and_writes_nothing(client_for, in_setup, slug):
    response = client_for("nhs_lead").post(reverse("plans:add", args=[in_setup.pk, slug]), {})
    body = response.content.decode().replace("&#39;", "'")
    assert response.status_code == 400
    for message in PLANS_BY_SLUG[slug].required.values():
        assert message in body
    assert "nhsuk-error-message" in body
    assert not _model(slug).objects.exists()


def test_unknown_choice_and_tick_are_400(client_for, in_setup):
    client = client_for("nhs_lead")
    bad_scope = dict(POSTS["stakeholders"], scope="galactic")
    assert (
        client.post(reverse("plans:add", args=[in_setup.pk, "stakeholders"]), bad_scope).status_code
        == 400
    )
    bad_flag = dict(POSTS["data"], handling=["sold"])
    response = client.post(reverse("plans:add", args=[in_setup.pk, "data"]), bad_flag)
    assert response.status_code == 400
    assert "Choose only from the options listed" in response.content.decode()
    assert not _model("stakeholders").objects.exists()
    assert not _model("data").objects.exists()


def test_too_long_text_is_400(client_for, in_setup):
    data = dict(POSTS["raci"], activity="x" * 500)
    response = client_for("nhs_lead").post(reverse("plans:add", args=[in_setup.pk, "raci"]), data)
    assert response.status_code == 400
    assert not _model("raci").objects.exists()


def test_unknown_plan_is_404(client_for, in_setup):
    response = client_for("nhs_lead").get(reverse("plans:add", args=[in_setup.pk, "budget"]))
    assert response.status_code == 404


def test_entry_of_another_plan_or_project_is_404(client_for, in_setup, nhs_lead, nhs_org):
    from tests import factories

    entry = _entry(in_setup, nhs_lead, "raci")
    client = client_for("nhs_lead")
    assert (
        client.get(reverse("plans:edit", args=[in_setup.pk, "data", entry.pk])).status_code == 404
    )
    other = factories.project(actor=nhs_lead, lead=nhs_org, title="Other")
    assert client.get(reverse("plans:edit", args=[other.pk, "raci", entry.pk])).status_code == 404


def test_company_data_not_anonymised_is_saved_with_a_warning(client_for, in_setup):
    client = client_for("industry_lead")
    data = dict(POSTS["data"], handling=["shared_with_company", "aggregated"])
    response = client.post(reverse("plans:add", args=[in_setup.pk, "data"]), data, follow=True)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Saved, with a warning" in body
    assert "Data a company sees must be anonymised and aggregated" in body
    assert "Not anonymised and aggregated" in body
    entry = _model("data").objects.get()
    edit = client.get(reverse("plans:edit", args=[in_setup.pk, "data", entry.pk])).content.decode()
    assert "Check who sees this data" in edit


def test_safe_company_data_has_no_warning(client_for, in_setup):
    response = client_for("nhs_lead").post(
        reverse("plans:add", args=[in_setup.pk, "data"]), POSTS["data"], follow=True
    )
    assert "Data a company sees must be anonymised" not in response.content.decode()


def test_overview_lists_empty_plans(client_for, in_setup, nhs_lead):
    _entry(in_setup, nhs_lead, "raci")
    body = (
        client_for("nhs_lead").get(reverse("plans:overview", args=[in_setup.pk])).content.decode()
    )
    assert "Still empty:" in body
    assert "Stakeholder map, Communications plan" in body


def test_stale_edit_is_400(client_for, in_setup, nhs_lead):
    entry = _entry(in_setup, nhs_lead, "raci")
    services.plan_entry_update(
        actor=nhs_lead, entry=entry, fields={"informed": "Board"}, expected_version=1
    )
    response = client_for("industry_lead").post(
        reverse("plans:edit", args=[in_setup.pk, "raci", entry.pk]),
        dict(POSTS["raci"], row_version="1"),
    )
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()
    entry.refresh_from_db()
    assert entry.informed == "Board"


def test_changes_after_delivery_starts_are_400(client_for, in_setup, nhs_lead):
    entry = _entry(in_setup, nhs_lead, "raci")
    move_to(in_setup, "in_delivery")
    client = client_for("nhs_lead")
    add = client.post(reverse("plans:add", args=[in_setup.pk, "raci"]), POSTS["raci"])
    assert add.status_code == 400
    assert "project amendment" in add.content.decode()
    remove = client.post(reverse("plans:remove", args=[in_setup.pk, "raci", entry.pk]))
    assert remove.status_code == 400
    assert _model("raci").objects.count() == 1
    assert not AuditEvent.objects.filter(action="plans.raci.removed").exists()
    overview = client.get(reverse("plans:overview", args=[in_setup.pk])).content.decode()
    assert "Add an activity" not in overview
