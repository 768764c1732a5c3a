"""The admin shows the audit tables and changes nothing in them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories
from triplewin.audit.models import ChainCheck

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = factories.superuser("root@example.test")
    client.force_login(admin)
    return client


@pytest.mark.parametrize("model", ["auditevent", "chaincheck"])
def test_administrators_read_but_cannot_write(admin_client, events, model):
    check = ChainCheck.objects.create(day=dt.date(2027, 3, 1), verified=True, events=5)
    obj = events[0] if model == "auditevent" else check
    assert admin_client.get(reverse(f"admin:audit_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:audit_{model}_add")).status_code == 403
    delete = reverse(f"admin:audit_{model}_delete", args=[obj.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("role", ["nhs_lead", "oversight"])
def test_the_checks_are_closed_to_ordinary_roles(client_for, role):
    response = client_for(role).get(reverse("admin:audit_chaincheck_changelist"))
    assert response.status_code == 302
