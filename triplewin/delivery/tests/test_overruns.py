"""Overruns agree on the RAG status, the Deadlines page and the oversight dashboard.

Guidance (NHS Confederation/ABPI 2024), stage 3, "Project amendments": delays go through an
amendment agreed by the team and each governance committee. One computation
(`delivery.overruns`) feeds all three pages.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from triplewin.agreement.models import Agreement
from triplewin.core.rag import Rating
from triplewin.delivery.selectors import rag_status
from triplewin.partnerships import services as project_services
from triplewin.partnerships.visibility import Visibility
from triplewin.transfers.tests.builders import published_project

pytestmark = pytest.mark.django_db


def _in_delivery(nhs_lead, nhs_org, pharma_org, *, planned_end):
    today = timezone.localdate()
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Overrunning heart failure project",
        published_on=today - dt.timedelta(days=400),
        started_on=today - dt.timedelta(days=365),
    )
    project_services.project_update(
        actor=nhs_lead, project=project, expected_version=None, planned_end=planned_end
    )
    project.refresh_from_db()
    return project


# (days past the planned end, the RAG timeline rating, listed as overrunning)
CASES = [(-10, Rating.GREEN, False), (5, Rating.AMBER, True), (45, Rating.RED, True)]


@pytest.mark.parametrize(("days_over", "rating", "listed"), CASES)
def test_rag_deadlines_and_dashboard_agree(
    client_for, nhs_lead, nhs_org, pharma_org, days_over, rating, listed
):
    today = timezone.localdate()
    project = _in_delivery(
        nhs_lead, nhs_org, pharma_org, planned_end=today - dt.timedelta(days=days_over)
    )
    rag = rag_status(Visibility.shared(project), today)
    timeline = next(f for f in rag.computed.factors if f.name == "Timeline")
    assert timeline.rating is rating
    deadlines = client_for("nhs_lead").get(reverse("obligations:index")).content.decode()
    dashboard = client_for("oversight").get(reverse("oversight:dashboard")).content.decode()
    marker = f"Delivery has run {days_over} day"
    assert (marker in deadlines) is listed
    assert (marker in timeline.explanation) is listed
    section = dashboard.split('id="overruns"', 1)[1]
    assert (project.title in section.split("</table>", 1)[0]) is listed


def test_past_the_agreements_term(client_for, nhs_lead, nhs_org, pharma_org):
    today = timezone.localdate()
    project = _in_delivery(nhs_lead, nhs_org, pharma_org, planned_end=today + dt.timedelta(days=90))
    Agreement.objects.create(
        project=project,
        working_type="jw",
        agreement_date=today - dt.timedelta(days=400),
        term_months=12,
    )
    rag = rag_status(Visibility.shared(project), today)
    timeline = next(f for f in rag.computed.factors if f.name == "Timeline")
    assert "agreement's term" in timeline.explanation
    deadlines = client_for("nhs_lead").get(reverse("obligations:index")).content.decode()
    assert "agreement&#39;s term" in deadlines or "agreement's term" in deadlines
