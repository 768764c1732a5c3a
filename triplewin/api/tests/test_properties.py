"""Properties of paging and idempotency, over generated data (Hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triplewin.api.models import IdempotentRequest
from triplewin.api.tests.conftest import bearer
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.kpis.models import Measurement
from triplewin.transfers.tests.builders import published_project

pytestmark = pytest.mark.django_db
SLOW = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def twelve(nhs_lead: Any, nhs_org: Any) -> list[Any]:
    """Twelve published partnerships over four days, so many share a publication day."""
    return [
        published_project(
            actor=nhs_lead,
            lead=nhs_org,
            partners=[],
            title=f"Project {n}",
            therapy_area="Respiratory",
            summary={"rationale": "r", "objectives": "o"},
            published_on=dt.date(2024, 1, 10) + dt.timedelta(days=n % 4),
            started_on=dt.date(2024, 2, 1),
        )
        for n in range(12)
    ]


@SLOW
@given(
    limit=st.integers(min_value=1, max_value=13),
    days=st.lists(st.integers(0, 3), min_size=12, max_size=12),
)
def test_walking_the_cursor_gives_every_entry_once_in_order(
    twelve: list[Any], limit: int, days: list[int], client: Any
) -> None:
    for project, offset in zip(twelve, days, strict=True):
        ExecutiveSummary.objects.filter(project=project).update(
            published_on=dt.date(2024, 1, 10) + dt.timedelta(days=offset)
        )
    expected = sorted(
        (
            (dt.date(2024, 1, 10) + dt.timedelta(days=d), p.pk)
            for p, d in zip(twelve, days, strict=True)
        ),
        reverse=True,
    )
    seen: list[int] = []
    cursor = ""
    for _ in range(20):
        body = client.get("/api/v1/register", {"limit": limit, "cursor": cursor}).json()
        assert len(body["items"]) <= limit
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [pk for _, pk in expected]


@pytest.fixture
def nhs_token(nhs_admin: Any, nhs_org: Any, make_token: Any, delivering: Any) -> str:
    return str(make_token(nhs_admin, nhs_org))


MONTHS = [dt.date(2025, m, 1) for m in range(1, 7)]


@SLOW
@given(
    sends=st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(range(len(MONTHS)))),
        min_size=1,
        max_size=8,
    )
)
def test_a_key_is_applied_once_and_replays_its_first_answer(
    nhs_token: str, delivering: Any, shared_kpi: Any, sends: list[tuple[str, int]]
) -> None:
    Measurement.objects.all().delete()
    IdempotentRequest.objects.all().delete()
    path = f"/api/v1/projects/{delivering.pk}/kpis/{shared_kpi.pk}/readings"
    client = bearer(nhs_token)
    first: dict[str, tuple[int, Any, int]] = {}
    for key, month in sends:
        body = json.dumps(
            {"replace": True, "readings": [{"period": MONTHS[month].isoformat(), "value": month}]}
        )
        answer = client.post(path, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
        if key not in first:
            first[key] = (answer.status_code, answer.json(), month)
            assert answer.status_code == 200
        elif first[key][2] == month:
            assert (answer.status_code, answer.json()) == first[key][:2]
            assert answer["Idempotent-Replayed"] == "true"
        else:
            assert answer.status_code == 422
    # Exactly the first request of each key was applied.
    assert set(Measurement.objects.values_list("period", flat=True)) == {
        MONTHS[month] for _, _, month in first.values()
    }
