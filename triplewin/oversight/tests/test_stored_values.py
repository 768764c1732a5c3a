"""Whatever was stored before the input guard existed, the dashboard and its exports work.

Rows are changed straight in the database, as old data or a bulk fix would leave them.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from triplewin.oversight.tests.test_views import system  # noqa: F401
from triplewin.partnerships.models import Project

pytestmark = pytest.mark.django_db


def test_exports_survive_control_characters_and_mask_nhs_numbers(client_for, system):  # noqa: F811
    Project.objects.filter(pk=system["quiet"].pk).update(
        title="Bell\x07 escape\x1b[31m and 943 476 5919"
    )
    client = client_for("oversight")
    response = client.get(reverse("oversight:export", args=["all", "xlsx"]))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = [str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row]
    assert "Bell escape[31m and 943 *** **19" in cells
    assert not any("\x07" in c or "\x1b" in c or "943 476 5919" in c for c in cells)

    text = b"".join(
        client.get(reverse("oversight:export", args=["partnerships", "csv"])).streaming_content
    ).decode("utf-8-sig")
    assert "Bell escape[31m and 943 *** **19" in text
    assert "\x07" not in text
    assert "943 476 5919" not in text


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
@pytest.mark.parametrize("column", ["planned_start", "actual_start", "planned_end", "actual_end"])
def test_the_dashboard_and_deadlines_survive_any_stored_date(client_for, system, day, column):  # noqa: F811
    Project.objects.filter(pk__in=[p.pk for p in system.values()]).update(**{column: day})
    client = client_for("oversight")
    assert client.get(reverse("oversight:dashboard")).status_code == 200
    for table in ("overdue", "partnerships", "stalled"):
        assert client.get(reverse("oversight:export", args=[table, "csv"])).status_code == 200
    assert client.get(reverse("oversight:export", args=["all", "xlsx"])).status_code == 200
    lead = client_for("nhs_lead")
    assert lead.get(reverse("obligations:index")).status_code == 200
    url = reverse("obligations:project", args=[system["quiet"].pk])
    assert lead.get(url).status_code == 200
