"""Recording how a conflict is managed, and what the check then allows."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from triplewin.audit.models import AuditEvent, ImmutableRecord
from triplewin.conflicts import services
from triplewin.conflicts.decisions import ConflictRefused, assess_decision, check_decision
from triplewin.conflicts.models import Arrangement, ConflictManagement, DecisionKind
from triplewin.core.conflicts import Standing
from triplewin.partnerships import services as project_services
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db

PID = DecisionKind.PID_APPROVAL


@pytest.fixture
def clinician(nhs_org: Any, pharma_org: Any) -> Any:
    """A trust clinician who holds shares in the company partner."""
    user = factories.member("clinician@example.test", nhs_org, "governance_member")
    builders.declare(user, pharma_org, description="Holds 2,000 shares in the company.")
    return user


def _manage(team: Any, actor: Any, person: Any, **extra: Any) -> ConflictManagement:
    details: dict[str, Any] = {
        "decision": PID,
        "arrangement": Arrangement.TAKES_PART,
        "reason": "The shares are in a blind trust.",
    }
    details.update(extra)
    return services.conflict_manage(
        actor=actor,
        project=team,
        person=person,
        declaration=person.declarations.get(),
        **details,
    )


def test_the_chair_records_an_arrangement_that_lets_the_person_decide(team, nhs_lead, clinician):
    with pytest.raises(ConflictRefused) as refused:
        check_decision(person=clinician, project=team, decision=PID)
    assert "Holds 2,000 shares in the company." in refused.value.messages[0]
    record = _manage(team, nhs_lead, clinician)
    assert record.recorded_as == "Chair of the project team"
    assert "Holds 2,000 shares" in record.declaration_text
    check = check_decision(person=clinician, project=team, decision=PID)
    assert check.standing is Standing.MANAGED
    assert check.managements == (record,)
    assert "blind trust" in check.audit_changes()["conflict_of_interest"][1]
    event = AuditEvent.objects.get(action="conflicts.managed")
    assert event.project_id == team.pk
    assert event.changes["arrangement"] == [
        None,
        "May take part in the discussion and the decision",
    ]
    with pytest.raises(ImmutableRecord):
        record.save()
    with pytest.raises(ImmutableRecord):
        record.delete()


def test_an_arrangement_covers_only_its_kind_of_decision(team, nhs_lead, clinician):
    _manage(team, nhs_lead, clinician)
    with pytest.raises(ConflictRefused):
        check_decision(person=clinician, project=team, decision=DecisionKind.VOTE)


@pytest.mark.parametrize("arrangement", [Arrangement.DISCUSSION_ONLY, Arrangement.STEPS_ASIDE])
def test_an_arrangement_that_keeps_the_person_out_refuses_with_the_chairs_reason(
    team, nhs_lead, clinician, arrangement
):
    _manage(team, nhs_lead, clinician, arrangement=arrangement, reason="Too close to the company.")
    with pytest.raises(ConflictRefused) as refused:
        check_decision(person=clinician, project=team, decision=PID)
    assert "Too close to the company." in refused.value.messages[0]
    assert assess_decision(person=clinician, project=team, decision=PID).standing is (
        Standing.KEPT_OUT
    )


def test_a_later_record_replaces_an_earlier_one(team, nhs_lead, clinician):
    first = _manage(team, nhs_lead, clinician, arrangement=Arrangement.STEPS_ASIDE)
    _manage(team, nhs_lead, clinician)
    assert check_decision(person=clinician, project=team, decision=PID).standing is (
        Standing.MANAGED
    )
    assert ConflictManagement.objects.filter(pk=first.pk).exists()


def test_nobody_manages_their_own_conflict(team, clinician):
    with pytest.raises(ValidationError, match="your own conflict"):
        _manage(team, clinician, clinician)
    assert not ConflictManagement.objects.exists()


def test_only_the_chair_or_another_partners_named_lead_records_it(
    team, industry_lead, governance_member, clinician
):
    for someone in (industry_lead, governance_member):
        with pytest.raises(ValidationError, match="Only the chair of the project team"):
            _manage(team, someone, clinician)
    assert not ConflictManagement.objects.exists()


def test_a_named_lead_may_not_manage_an_interest_in_their_own_organisation(
    team, industry_lead, clinician
):
    pharma = team.partners.get(organisation__org_type="pharmaceutical")
    project_services.partner_set_lead(
        actor=industry_lead, project=team, partner=pharma, lead=industry_lead
    )
    with pytest.raises(ValidationError, match="You work for Test Pharma Ltd"):
        _manage(team, industry_lead, clinician)
    assert not ConflictManagement.objects.exists()


def test_a_named_lead_of_a_third_partner_may_record_it(nhs_lead, nhs_org, pharma_org, clinician):
    hin = factories.organisation(name="Test Health Innovation Network", org_type="hin")
    hin_lead = factories.member("hin.lead@example.test", hin, "partnership_lead")
    project = factories.project(actor=nhs_lead, lead=nhs_org, partners=[pharma_org, hin])
    partner = project.partners.get(organisation=hin)
    project_services.partner_set_lead(
        actor=nhs_lead, project=project, partner=partner, lead=hin_lead
    )
    record = _manage(project, hin_lead, clinician)
    assert record.recorded_as == "Named lead for Test Health Innovation Network"


def test_a_chair_with_the_same_conflict_cannot_manage_it(team, nhs_lead, pharma_org, clinician):
    builders.declare(nhs_lead, pharma_org, description="Spouse works for the company.")
    with pytest.raises(ValidationError, match="could not take yourself"):
        _manage(team, nhs_lead, clinician)


def test_refusals_are_shown_next_to_the_field(team, nhs_lead, clinician, other_org, industry_lead):
    with pytest.raises(ValidationError) as error:
        _manage(team, nhs_lead, clinician, reason="  ", arrangement="maybe", decision="lunch")
    assert set(error.value.message_dict) == {"reason", "arrangement", "decision"}
    elsewhere = builders.declare(industry_lead, other_org)
    with pytest.raises(ValidationError) as error:
        services.conflict_manage(
            actor=nhs_lead,
            project=team,
            person=clinician,
            declaration=elsewhere,
            decision=PID,
            arrangement=Arrangement.TAKES_PART,
            reason="x",
        )
    assert "declaration" in error.value.message_dict
    unrelated = builders.declare(clinician, other_org)
    with pytest.raises(ValidationError, match="no conflict to manage"):
        services.conflict_manage(
            actor=nhs_lead,
            project=team,
            person=clinician,
            declaration=unrelated,
            decision=PID,
            arrangement=Arrangement.TAKES_PART,
            reason="x",
        )
    assert not ConflictManagement.objects.exists()
    assert not AuditEvent.objects.filter(action="conflicts.managed").exists()


def test_a_lapsed_register_is_refused_with_a_link_to_my_declarations(team, nhs_org):
    person = factories.member(
        "new.starter@example.test", nhs_org, "governance_member", registered=False
    )
    with pytest.raises(ConflictRefused) as refused:
        check_decision(person=person, project=team, decision=PID)
    message = refused.value.messages[0]
    assert "no declaration, nil return or confirmation from the last 12 months" in message
    assert "My declarations (/conflicts/)" in message


def test_an_interest_naming_a_product_concerned_conflicts_whoever_makes_it(
    team, nhs_lead, nhs_org, other_org
):
    person = factories.member("pharmacist@example.test", nhs_org, "governance_member")
    builders.declare(
        person, other_org, description="Paid talks on Jardiance (empagliflozin) for a rival."
    )
    assert check_decision(person=person, project=team, decision=PID).standing is Standing.CLEAR
    project_services.project_update(
        actor=nhs_lead, project=team, expected_version=None, products_concerned="Empagliflozin"
    )
    team.refresh_from_db()
    with pytest.raises(ConflictRefused, match="it names Empagliflozin, which this project"):
        check_decision(person=person, project=team, decision=PID)
