"""A hostile measurements file, uploaded by each role that may upload: a message next to the
file, never a server error, and nothing written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from tests import hostile_files as hostile
from triplewin.audit.models import AuditEvent
from triplewin.kpis.models import Measurement
from triplewin.kpis.tests import builders

pytestmark = pytest.mark.django_db

FILES: list[tuple[str, Callable[[], bytes], str]] = [
    (
        "blank-rows.xlsx",
        hostile.blank_rows_xlsx,
        "This spreadsheet has more than 100,000 rows, counting blank ones. Remove the empty "
        "rows below your data (select them, then Delete Sheet Rows), save and upload it again. "
        "Nothing has been saved.",
    ),
    ("bomb.xlsx", hostile.zip_bomb_xlsx, "It may be a zip bomb, a file built to exhaust a server"),
    ("lines.csv", hostile.long_csv, "This file has more than 100,000 rows, counting blank ones."),
]


@pytest.mark.parametrize("role", ["nhs_lead", "industry_lead"])
@pytest.mark.parametrize(("name", "build", "message"), FILES, ids=[f[0] for f in FILES])
def test_a_hostile_file_gets_a_message_next_to_the_file(
    client_for: Any,
    shared_kpi: Any,
    role: str,
    name: str,
    build: Callable[[], bytes],
    message: str,
) -> None:
    response = client_for(role).post(
        reverse("kpis:upload", args=[shared_kpi.project_id, shared_kpi.pk]),
        {"file": builders.upload(name, build())},
    )
    assert response.status_code == 400
    assert message in hostile.error_next_to(response.content.decode())
    assert not Measurement.objects.exists()
    assert not AuditEvent.objects.filter(action="kpis.measurements_uploaded").exists()
