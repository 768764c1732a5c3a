"""The visibility engine: who sees NHS-only records, and which audit events each person reads.

Expectations are pinned here as data, never read back from the engine. The company roles of
conftest.py also hold NHS roles elsewhere (a trust's team member, another ICB's oversight
lead), so a rule that any NHS membership or any oversight role widens what a company sees
fails these tests.
"""

from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from tests import factories
from tests.roles import ROLES
from tests.tampering import lift_guard
from triplewin.audit import chain
from triplewin.audit.models import AuditEvent
from triplewin.kpis import services as kpi_services
from triplewin.kpis.tests import builders
from triplewin.partnerships.visibility import HISTORY_NOTE, Visibility

SEES_NHS_ONLY = {
    "nhs_lead": True,
    "industry_lead": False,
    "governance_member": False,
    "team_member": True,
    "oversight": True,
    "outsider": False,
    "anonymous": False,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_nhs_only_records(project, roles, role):
    user = roles[role] or _anonymous()
    assert Visibility.of(user, project).sees_nhs_only is SEES_NHS_ONLY[role]


def _anonymous() -> Any:
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_an_nhs_member_of_an_unrelated_trust_who_leads_for_the_company_sees_only_shared(
    project, pharma_org, other_org
):
    both = factories.member(
        "both@example.test", pharma_org, "partnership_lead", function="partnership"
    )
    factories.member("both@example.test", other_org, "partnership_lead")
    assert not Visibility.of(both, project).sees_nhs_only


def test_oversight_of_another_icb_adds_nothing_but_oversight_of_the_partners_icb_does(
    project, pharma_org, icb, elsewhere_icb
):
    person = factories.member("person@example.test", pharma_org, "team_member", function="medical")
    factories.member("person@example.test", elsewhere_icb, "system_oversight")
    assert not Visibility.of(person, project).sees_nhs_only
    # A fresh user object each time: what a person may see is cached on it for one request.
    person = factories.member("person@example.test", icb, "team_member")
    assert not Visibility.of(person, project).sees_nhs_only, "a member of the ICB, not oversight"
    person = factories.member("person@example.test", icb, "system_oversight")
    assert Visibility.of(person, project).sees_nhs_only


@pytest.fixture
def kpis(delivering, nhs_lead):
    shared = builders.kpi(delivering, nhs_lead, name="Reviews offered")
    hidden = builders.kpi(
        delivering, nhs_lead, name="Admissions", company_may_see=False, aggregated_anonymised=False
    )
    return shared, hidden


@pytest.fixture
def delivering(project, nhs_lead):
    from triplewin.team.tests.builders import advance

    return advance(project, nhs_lead, to="in_delivery")


def _labels(seen: Visibility) -> set[tuple[str, str]]:
    return {(e.action, e.object_label) for e in seen.audit_events()}


def test_events_about_hidden_kpis_their_values_and_criteria_are_left_out(kpis, nhs_lead):
    shared, hidden = kpis
    project = shared.project
    kpi_services.measurement_record(
        actor=nhs_lead, kpi=hidden, period=dt.date(2024, 1, 1), value=Decimal(5)
    )
    kpi_services.measurement_record(
        actor=nhs_lead, kpi=shared, period=dt.date(2024, 1, 1), value=Decimal(6)
    )
    secret = kpi_services.criterion_create(actor=nhs_lead, project=project, name="Secret")
    kpi_services.condition_add(
        actor=nhs_lead, criterion=secret, kpi=shared, comparison="gte", threshold=Decimal(1)
    )
    kpi_services.condition_add(
        actor=nhs_lead, criterion=secret, kpi=hidden, comparison="gte", threshold=Decimal(1)
    )
    open_one = kpi_services.criterion_create(actor=nhs_lead, project=project, name="Open")
    kpi_services.condition_add(
        actor=nhs_lead, criterion=open_one, kpi=shared, comparison="gte", threshold=Decimal(2)
    )
    gone = kpi_services.condition_add(
        actor=nhs_lead, criterion=open_one, kpi=hidden, comparison="gte", threshold=Decimal(3)
    )
    kpi_services.condition_remove(actor=nhs_lead, condition=gone)

    everything = Visibility(project, sees_nhs_only=True)
    shared_only = Visibility.shared(project)
    assert (
        everything.audit_events().count()
        == AuditEvent.objects.filter(project_id=project.pk).count()
    )
    company = _labels(shared_only)
    assert not any("Admissions" in label or "Secret" in label for _, label in company)
    assert ("kpis.kpi_created", "Reviews offered") in company
    assert ("kpis.criterion_created", "Open") in company
    assert ("kpis.measurement_recorded", "Reviews offered, 2024-01-01: 6.0000") in company
    # The open criterion's condition on the shared KPI stays; the one on the hidden KPI,
    # added and removed, does not.
    conditions = [
        e.changes["kpi"] for e in shared_only.audit_events() if e.action.startswith("kpis.cond")
    ]
    assert conditions == [[None, "Reviews offered"]]


def _event(project: Any, object_type: str, object_id: int, **changes: Any) -> AuditEvent:
    """An event as written before `kpi_id` existed, or by code that did not fill it."""
    return chain.append(
        AuditEvent(
            actor_label="system",
            action="old",
            object_type=object_type,
            object_id=str(object_id),
            project_id=project.pk,
            changes=changes,
        )
    )


def test_events_that_cannot_be_tied_to_a_visible_kpi_are_left_out(kpis, nhs_lead):
    shared, _ = kpis
    project = shared.project
    untraced = _event(project, "kpis.Measurement", 999)
    later = _event(project, "kpis.KpiNote", 1)
    site = kpi_services.site_add(actor=nhs_lead, project=project, name="North")
    visible = set(Visibility.shared(project).audit_events())
    assert untraced not in visible
    assert later not in visible
    assert AuditEvent.objects.get(object_type="kpis.Site", object_id=str(site.pk)) in visible


def test_record_ties_every_kpi_record_to_its_kpi(kpis, nhs_lead):
    shared, _ = kpis
    measurement = kpi_services.measurement_record(
        actor=nhs_lead, kpi=shared, period=dt.date(2024, 1, 1), value=Decimal(5)
    )
    site = kpi_services.site_add(actor=nhs_lead, project=shared.project, name="North")
    assert AuditEvent.objects.get(action="kpis.kpi_created", object_id=str(shared.pk)).kpi_id == (
        shared.pk
    )
    recorded = AuditEvent.objects.get(action="kpis.measurement_recorded")
    assert recorded.object_id == str(measurement.pk)
    assert recorded.kpi_id == shared.pk
    assert AuditEvent.objects.get(object_id=str(site.pk), object_type="kpis.Site").kpi_id is None


def test_migration_derives_the_kpi_of_earlier_events(kpis, nhs_lead):
    shared, hidden = kpis
    project = shared.project
    measurement = kpi_services.measurement_record(
        actor=nhs_lead, kpi=hidden, period=dt.date(2024, 1, 1), value=Decimal(5)
    )
    about_kpi = _event(project, "kpis.Kpi", hidden.pk)
    about_value = _event(project, "kpis.Measurement", measurement.pk)
    removed_condition = _event(project, "kpis.CriterionCondition", 999, kpi=["Admissions", None])
    lost = _event(project, "kpis.Measurement", 998)
    migration = importlib.import_module("triplewin.audit.migrations.0003_kpi_id")
    lift_guard()  # the migration runs before the database refuses changes (audit 0006)
    migration.derive(apps, None)
    found = {
        e.pk: e.kpi_id
        for e in AuditEvent.objects.filter(
            pk__in=[about_kpi.pk, about_value.pk, removed_condition.pk, lost.pk]
        )
    }
    assert found == {
        about_kpi.pk: hidden.pk,
        about_value.pk: hidden.pk,
        removed_condition.pk: hidden.pk,
        lost.pk: None,
    }


def test_an_nhs_only_kpi_cannot_be_owned_by_someone_who_may_not_see_it(
    delivering, nhs_lead, industry_lead
):
    with pytest.raises(ValidationError) as refused:
        builders.kpi(
            delivering,
            nhs_lead,
            owner=industry_lead,
            company_may_see=False,
            aggregated_anonymised=False,
        )
    assert "NHS partner" in refused.value.message_dict["owner"][0]
    owned = builders.kpi(delivering, nhs_lead, owner=industry_lead)
    with pytest.raises(ValidationError):
        kpi_services.kpi_update(
            actor=nhs_lead,
            kpi=owned,
            fields={"company_may_see": False},
            expected_version=None,
        )


HISTORY_SHOWS_HIDDEN = {
    "nhs_lead": True,
    "industry_lead": False,
    "governance_member": False,
    "team_member": True,
    "oversight": True,
}


@pytest.mark.parametrize("role", list(HISTORY_SHOWS_HIDDEN))
def test_history_page_by_role(client_for, kpis, nhs_lead, role):
    shared, hidden = kpis
    kpi_services.measurement_record(
        actor=nhs_lead,
        kpi=hidden,
        period=dt.date(2024, 1, 1),
        value=Decimal(5),
        note="Ward closed",
    )
    page = client_for(role).get(f"/projects/{shared.project_id}/history/").content.decode()
    assert "Reviews offered" in page
    assert ("Admissions" in page) is HISTORY_SHOWS_HIDDEN[role]
    assert ("Ward closed" in page) is HISTORY_SHOWS_HIDDEN[role]
    assert (HISTORY_NOTE in page) is not HISTORY_SHOWS_HIDDEN[role]


@pytest.mark.parametrize("role", ["outsider", "anonymous"])
def test_history_page_is_404_to_people_outside_the_project(client_for, kpis, role):
    shared, _ = kpis
    assert client_for(role).get(f"/projects/{shared.project_id}/history/").status_code == 404
