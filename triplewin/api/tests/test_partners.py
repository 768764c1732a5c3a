"""Partner endpoints as each kind of token: scopes, organisations, visibility and writes."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from tests import factories
from triplewin.api.tests.conftest import bearer
from triplewin.audit.models import AuditEvent
from triplewin.kpis.models import Measurement

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
LAST_MONTH = (TODAY.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _readings(*values: object, period: dt.date = LAST_MONTH) -> list[dict[str, object]]:
    return [{"period": period.isoformat(), "value": v} for v in values]


@pytest.fixture
def nhs_token(nhs_admin, nhs_org, make_token, delivering):
    return make_token(nhs_admin, nhs_org)


@pytest.fixture
def company_token(pharma_admin, pharma_org, make_token, delivering):
    return make_token(pharma_admin, pharma_org)


def test_without_a_token_every_partner_endpoint_is_401(delivering, shared_kpi):
    from django.test import Client

    for method, path in (
        ("get", "/api/v1/projects"),
        ("get", f"/api/v1/projects/{delivering.pk}"),
        ("get", f"/api/v1/projects/{delivering.pk}/kpis"),
        ("post", f"/api/v1/projects/{delivering.pk}/kpis/{shared_kpi.pk}/readings"),
    ):
        response = getattr(Client(), method)(path)
        assert response.status_code == 401, path
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_token_sees_only_its_organisations_projects(
    nhs_token, other_admin, other_org, make_token, delivering, outsider
):
    theirs = factories.project(actor=outsider, lead=other_org, partners=[])
    assert [p["id"] for p in bearer(nhs_token).get("/api/v1/projects").json()["items"]] == [
        delivering.pk
    ]
    other = make_token(other_admin, other_org)
    assert [p["id"] for p in bearer(other).get("/api/v1/projects").json()["items"]] == [theirs.pk]
    assert bearer(other).get(f"/api/v1/projects/{delivering.pk}").status_code == 404


def test_project_detail_has_next_steps_and_obligations(nhs_token, delivering):
    body = bearer(nhs_token).get(f"/api/v1/projects/{delivering.pk}").json()
    assert body["state"] == "in_delivery"
    assert {o["kind"] for o in body["obligations"]} >= {"summary"}
    assert isinstance(body["next_steps"], list)


def test_a_company_token_never_sees_nhs_only_kpis(
    nhs_token, company_token, delivering, shared_kpi, hidden_kpi
):
    nhs = {
        k["name"] for k in bearer(nhs_token).get(f"/api/v1/projects/{delivering.pk}/kpis").json()
    }
    company = bearer(company_token).get(f"/api/v1/projects/{delivering.pk}/kpis")
    assert nhs == {shared_kpi.name, hidden_kpi.name}
    assert {k["name"] for k in company.json()} == {shared_kpi.name}
    assert hidden_kpi.name not in company.content.decode()
    refused = bearer(company_token).post(
        f"/api/v1/projects/{delivering.pk}/kpis/{hidden_kpi.pk}/readings",
        {"readings": _readings(5)},
        content_type="application/json",
    )
    assert refused.status_code == 404


def test_wrong_scope_is_403_and_names_the_permission(nhs_admin, nhs_org, make_token, delivering):
    text = make_token(nhs_admin, nhs_org, scopes=["kpi-readings:write"])
    response = bearer(text).get("/api/v1/projects")
    assert response.status_code == 403
    assert "Read its projects" in response.json()["detail"]


def test_readings_are_written_whole_and_audited_through_the_token(
    nhs_token, nhs_admin, delivering, shared_kpi
):
    path = f"/api/v1/projects/{delivering.pk}/kpis/{shared_kpi.pk}/readings"
    response = bearer(nhs_token).post(
        path, {"readings": _readings("42.5")}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json() == {"added": 1, "replaced": 0}
    assert Measurement.objects.get(kpi=shared_kpi).value == Decimal("42.5")
    event = AuditEvent.objects.get(action="kpis.measurements_uploaded")
    assert event.actor == nhs_admin
    assert "through API token" in event.actor_label
    assert event.changes["api_token"][1].startswith("API token")


def test_row_errors_come_back_together_and_nothing_is_saved(nhs_token, delivering, shared_kpi):
    path = f"/api/v1/projects/{delivering.pk}/kpis/{shared_kpi.pk}/readings"
    future = TODAY + dt.timedelta(days=40)
    response = bearer(nhs_token).post(
        path,
        {
            "readings": [
                {"period": LAST_MONTH.isoformat(), "value": "12"},
                {"period": future.isoformat(), "value": "12"},
                {"period": LAST_MONTH.isoformat(), "value": "twelve"},
                {"period": LAST_MONTH.isoformat(), "value": "5", "note": "NHS 943 476 5919"},
            ]
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    fields = [e["field"] for e in response.json()["errors"]]
    assert "readings.1.period" in fields
    assert "readings.2.value" in fields
    assert "readings.3.note" in fields
    assert not Measurement.objects.exists()


def test_the_same_idempotency_key_writes_once(nhs_token, delivering, shared_kpi):
    path = f"/api/v1/projects/{delivering.pk}/kpis/{shared_kpi.pk}/readings"
    body = json.dumps({"readings": _readings("10")})
    client = bearer(nhs_token)
    first = client.post(path, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1")
    second = client.post(path, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json() == {"added": 1, "replaced": 0}
    assert second["Idempotent-Replayed"] == "true"
    assert Measurement.objects.count() == 1
    other = client.post(
        path,
        json.dumps({"readings": _readings("11")}),
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="k-1",
    )
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "Idempotency-Key"


def test_transfers_year_is_reconciled_by_reference(
    company_token, delivering, nhs_org, pharma_org, nhs_token
):
    path = f"/api/v1/projects/{delivering.pk}/transfers/{TODAY.year}"
    rows = [
        {
            "reference": "INV-1",
            "recipient_id": nhs_org.pk,
            "category": "joint_collaborative",
            "amount_money": "1000.00",
        },
        {
            "reference": "INV-2",
            "recipient_id": nhs_org.pk,
            "category": "joint_collaborative",
            "amount_money": "250.00",
        },
    ]
    client = bearer(company_token)
    first = client.put(path, {"transfers": rows}, content_type="application/json")
    assert first.status_code == 200, first.content
    assert first.json()["added"] == ["INV-1", "INV-2"]
    rows[1]["amount_money"] = "300.00"
    second = client.put(path, {"transfers": rows[1:]}, content_type="application/json")
    assert second.json() == {
        "added": [],
        "changed": ["INV-2"],
        "unchanged": [],
        "not_sent": ["INV-1"],
    }
    nhs = bearer(nhs_token).put(path, {"transfers": rows}, content_type="application/json")
    assert nhs.status_code == 403


def test_an_action_of_one_of_its_people_is_marked_done_once(
    nhs_token, company_token, delivering, nhs_lead, nhs_org, nhs_admin
):
    from triplewin.meetings.models import ActionStatus
    from triplewin.meetings.services.actions import action_add
    from triplewin.team.tests.builders import add_member

    if not delivering.team.filter(user=nhs_lead).exists():
        add_member(delivering, nhs_lead, nhs_lead, nhs_org)

    ours = action_add(
        actor=nhs_lead,
        project=delivering,
        description="Send the audit",
        owner=nhs_lead,
        due_on=TODAY + dt.timedelta(days=7),
        notify=False,
    )
    path = f"/api/v1/projects/{delivering.pk}/actions/{ours.pk}/done"
    # The company's token may not close an NHS person's action: it is not its organisation's.
    assert bearer(company_token).post(path).status_code == 404
    done = bearer(nhs_token).post(path)
    assert done.status_code == 200
    assert done.json()["status"] == ActionStatus.DONE
    again = bearer(nhs_token).post(path)
    assert again.status_code == 200
    events = AuditEvent.objects.filter(action="action.completed")
    assert events.count() == 1
    assert events.get().actor == nhs_admin


def test_each_token_has_its_own_limit(settings, nhs_token, company_token, fresh_cache):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "api_token": "2/m/key"}
    first = [bearer(nhs_token).get("/api/v1/projects").status_code for _ in range(3)]
    assert first == [200, 200, 429]
    # Another token is counted on its own, from the same address.
    assert bearer(company_token).get("/api/v1/projects").status_code == 200
