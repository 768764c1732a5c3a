from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from triplewin.audit.models import AuditEvent
from triplewin.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser(
        "root@example.test", "root@example.test", "a-long-test-password"
    )
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
