"""Obligation pages, tried as each role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.roles import EDIT, READ, ROLES, matrix
from triplewin.audit.models import AuditEvent
from triplewin.obligations import services
from triplewin.obligations.models import ProgressReport, ReportingSchedule
from triplewin.transfers.tests.builders import published_project

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_project_obligations_by_role(client_for, completed, role, status):
    response = client_for(role).get(reverse("obligations:project", args=[completed.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Summary of outcomes published within six months of completion" in body
        assert "31 July 2025" in body
        assert "Overdue" in body
        assert ("Set the reporting schedule" in body) is (role in ("nhs_lead", "industry_lead"))


@pytest.mark.parametrize("role", ROLES)
def test_deadlines_page_by_role(client_for, completed, role):
    response = client_for(role).get(reverse("obligations:index"))
    if role == "anonymous":
        assert response.status_code == 302
        assert "/accounts/sign-in/" in response["Location"]
        return
    assert response.status_code == 200
    body = response.content.decode()
    assert (completed.title in body) is (role != "outsider")


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_reporting_schedule_by_role(client_for, completed, role, status):
    client = client_for(role)
    url = reverse("obligations:reporting", args=[completed.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"every_months": "3"})
    if status == 200:
        assert response.status_code == 302
        assert ReportingSchedule.objects.get().every_months == 3
        assert AuditEvent.objects.get(action="reporting.schedule_set").changes == {
            "every_months": [None, 3]
        }
    else:
        assert response.status_code == status
        assert not ReportingSchedule.objects.exists()


def test_removing_the_schedule(client_for, completed, nhs_lead):
    services.reporting_schedule_set(actor=nhs_lead, project=completed, every_months=6)
    response = client_for("nhs_lead").post(
        reverse("obligations:reporting", args=[completed.pk]), {"every_months": ""}
    )
    assert response.status_code == 302
    assert not ReportingSchedule.objects.exists()
    assert AuditEvent.objects.filter(action="reporting.schedule_removed").exists()


@pytest.fixture
def running(nhs_lead, nhs_org, pharma_org):
    """In delivery since four months ago, reporting every month."""
    today = timezone.localdate()
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Running project",
        published_on=today - dt.timedelta(days=150),
        started_on=today - dt.timedelta(days=125),
    )
    services.reporting_schedule_set(actor=nhs_lead, project=project, every_months=1)
    return project


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_record_a_report_by_role(client_for, running, role, status):
    client = client_for(role)
    url = reverse("obligations:report-new", args=[running.pk])
    assert client.get(url).status_code == status
    due = services.open_report_dates(running, timezone.localdate())[0]
    response = client.post(
        url,
        {
            "due_on": due.isoformat(),
            "submitted_on": timezone.localdate().isoformat(),
            "summary": "Reviews on track; one risk raised about staffing.",
        },
    )
    if status == 200:
        assert response.status_code == 302
        report = ProgressReport.objects.get()
        assert report.due_on == due
        body = client.get(reverse("obligations:project", args=[running.pk])).content.decode()
        assert "Met late" in body or "Met" in body
    else:
        assert response.status_code == status
        assert not ProgressReport.objects.exists()


def test_report_form_explains_problems(client_for, running):
    response = client_for("nhs_lead").post(
        reverse("obligations:report-new", args=[running.pk]),
        {"due_on": "1999-01-01", "submitted_on": "not a date", "summary": ""},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Enter a real date" in body
    assert "Summarise what the report said." in body


def test_reports_cannot_be_dated_in_the_future(nhs_lead, running):
    from django.core.exceptions import ValidationError

    today = timezone.localdate()
    due = services.open_report_dates(running, today)[0]
    with pytest.raises(ValidationError):
        services.progress_report_record(
            actor=nhs_lead,
            project=running,
            due_on=due,
            submitted_on=today + dt.timedelta(days=1),
            summary="Too early",
        )
