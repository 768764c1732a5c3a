"""The agreement record: saving clauses, and the selectors the rules read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from triplewin.agreement import services
from triplewin.agreement.models import Agreement
from triplewin.agreement.selectors import (
    agreement_missing_clauses,
    agreement_non_legal_parties,
    agreement_unsigned_parties,
)
from triplewin.agreement.tests.conftest import COMPLETE_CLAUSES, add_party, move_to
from triplewin.audit.models import AuditEvent
from triplewin.organisations.models import Organisation
from triplewin.partnerships.errors import StaleEdit

pytestmark = pytest.mark.django_db


def _save(actor, project, expected_version=None, **fields):
    return services.agreement_save(
        actor=actor, project=project, fields=fields, expected_version=expected_version
    )


def test_first_save_creates_and_audits(in_setup, nhs_lead):
    agreement = _save(nhs_lead, in_setup, benefits="Better care")
    assert agreement.working_type == "cw"  # taken from the project's proposed type
    assert agreement.row_version == 2
    assert AuditEvent.objects.filter(action="agreement.created").count() == 1
    saved = AuditEvent.objects.get(action="agreement.saved")
    assert saved.changes == {"benefits": ["", "Better care"]}


def test_joint_working_project_defaults_to_a_joint_working_agreement(nhs_lead, nhs_org, pharma_org):
    project = factories.project(
        actor=nhs_lead, lead=nhs_org, partners=[pharma_org], intended_type="jw"
    )
    move_to(project, "setup")
    assert _save(nhs_lead, project, benefits="x").working_type == "jw"


def test_unchanged_save_writes_no_event(in_setup, nhs_lead):
    _save(nhs_lead, in_setup, benefits="Better care")
    _save(nhs_lead, in_setup, benefits="Better care")
    assert AuditEvent.objects.filter(action="agreement.saved").count() == 1


def test_stale_save_is_refused(in_setup, nhs_lead, industry_lead):
    first = _save(nhs_lead, in_setup, benefits="One")
    _save(industry_lead, in_setup, expected_version=first.row_version, benefits="Two")
    with pytest.raises(StaleEdit):
        _save(nhs_lead, in_setup, expected_version=first.row_version, benefits="Three")
    assert Agreement.objects.get().benefits == "Two"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"term_months": 0}, "term_months", "between 1 and 120"),
        ({"term_months": 121}, "term_months", "between 1 and 120"),
        ({"working_type": "xx"}, "working_type", "collaborative working or joint working"),
        ({"agreement_date": dt.date(1999, 12, 31)}, "agreement_date", "between 2000"),
        ({"agreement_date": dt.date(2999, 1, 1)}, "agreement_date", "between 2000"),
    ],
)
def test_bad_values_are_refused_and_nothing_saved(in_setup, nhs_lead, fields, field, message):
    with pytest.raises(ValidationError) as refused:
        _save(nhs_lead, in_setup, benefits="Kept?", **fields)
    assert message in refused.value.message_dict[field][0]
    assert not Agreement.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="agreement.").exists()


def test_unknown_fields_are_a_programming_error(in_setup, nhs_lead):
    with pytest.raises(TypeError):
        _save(nhs_lead, in_setup, colour="red")


@pytest.mark.parametrize(
    "state", ["idea", "scoping", "concept_approved", "summary_published", "in_delivery"]
)
def test_only_editable_from_setup_until_signed(project, nhs_lead, state):
    move_to(project, state)
    with pytest.raises(ValidationError) as refused:
        _save(nhs_lead, project, benefits="x")
    assert "variation agreement" in refused.value.messages[0]
    assert not Agreement.objects.exists()


@pytest.mark.parametrize("state", ["setup", "pid_approved", "agreement_signed"])
def test_editable_states(project, nhs_lead, state):
    move_to(project, state)
    assert _save(nhs_lead, project, benefits="x").pk


def test_missing_clauses(in_setup, nhs_lead):
    assert agreement_missing_clauses(in_setup) is None
    _save(nhs_lead, in_setup, benefits="Better care")
    missing = agreement_missing_clauses(in_setup)
    assert missing is not None
    assert "Benefits" not in missing
    assert "Formulary position" in missing
    assert "What happens if the ABPI Code is breached" in missing
    assert "Date of the agreement" in missing
    _save(nhs_lead, in_setup, agreement_date=dt.date(2027, 1, 4), **COMPLETE_CLAUSES)
    assert agreement_missing_clauses(in_setup) == ()
    _save(nhs_lead, in_setup, dispute_resolution="   ")
    assert agreement_missing_clauses(in_setup) == ("Dispute resolution",)


def test_formulary_position_only_required_when_medicines_are_involved(nhs_lead, nhs_org):
    project = factories.project(actor=nhs_lead, lead=nhs_org, involves_medicines=False)
    move_to(project, "setup")
    fields = dict(COMPLETE_CLAUSES, formulary_position="")
    _save(nhs_lead, project, agreement_date=dt.date(2027, 1, 4), **fields)
    assert agreement_missing_clauses(project) == ()


def test_unsigned_parties(in_setup, nhs_lead, nhs_org, pharma_org):
    assert agreement_unsigned_parties(in_setup) is None
    _save(nhs_lead, in_setup, benefits="x")
    assert agreement_unsigned_parties(in_setup) is None
    nhs = add_party(nhs_lead, in_setup, nhs_org)
    add_party(nhs_lead, in_setup, pharma_org)
    assert agreement_unsigned_parties(in_setup) == (nhs_org.name, pharma_org.name)
    services.party_sign(
        actor=nhs_lead, party=nhs, signed_on=dt.date(2026, 1, 5), expected_version=None
    )
    assert agreement_unsigned_parties(in_setup) == (pharma_org.name,)


def test_non_legal_parties_follow_the_organisation_flag(in_setup, nhs_lead, nhs_org):
    assert agreement_non_legal_parties(in_setup) == ()
    add_party(nhs_lead, in_setup, nhs_org)
    assert agreement_non_legal_parties(in_setup) == ()
    Organisation.objects.filter(pk=nhs_org.pk).update(is_legal_entity=False)
    assert agreement_non_legal_parties(in_setup) == (nhs_org.name,)


def test_a_partner_left_out_of_the_parties_has_not_signed(
    in_setup, nhs_lead, nhs_org, pharma_org, pcn
):
    from triplewin.partnerships import services as partnership_services

    # A PCN partner cannot sign itself, so its absence is not counted; the trust's is.
    move_to(in_setup, "scoping")
    partnership_services.partner_add(
        actor=nhs_lead, project=in_setup, organisation=pcn, party_role="nhs_partner"
    )
    move_to(in_setup, "setup")
    company = add_party(nhs_lead, in_setup, pharma_org)
    services.party_sign(
        actor=nhs_lead, party=company, signed_on=dt.date(2026, 1, 5), expected_version=None
    )
    assert agreement_unsigned_parties(in_setup) == (f"{nhs_org.name} (not named as a party)",)
    add_party(nhs_lead, in_setup, nhs_org)
    assert agreement_unsigned_parties(in_setup) == (nhs_org.name,)
