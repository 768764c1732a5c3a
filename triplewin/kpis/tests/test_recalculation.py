"""Limits recalculated automatically from a sustained shift: recorded, audited, shown, and
never revealing an NHS-only KPI to a company (ADR 0027)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.roles import READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.kpis import services
from triplewin.kpis.models import LimitsRecalculation
from triplewin.kpis.tests import builders
from triplewin.kpis.tests.test_readings import BUNDLE

pytestmark = pytest.mark.django_db

COMPANY_SIDE = {"industry_lead", "governance_member"}
# Eight values near 10, then seven near 20: the run above the mean starts at the ninth,
# September 2024, and is seven long at the fifteenth value.
SHIFTED: list[float] = [10, 11, 9, 10, 11, 9, 10, 11, 20, 21, 19, 20, 21, 19, 20]


def test_the_seventh_value_of_a_run_recalculates_the_limits_once(shared_kpi, nhs_lead):
    builders.record_series(shared_kpi, nhs_lead, SHIFTED[:-1])
    assert not LimitsRecalculation.objects.exists()
    builders.record_series_from(shared_kpi, nhs_lead, SHIFTED, first=len(SHIFTED) - 1)
    made = LimitsRecalculation.objects.get()
    assert made.starts_on == dt.date(2024, 9, 1)
    assert made.automatic
    assert made.recorded_by == nhs_lead
    assert made.reason.startswith("7 values in a row above the mean of the earlier process")
    event = AuditEvent.objects.get(action="kpis.limits_recalculated")
    assert event.project_id == shared_kpi.project_id
    assert event.changes["starts_on"] == [None, "2024-09-01"]
    # A further value in the new process changes nothing.
    builders.record_series_from(shared_kpi, nhs_lead, [*SHIFTED, 20], first=len(SHIFTED))
    assert LimitsRecalculation.objects.count() == 1


def test_an_upload_recalculates_too(shared_kpi, nhs_lead):
    rows = "".join(
        f"{period.isoformat()},,{value},\n"
        for period, value in zip(builders.months(dt.date(2024, 1, 1), 26), BUNDLE, strict=True)
    )
    services.measurements_upload(
        actor=nhs_lead,
        kpi=shared_kpi,
        upload=builders.upload("bundle.csv", f"period,site,value,note\n{rows}".encode()),
    )
    starts = list(LimitsRecalculation.objects.values_list("starts_on", flat=True))
    assert starts[0] == dt.date(2025, 1, 1)  # 50%, where the climb began
    assert AuditEvent.objects.filter(action="kpis.limits_recalculated").count() == len(starts)


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_the_kpi_page_shows_the_new_limits_by_role(client_for, shared_kpi, nhs_lead, role, status):
    builders.record_series(shared_kpi, nhs_lead, SHIFTED)
    response = client_for(role).get(
        reverse("kpis:detail", args=[shared_kpi.project_id, shared_kpi.pk])
    )
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "New process limits" in body
        assert "From September 2024: 7 values in a row above the mean" in body
        assert "The limits were worked out again from there automatically on" in body
        assert ">New limits</text>" in body  # marked on the chart
        # The assurance icon says in words which limits it judges against.
        assert "the process limits since September 2024" in body


def test_an_nhs_only_kpi_and_its_recalculation_stay_hidden_from_a_company(
    client_for, shared_kpi, hidden_kpi, nhs_lead
):
    builders.record_series(hidden_kpi, nhs_lead, SHIFTED)
    url = reverse("kpis:dashboard", args=[shared_kpi.project_id])
    for role in COMPANY_SIDE:
        body = client_for(role).get(url).content.decode()
        assert hidden_kpi.name not in body
        assert "New process limits" not in body
    assert "New process limits" in client_for("nhs_lead").get(url).content.decode()


def test_the_dashboard_has_a_legend_and_explains_every_icon(client_for, shared_kpi, nhs_lead):
    builders.record_series(shared_kpi, nhs_lead, [40, 42, 41, 43, 42])
    body = (
        client_for("nhs_lead")
        .get(reverse("kpis:dashboard", args=[shared_kpi.project_id]))
        .content.decode()
    )
    assert "What the readings mean" in body
    for label in ("Consistently passing the target", "Consistently failing the target"):
        assert label in body
    # Beside this KPI's icons: limits 37.61% to 45.59%, the target 80% above them.
    assert (
        "The target, 80%, lies outside, on the wrong side of, the process limits (37.61% to "
        "45.59%): no value will meet it unless the process changes." in body
    )
    assert "The latest value is within the range the process varies within by chance." in body
    assert "The target date has passed and the latest value, 42%, misses it." in body


def test_a_site_chart_proposes_new_limits_instead_of_applying_them(
    client_for, shared_kpi, nhs_lead
):
    site = services.site_add(actor=nhs_lead, project=shared_kpi.project, name="North Clinic")
    builders.record_series(shared_kpi, nhs_lead, SHIFTED, site=site)
    url = reverse("kpis:detail", args=[shared_kpi.project_id, shared_kpi.pk])
    body = client_for("nhs_lead").get(url, {"site": str(site.pk)}).content.decode()
    assert "The process seems to have changed: 7 values in a row above" in body
    assert f"step_from=2024-09-01&amp;site={site.pk}#chart" in body
    # Following the proposal draws the new limits: no proposal is left.
    followed = client_for("nhs_lead").get(url, {"site": str(site.pk), "step_from": "2024-09-01"})
    assert "The process seems to have changed" not in followed.content.decode()


def test_the_command_applies_the_rule_to_values_stored_before_it(shared_kpi, nhs_lead):
    from io import StringIO

    from django.core.management import call_command

    builders.record_series(shared_kpi, nhs_lead, SHIFTED)
    LimitsRecalculation.objects.all().delete()  # as if recorded before the rule existed
    out = StringIO()
    call_command("recalculate_kpi_limits", stdout=out)
    assert out.getvalue().strip() == "1 recalculation recorded."
    made = LimitsRecalculation.objects.get()
    assert (made.starts_on, made.recorded_by) == (dt.date(2024, 9, 1), None)
    call_command("recalculate_kpi_limits", stdout=out)
    assert LimitsRecalculation.objects.count() == 1


def test_the_audit_event_of_a_hidden_kpis_recalculation_is_not_a_companys_to_read(
    shared_kpi, hidden_kpi, nhs_lead, industry_lead
):
    from triplewin.partnerships.visibility import Visibility

    builders.record_series(hidden_kpi, nhs_lead, SHIFTED)
    builders.record_series(shared_kpi, nhs_lead, SHIFTED)
    project = shared_kpi.project
    action = "kpis.limits_recalculated"
    seen = Visibility.of(industry_lead, project).audit_events().filter(action=action)
    assert [e.kpi_id for e in seen] == [shared_kpi.pk]
    everything = Visibility.of(nhs_lead, project).audit_events().filter(action=action)
    assert {e.kpi_id for e in everything} == {shared_kpi.pk, hidden_kpi.pk}
