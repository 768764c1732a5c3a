"""Recording transfers of value, freezing disclosed years and correcting them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.transfers import services
from triplewin.transfers.models import DisclosedYear, TransferOfValue
from triplewin.transfers.tests.builders import transfer

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 1)


def test_record_is_audited_with_its_values(live, industry_lead, pharma_org, nhs_org):
    tov = transfer(
        actor=industry_lead,
        project=live,
        company=pharma_org,
        recipient=nhs_org,
        year=2024,
        money="12000.50",
        benefits="3000",
        note="Nurse specialist time",
    )
    assert tov.total == Decimal("15000.50")
    event = AuditEvent.objects.get(action="tov.recorded")
    assert event.project_id == live.pk
    assert event.changes["amount_money"] == [None, "12000.50"]
    assert event.changes["recipient"] == [None, nhs_org.name]
    assert event.actor == industry_lead


def test_certification_signatory_may_record(live, signatory, pharma_org, nhs_org):
    transfer(actor=signatory, project=live, company=pharma_org, recipient=nhs_org, year=2024)
    assert TransferOfValue.objects.count() == 1


@pytest.mark.parametrize("who", ["nhs_lead", "governance_member", "oversight", "outsider"])
def test_only_the_companys_leads_and_signatories_record(roles, who, live, pharma_org, nhs_org):
    with pytest.raises(PermissionDenied):
        transfer(actor=roles[who], project=live, company=pharma_org, recipient=nhs_org, year=2024)
    assert not TransferOfValue.objects.exists()
    assert not AuditEvent.objects.filter(action="tov.recorded").exists()


def test_a_project_not_yet_public_takes_no_transfers(project, industry_lead, pharma_org, nhs_org):
    with pytest.raises(ValidationError, match="once the executive summary is published"):
        transfer(
            actor=industry_lead, project=project, company=pharma_org, recipient=nhs_org, year=2024
        )


@pytest.mark.parametrize(
    ("money", "benefits", "extra", "field"),
    [
        ("0", "0", {}, "amount_money"),
        ("-500", "0", {}, "is_correction"),
        ("0", "-1", {"note": "oops"}, "is_correction"),
        ("-500", "0", {"is_correction": True}, "note"),
        ("-500", "0", {"is_correction": True, "note": "   "}, "note"),
    ],
)
def test_negative_amounts_only_as_corrections_with_a_note(
    live, industry_lead, pharma_org, nhs_org, money, benefits, extra, field
):
    with pytest.raises(ValidationError) as error:
        transfer(
            actor=industry_lead,
            project=live,
            company=pharma_org,
            recipient=nhs_org,
            year=2024,
            money=money,
            benefits=benefits,
            **extra,
        )
    assert field in error.value.message_dict


def test_a_correction_may_be_negative(live, industry_lead, pharma_org, nhs_org):
    tov = transfer(
        actor=industry_lead,
        project=live,
        company=pharma_org,
        recipient=nhs_org,
        year=2024,
        money="-250",
        is_correction=True,
        note="Reverses a duplicated invoice.",
    )
    assert tov.total == Decimal("-250")


def test_recipient_must_be_a_non_company_partner(
    live, industry_lead, pharma_org, other_org, patient_org
):
    with pytest.raises(ValidationError) as error:
        transfer(
            actor=industry_lead, project=live, company=pharma_org, recipient=other_org, year=2024
        )
    assert "recipient" in error.value.message_dict
    with pytest.raises(ValidationError):
        transfer(
            actor=industry_lead, project=live, company=pharma_org, recipient=pharma_org, year=2024
        )


@pytest.mark.parametrize("year", [2007, 2101])
def test_year_must_be_plausible(live, industry_lead, pharma_org, nhs_org, year):
    with pytest.raises(ValidationError) as error:
        transfer(
            actor=industry_lead, project=live, company=pharma_org, recipient=nhs_org, year=year
        )
    assert "year" in error.value.message_dict


def test_a_future_year_is_refused(live, industry_lead, pharma_org, nhs_org):
    with pytest.raises(ValidationError, match="once they have happened"):
        services.tov_record(
            actor=industry_lead,
            project=live,
            company=pharma_org,
            recipient=nhs_org,
            year=2027,
            category="joint_collaborative",
            amount_money=Decimal(1),
            amount_benefits_in_kind=Decimal(0),
            today=TODAY,
        )


@pytest.fixture
def recorded(live, industry_lead, pharma_org, nhs_org):
    return transfer(
        actor=industry_lead, project=live, company=pharma_org, recipient=nhs_org, year=2024
    )


def _disclose(actor, project, company, year=2024, on=dt.date(2025, 3, 20)):
    return services.year_mark_disclosed(
        actor=actor, project=project, company=company, year=year, disclosed_on=on, today=TODAY
    )


def test_update_and_delete_while_the_year_is_open(recorded, industry_lead):
    updated = services.tov_update(
        actor=industry_lead, tov=recorded, expected_version=1, amount_money=Decimal("2000")
    )
    assert updated.row_version == 2
    assert AuditEvent.objects.get(action="tov.updated").changes == {
        "amount_money": ["1000.00", "2000"]
    }
    services.tov_delete(actor=industry_lead, tov=updated)
    assert not TransferOfValue.objects.exists()
    assert AuditEvent.objects.filter(action="tov.deleted").count() == 1


def test_stale_update_is_refused(recorded, industry_lead):
    from triplewin.partnerships.errors import StaleEdit

    with pytest.raises(StaleEdit):
        services.tov_update(actor=industry_lead, tov=recorded, expected_version=7, note="x")


def test_disclosing_a_year_freezes_its_rows(recorded, industry_lead, live, pharma_org):
    marked = _disclose(industry_lead, live, pharma_org)
    assert marked.disclosed_on == dt.date(2025, 3, 20)
    assert AuditEvent.objects.get(action="tov.year_disclosed").project_id == live.pk
    with pytest.raises(ValidationError, match="Record a correction instead"):
        services.tov_update(actor=industry_lead, tov=recorded, expected_version=None, note="x")
    with pytest.raises(ValidationError, match="Record a correction instead"):
        services.tov_delete(actor=industry_lead, tov=recorded)
    with pytest.raises(ValidationError, match="Record a correction instead"):
        transfer(
            actor=industry_lead,
            project=live,
            company=pharma_org,
            recipient=recorded.recipient,
            year=2024,
        )


def test_a_correction_reopens_a_disclosed_year(recorded, industry_lead, live, pharma_org, nhs_org):
    _disclose(industry_lead, live, pharma_org)
    transfer(
        actor=industry_lead,
        project=live,
        company=pharma_org,
        recipient=nhs_org,
        year=2024,
        money="-100",
        is_correction=True,
        note="Overpaid travel claim returned.",
    )
    assert not DisclosedYear.objects.exists()
    reopened = AuditEvent.objects.get(action="tov.year_reopened")
    assert reopened.changes["disclosed_on"] == ["2025-03-20", None]


@pytest.mark.parametrize(
    ("year", "on", "field"),
    [
        (2024, dt.date(2024, 12, 31), "disclosed_on"),  # before the year ended
        (2024, dt.date(2026, 3, 2), "disclosed_on"),  # in the future
        (2023, dt.date(2025, 1, 5), "year"),  # nothing recorded for 2023
    ],
)
def test_marking_disclosed_checks_its_dates(
    recorded, industry_lead, live, pharma_org, year, on, field
):
    with pytest.raises(ValidationError) as error:
        _disclose(industry_lead, live, pharma_org, year=year, on=on)
    assert field in error.value.message_dict


def test_a_year_is_marked_once(recorded, industry_lead, live, pharma_org):
    _disclose(industry_lead, live, pharma_org)
    with pytest.raises(ValidationError, match="already marked disclosed"):
        _disclose(industry_lead, live, pharma_org)


def test_only_the_company_marks_its_year(recorded, nhs_lead, live, pharma_org):
    with pytest.raises(PermissionDenied):
        _disclose(nhs_lead, live, pharma_org)
    assert not DisclosedYear.objects.exists()


def test_undisclosed_years_for_the_rules(recorded, industry_lead, live, pharma_org, nhs_org):
    from triplewin.transfers.selectors import undisclosed_years

    transfer(actor=industry_lead, project=live, company=pharma_org, recipient=nhs_org, year=2025)
    transfer(actor=industry_lead, project=live, company=pharma_org, recipient=nhs_org, year=2026)
    # On 1 March 2026 only 2024 is past its deadline (30 June 2025); 2025 is due by June 2026.
    assert undisclosed_years(live, TODAY) == (2024,)
    assert undisclosed_years(live, dt.date(2026, 6, 30)) == (2024,)
    assert undisclosed_years(live, dt.date(2026, 7, 1)) == (2024, 2025)
    _disclose(industry_lead, live, pharma_org)
    assert undisclosed_years(live, dt.date(2026, 7, 1)) == (2025,)
    assert undisclosed_years(live, dt.date(2025, 6, 30)) == ()


def test_second_company_partner_records_only_for_itself(live, nhs_lead, nhs_org, industry_lead):
    second = factories.organisation(name="Second Pharma plc", org_type="pharmaceutical")
    with pytest.raises(PermissionDenied):
        transfer(actor=industry_lead, project=live, company=second, recipient=nhs_org, year=2024)


def test_an_overdue_disclosure_fails_the_rule_on_the_project(
    recorded, industry_lead, live, pharma_org
):
    from triplewin.partnerships.services import gate_report

    def failing(today):
        report = gate_report(live, "ongoing", today)
        return {r.rule.id: r.detail for r in report.results if r.failed}

    assert "TOV-DISCLOSED" not in failing(dt.date(2025, 6, 30))
    assert failing(dt.date(2025, 7, 1))["TOV-DISCLOSED"] == "Not yet disclosed for 2024."
    _disclose(industry_lead, live, pharma_org)
    assert "TOV-DISCLOSED" not in failing(dt.date(2025, 7, 1))
