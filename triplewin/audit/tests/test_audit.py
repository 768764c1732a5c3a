from __future__ import annotations

import pytest

from triplewin.audit import services
from triplewin.audit.models import AuditEvent, ImmutableRecord

pytestmark = pytest.mark.django_db


def test_events_are_immutable(project):
    event = AuditEvent.objects.all()[0]
    event.action = "tampered"
    with pytest.raises(ImmutableRecord):
        event.save()
    with pytest.raises(ImmutableRecord):
        event.delete()


def test_actor_name_survives_user_deletion(project, nhs_lead):
    label = AuditEvent.objects.filter(actor=nhs_lead)[0].actor_label
    assert "nhs.lead@example.test" in label
    nhs_lead.memberships.all().delete()
    project.created_by = None
    type(project).objects.filter(pk=project.pk).update(created_by=None)
    nhs_lead.delete()
    assert AuditEvent.objects.filter(actor_label=label).exists()


def test_diff_reports_only_changes():
    assert services.diff({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {
        "b": [2, 3],
        "c": [None, 4],
    }


def test_history_page_lists_changes(client_for, project, nhs_lead):
    from django.urls import reverse

    from triplewin.partnerships import services as project_services

    project_services.project_update(
        actor=nhs_lead, project=project, expected_version=project.row_version, therapy_area="Renal"
    )
    body = (
        client_for("oversight")
        .get(reverse("partnerships:history", args=[project.pk]))
        .content.decode()
    )
    assert "Edited the project details" in body
    assert "Cardiology" in body
    assert "Renal" in body
