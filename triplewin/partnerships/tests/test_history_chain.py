"""The history page says whether the project's events still verify against the audit chain."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.roles import READ, matrix
from tests.tampering import tamper
from triplewin.audit import services as audit
from triplewin.audit.models import AuditEvent, ChainCheck

pytestmark = pytest.mark.django_db


def _page(client, project):
    response = client.get(reverse("partnerships:history", args=[project.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_every_reader_sees_that_the_history_verifies(client_for, project, role, status):
    response = client_for(role).get(reverse("partnerships:history", args=[project.pk]))
    assert response.status_code == status
    if status == 200:
        count = AuditEvent.objects.filter(project_id=project.pk).count()
        body = response.content.decode()
        assert f"All {count} events in this history verify against the audit chain." in body
        assert "tw-inset--pass" in body


def test_a_changed_event_is_named(client_for, project):
    event = AuditEvent.objects.filter(project_id=project.pk).order_by("sequence")[1]
    tamper("UPDATE audit_auditevent SET object_label = 'Forged' WHERE id = %s", (event.pk,))
    body = _page(client_for("oversight"), project)
    assert "This history does not verify against the audit chain." in body
    assert f"(event {event.pk}) was changed after it was recorded" in body
    assert "tw-inset--fail" in body
    assert "tw-inset--pass" not in body


def test_an_event_whose_predecessor_was_deleted_is_named(client_for, project, nhs_lead):
    other = audit.record(actor=nhs_lead, action="test.elsewhere", obj=nhs_lead, project_id=None)
    mine = audit.record(actor=nhs_lead, action="test.mine", obj=nhs_lead, project_id=project.pk)
    tamper("DELETE FROM audit_auditevent WHERE id = %s", (other.pk,))
    body = _page(client_for("nhs_lead"), project)
    assert f"(event {mine.pk}) follows an event that was deleted" in body


def test_a_failed_daily_check_is_shown_even_when_the_project_verifies(client_for, project):
    ChainCheck.objects.create(
        day=dt.date(2027, 3, 1), verified=False, events=3, problem="Event 4 was changed."
    )
    body = _page(client_for("nhs_lead"), project)
    assert "The daily check of the whole audit trail failed on 1 March 2027." in body
    assert "tw-inset--fail" in body


def test_a_later_verified_check_clears_the_warning(client_for, project):
    ChainCheck.objects.create(day=dt.date(2027, 3, 1), verified=False, events=3)
    ChainCheck.objects.create(day=dt.date(2027, 3, 2), verified=True, events=3)
    body = _page(client_for("nhs_lead"), project)
    assert "daily check" not in body
    assert "tw-inset--pass" in body


def test_the_page_costs_the_same_queries_however_long_the_history(client_for, project, nhs_lead):
    client = client_for("nhs_lead")
    # A session's first request records the session once (allauth's list of active sessions).
    _page(client, project)
    with CaptureQueriesContext(connection) as few:
        _page(client, project)
    for n in range(30):
        audit.record(actor=nhs_lead, action="test.more", obj=nhs_lead, project_id=project.pk)
        audit.record(actor=nhs_lead, action="test.other", obj=nhs_lead, project_id=n + 1000)
    with CaptureQueriesContext(connection) as many:
        body = _page(client, project)
    assert len(many) == len(few)
    count = AuditEvent.objects.filter(project_id=project.pk).count()
    assert count > 30
    assert f"All {count} events in this history verify" in body
