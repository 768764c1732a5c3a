"""The system oversight dashboard and its exports, tried as each role."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.roles import ROLES
from triplewin.organisations import services as org_services
from triplewin.transfers.tests.builders import published_project, transfer

pytestmark = pytest.mark.django_db
D = dt.date
OVERSIGHT = {
    "nhs_lead": 403,
    "industry_lead": 403,
    # Also an oversight lead of another ICB (conftest.py): the dashboard opens on that area.
    "governance_member": 200,
    "team_member": 403,
    "oversight": 200,
    "outsider": 403,
    "anonymous": 302,
}
TABLES = [
    "status",
    "partnerships",
    "stalled",
    "overdue",
    "overruns",
    "value-by-year",
    "value-by-organisation",
    "value",
]


@pytest.fixture
def system(nhs_lead, nhs_org, pharma_org, industry_lead, icb, project):
    """Two partnerships in the ICB's area (one quiet since 2024) and one elsewhere."""
    quiet = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title='=HYPERLINK("http://evil.example","Quiet diabetes work")',
        published_on=D(2024, 1, 10),
        started_on=D(2024, 2, 1),
    )
    transfer(
        actor=industry_lead,
        project=quiet,
        company=pharma_org,
        recipient=nhs_org,
        year=2024,
        money="5000",
    )
    transfer(
        actor=industry_lead,
        project=quiet,
        company=pharma_org,
        recipient=nhs_org,
        year=2025,
        money="2500",
        benefits="500",
    )
    elsewhere_icb = factories.organisation(name="Elsewhere ICB", org_type="icb", ods_code="QYY")
    elsewhere = factories.organisation(
        name="Elsewhere Trust", org_type="trust", ods_code="RWW", system=elsewhere_icb
    )
    elsewhere_lead = factories.member("elsewhere@example.test", elsewhere, "partnership_lead")
    other = published_project(
        actor=elsewhere_lead,
        lead=elsewhere,
        partners=[pharma_org],
        title="Elsewhere kidney project",
        published_on=D(2024, 1, 10),
        started_on=D(2024, 2, 1),
    )
    transfer(
        actor=industry_lead,
        project=other,
        company=pharma_org,
        recipient=elsewhere,
        year=2024,
        money="99999",
    )
    return {"quiet": quiet, "fresh": project, "other": other}


@pytest.mark.parametrize("role", ROLES)
def test_dashboard_by_role(client_for, system, role):
    response = client_for(role).get(reverse("oversight:dashboard"))
    assert response.status_code == OVERSIGHT[role]
    if role == "anonymous":
        assert "/accounts/sign-in/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("table", [*TABLES, "all"])
def test_exports_by_role(client_for, system, role, table):
    fmt = "xlsx" if table == "all" else "csv"
    response = client_for(role).get(reverse("oversight:export", args=[table, fmt]))
    assert response.status_code == OVERSIGHT[role]


def test_dashboard_shows_only_the_systems_partnerships(client_for, system):
    body = client_for("oversight").get(reverse("oversight:dashboard")).content.decode()
    assert "Quiet diabetes work" in body
    assert system["fresh"].title in body
    assert "Elsewhere kidney project" not in body
    assert "£99,999" not in body
    assert "Every partnership, by stage (2)" in body


def test_an_oversight_lead_of_another_icb_sees_nothing_of_this_system(client_for, system):
    for url in (
        reverse("oversight:dashboard"),
        reverse("oversight:export", args=["partnerships", "csv"]),
        reverse("oversight:export", args=["value", "csv"]),
    ):
        response = client_for("governance_member").get(url)
        chunks = response.streaming_content if response.streaming else [response.content]
        body = b"".join(chunks).decode()
        assert "Quiet diabetes work" not in body
        assert system["fresh"].title not in body
        assert "Elsewhere kidney project" not in body
        assert "5000" not in body
        assert "5,000" not in body


def test_stages_chart_is_accessible_and_has_its_table(client_for, system):
    body = client_for("oversight").get(reverse("oversight:dashboard")).content.decode()
    assert body.count('<svg class="tw-chart" xmlns="http://www.w3.org/2000/svg" role="img"') == 3
    assert 'aria-labelledby="chart-status-title chart-status-desc"' in body
    assert '<title id="chart-status-title">Partnerships by status</title>' in body
    assert "In delivery: 1; Idea: 1" in body or "Idea: 1; In delivery: 1" in body
    assert "Partnerships by status</caption>" in body


def test_stalled_uses_the_days_parameter(client_for, system):
    client = client_for("oversight")
    default = client.get(reverse("oversight:dashboard")).content.decode()
    stalled_part = default.split('id="stalled"')[1].split('id="overdue"')[0]
    assert "Quiet diabetes work" in stalled_part
    assert system["fresh"].title not in stalled_part  # created today
    very_long = client.get(reverse("oversight:dashboard"), {"days": "3650"}).content.decode()
    assert "No open partnership has been quiet for 3650 days." in very_long
    bad = client.get(reverse("oversight:dashboard"), {"days": "soon"}).content.decode()
    assert "Enter a number of days from 1 to 3650." in bad


def test_stalled_counts_a_recent_meeting_as_activity(client_for, system, monkeypatch):
    from triplewin.oversight import selectors

    monkeypatch.setattr(selectors, "_meeting_lookup", lambda: lambda project: timezone.localdate())
    body = client_for("oversight").get(reverse("oversight:dashboard")).content.decode()
    assert "No open partnership has been quiet for 90 days." in body


def test_overdue_obligations_listed(client_for, system):
    body = client_for("oversight").get(reverse("oversight:dashboard")).content.decode()
    overdue = body.split('id="overdue"')[1].split('id="value"')[0]
    assert "Transfers of value for 2024 disclosed on Disclosure UK" in overdue
    assert "30 June 2025" in overdue


def test_value_by_organisation_year_and_company(client_for, system, pharma_org, nhs_org):
    response = client_for("oversight").get(reverse("oversight:export", args=["value", "csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows == [
        ["Organisation", "Year", "Company", "Money", "Benefits in kind", "Total"],
        [nhs_org.name, "2024", pharma_org.name, "5000.00", "0.00", "5000.00"],
        [nhs_org.name, "2025", pharma_org.name, "2500.00", "500.00", "3000.00"],
    ]


def test_exports_are_formula_safe(client_for, system):
    client = client_for("oversight")
    text = b"".join(
        client.get(reverse("oversight:export", args=["partnerships", "csv"])).streaming_content
    ).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    book = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("oversight:export", args=["all", "xlsx"])).content)
    )
    assert len(book.sheetnames) == len(TABLES)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


def test_unknown_export_is_404(client_for, system):
    client = client_for("oversight")
    assert client.get(reverse("oversight:export", args=["nonsense", "csv"])).status_code == 404
    assert client.get(reverse("oversight:export", args=["value", "pdf"])).status_code == 404


def test_a_lead_overseeing_two_systems_can_switch(client_for, system, oversight):
    from triplewin.organisations.models import Organisation

    elsewhere_icb = Organisation.objects.get(name="Elsewhere ICB")
    org_services.membership_create(
        actor=None, user=oversight, organisation=elsewhere_icb, role="system_oversight"
    )
    client = client_for("oversight")
    body = client.get(reverse("oversight:dashboard"), {"system": elsewhere_icb.pk}).content.decode()
    assert "Elsewhere kidney project" in body
    assert "Quiet diabetes work" not in body
    # Asking for a system they do not oversee shows their own instead, never the other.
    stranger = factories.organisation(name="Stranger ICB", org_type="icb", ods_code="QXX")
    assert (
        "Stranger ICB"
        not in client.get(reverse("oversight:dashboard"), {"system": stranger.pk}).content.decode()
    )


@pytest.mark.parametrize("role", ROLES)
def test_the_navigation_offers_oversight_only_to_oversight_leads(role, client_for):
    html = client_for(role).get(reverse("register:index")).content.decode()
    leads_oversight = role in ("oversight", "governance_member")
    assert (reverse("oversight:dashboard") in html) is leads_oversight
    assert reverse("library:index") in html
    assert reverse("documents:verify") in html
    assert (reverse("partnerships:list") in html) is (role != "anonymous")


def test_exceptions_come_before_the_full_list(client_for, system):
    page = client_for("oversight").get(reverse("oversight:dashboard")).content.decode()
    order = [page.index(f'id="{anchor}"') for anchor in ("stalled", "overdue", "stages", "value")]
    assert order == sorted(order)
    # A contents list jumps to each part.
    for anchor in ("stalled", "overdue", "overruns", "stages", "value"):
        assert f'href="#{anchor}"' in page


def test_scrolling_tables_are_labelled_regions_reachable_by_keyboard(client_for, system):
    page = client_for("oversight").get(reverse("oversight:dashboard")).content.decode()
    boxes = page.count('class="nhsuk-table-container')
    charts = page.count('class="tw-chart-box"')
    assert boxes > 0
    assert charts == 3  # each chart scrolls in its own box too, rather than shrink its words
    assert page.count('role="region" aria-label="') == boxes + charts
    assert page.count('tabindex="0"') >= boxes
