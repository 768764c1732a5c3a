from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = factories.superuser("root@example.test")
    client.force_login(admin)
    return client


def test_admin_creation_is_audited_and_validated(admin_client):
    url = reverse("admin:organisations_organisation_add")
    data = {
        "name": "Admin Made Trust",
        "org_type": "trust",
        "ods_code": "rxx",
        "is_legal_entity": "on",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    assert admin_client.post(url, data).status_code == 302
    org = Organisation.objects.get(name="Admin Made Trust")
    assert org.ods_code == "RXX"
    event = AuditEvent.objects.get(action="admin.created")
    assert event.changes["name"] == [None, "Admin Made Trust"]

    bad = admin_client.post(url, {**data, "name": "Bad", "ods_code": "12345678"})
    assert bad.status_code == 200
    assert "not a valid ODS code" in bad.content.decode() or "at most 6" in bad.content.decode()
    assert not Organisation.objects.filter(name="Bad").exists()


@pytest.mark.parametrize("role", ["nhs_lead", "oversight", "outsider"])
def test_admin_closed_to_ordinary_roles(client_for, role):
    response = client_for(role).get(reverse("admin:organisations_organisation_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def _triplewin_admins():
    from django.contrib import admin

    return [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model.__module__.startswith("triplewin.")
    ]


def test_every_admin_page_and_inline_goes_through_the_guard(rf):
    from django.contrib.auth.models import AnonymousUser

    from triplewin.config.forms import InputGuard

    request = rf.get("/admin/")
    request.user = AnonymousUser()
    admins = _triplewin_admins()
    assert {type(a).__name__ for a in admins} >= {"OrganisationAdmin", "AuditEventAdmin"}
    for model_admin in admins:
        assert issubclass(model_admin.get_form(request), InputGuard), type(model_admin)
        for inline in model_admin.get_inline_instances(request):
            formset = inline.get_formset(request)
            assert issubclass(formset.form, InputGuard), type(inline)


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Trust 943 476 5919", "This looks like an NHS number: 943 *** **19."),
        ("Trust\x07 Bell", "(bell, U+0007)"),
    ],
)
def test_admin_refuses_what_the_guard_refuses(admin_client, name, found):
    url = reverse("admin:organisations_organisation_add")
    data = {
        "name": name,
        "org_type": "trust",
        "ods_code": "RYY",
        "is_legal_entity": "on",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert found in response.content.decode()
    assert not Organisation.objects.filter(ods_code="RYY").exists()
    assert not AuditEvent.objects.filter(action="admin.created").exists()
