"""Agreement parties: only legal entities, never individuals; signatures move the project on."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from triplewin.agreement import services
from triplewin.agreement.models import Agreement, AgreementParty
from triplewin.agreement.selectors import agreement_hash, agreement_unsigned_parties
from triplewin.agreement.tests.conftest import add_party, move_to, signed_on
from triplewin.audit.models import AuditEvent
from triplewin.core.rules import GateReport
from triplewin.partnerships import services as partnership_services
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import ProjectTransition
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db
SIGNED = dt.date(2026, 3, 2)


def _sign(actor, party, when=SIGNED, **kwargs):
    return services.party_sign(
        actor=actor, party=party, signed_on=when, expected_version=None, **kwargs
    )


def test_adding_a_party_creates_the_agreement_and_audits(in_setup, nhs_lead, nhs_org):
    party = add_party(nhs_lead, in_setup, nhs_org)
    assert party.agreement.project == in_setup
    event = AuditEvent.objects.get(action="agreement.party_added")
    assert event.changes["organisation"] == [None, nhs_org.name]
    assert event.changes["signatory_name"] == [None, "Alex Signer"]


def test_an_organisation_that_is_not_a_legal_entity_cannot_sign(in_setup, nhs_lead, pcn):
    with pytest.raises(ValidationError) as refused:
        add_party(nhs_lead, in_setup, pcn)
    message = refused.value.message_dict["organisation"][0]
    assert message.startswith(f"{pcn.name} cannot sign: it is not a legal entity")
    assert "Add the legal entity that signs for it" in message
    assert not AgreementParty.objects.exists()
    assert not Agreement.objects.exists()


def test_an_individual_cannot_be_a_party(in_setup, nhs_lead):
    with pytest.raises(ValidationError) as refused:
        services.party_add(
            actor=nhs_lead,
            project=in_setup,
            organisation=nhs_lead,
            signatory_name="Alex Signer",
            signatory_job_title="Lead",
        )
    assert (
        "never with an individual member of staff"
        in (refused.value.message_dict["organisation"][0])
    )
    assert not AgreementParty.objects.exists()


def test_a_person_named_as_text_cannot_be_a_party(in_setup, nhs_lead):
    with pytest.raises(ValidationError) as refused:
        services.party_add(
            actor=nhs_lead,
            project=in_setup,
            organisation="Dr Jane Smith",  # type: ignore[arg-type]
            signatory_name="Dr Jane Smith",
            signatory_job_title="Consultant",
        )
    assert (
        "never with an individual member of staff"
        in (refused.value.message_dict["organisation"][0])
    )


def test_a_party_is_added_once(in_setup, nhs_lead, nhs_org):
    add_party(nhs_lead, in_setup, nhs_org)
    with pytest.raises(ValidationError) as refused:
        add_party(nhs_lead, in_setup, nhs_org)
    assert "already a party" in refused.value.message_dict["organisation"][0]
    assert AgreementParty.objects.count() == 1


def test_a_non_partner_legal_entity_may_sign(in_setup, nhs_lead, other_org):
    # A hosting trust or federation can sign for a partner that cannot sign for itself.
    assert add_party(nhs_lead, in_setup, other_org).pk


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"signatory_name": " "}, "signatory_name"),
        ({"signatory_job_title": ""}, "signatory_job_title"),
    ],
)
def test_signatory_is_required(in_setup, nhs_lead, nhs_org, extra, field):
    with pytest.raises(ValidationError) as refused:
        add_party(nhs_lead, in_setup, nhs_org, **extra)
    assert field in refused.value.message_dict
    assert not AgreementParty.objects.exists()


@pytest.mark.parametrize("state", ["concept_approved", "summary_published", "in_delivery"])
def test_parties_only_change_from_setup_until_signed(project, nhs_lead, nhs_org, state):
    move_to(project, state)
    with pytest.raises(ValidationError):
        add_party(nhs_lead, project, nhs_org)
    assert not AgreementParty.objects.exists()


def test_update_signatory_is_audited_and_versioned(parties, nhs_lead):
    party = parties[0]
    services.party_update(
        actor=nhs_lead,
        party=party,
        signatory_name="Sam Chief",
        signatory_job_title="Chief executive",
        expected_version=1,
    )
    party.refresh_from_db()
    assert (party.signatory_name, party.row_version) == ("Sam Chief", 2)
    event = AuditEvent.objects.get(action="agreement.party_updated")
    assert event.changes == {"signatory_name": ["Alex Signer", "Sam Chief"]}
    with pytest.raises(StaleEdit):
        services.party_update(
            actor=nhs_lead,
            party=party,
            signatory_name="Too late",
            signatory_job_title="Chief executive",
            expected_version=1,
        )


def test_update_refuses_a_blank_signatory(parties, nhs_lead):
    with pytest.raises(ValidationError):
        services.party_update(
            actor=nhs_lead,
            party=parties[0],
            signatory_name="",
            signatory_job_title="",
            expected_version=None,
        )
    parties[0].refresh_from_db()
    assert parties[0].signatory_name == "Alex Signer"


def test_remove_unsigned_party(parties, nhs_lead, nhs_org):
    services.party_remove(actor=nhs_lead, party=parties[0])
    assert list(AgreementParty.objects.values_list("organisation", flat=True)) == [
        parties[1].organisation_id
    ]
    event = AuditEvent.objects.get(action="agreement.party_removed")
    assert event.changes["organisation"] == [nhs_org.name, None]


def test_a_signed_party_cannot_be_removed(parties, nhs_lead):
    _sign(nhs_lead, parties[0])
    with pytest.raises(ValidationError) as refused:
        services.party_remove(actor=nhs_lead, party=parties[0])
    assert "already signed" in refused.value.messages[0]
    assert AgreementParty.objects.count() == 2


def test_signature_is_audited(parties, nhs_lead):
    result = _sign(nhs_lead, parties[0])
    assert not result.all_signed
    assert signed_on(parties[0]) == SIGNED
    event = AuditEvent.objects.get(action="agreement.party_signed")
    act = SignOffAct.objects.get(document="agreement-signature")
    assert (act.act, act.body, act.organisation, act.actor) == (
        "sign",
        "partner",
        parties[0].organisation,
        nhs_lead,
    )
    assert act.statement.startswith("Alex Signer, Chief executive signed the Agreement")
    assert act.content_hash == agreement_hash(parties[0].agreement)
    assert event.changes["signed_on"] == [None, SIGNED.isoformat()]
    assert event.changes["signatory"] == [None, "Alex Signer, Chief executive"]
    assert (event.object_id, event.project_id) == (str(act.pk), act.project_id)


def test_the_same_signature_again_records_nothing(parties, nhs_lead):
    _sign(nhs_lead, parties[0])
    version = AgreementParty.objects.get(pk=parties[0].pk).row_version
    _sign(nhs_lead, parties[0])
    assert SignOffAct.objects.filter(document="agreement-signature").count() == 1
    assert AuditEvent.objects.filter(action="agreement.party_signed").count() == 1
    assert AgreementParty.objects.get(pk=parties[0].pk).row_version == version


def test_a_corrected_date_is_a_new_act_and_the_latest_stands(parties, nhs_lead):
    _sign(nhs_lead, parties[0])
    _sign(nhs_lead, parties[0], when=dt.date(2026, 3, 1))
    assert SignOffAct.objects.filter(document="agreement-signature").count() == 2
    assert signed_on(parties[0]) == dt.date(2026, 3, 1)
    latest = AuditEvent.objects.filter(action="agreement.party_signed").order_by("-sequence")[0]
    assert latest.changes["signed_on"] == [SIGNED.isoformat(), "2026-03-01"]


def test_changing_the_terms_after_signing_asks_for_the_signature_again(parties, nhs_lead, in_setup):
    """A signature is bound to the terms signed: changed terms are not signed by anyone."""
    _sign(nhs_lead, parties[0])
    assert agreement_unsigned_parties(in_setup) == (parties[1].organisation.name,)
    services.agreement_save(
        actor=nhs_lead, project=in_setup, fields={"benefits": "Changed"}, expected_version=None
    )
    assert signed_on(parties[0]) is None
    assert len(agreement_unsigned_parties(in_setup) or ()) == 2
    # The old act stays on the record.
    assert SignOffAct.objects.filter(document="agreement-signature").count() == 1


def test_signature_dates_cannot_be_in_the_future(parties, nhs_lead):
    with pytest.raises(ValidationError) as refused:
        _sign(nhs_lead, parties[0], when=dt.date(2026, 3, 3), today=dt.date(2026, 3, 2))
    assert "cannot be in the future" in refused.value.message_dict["signed_on"][0]
    assert signed_on(parties[0]) is None


def test_stale_signature_is_refused(parties, nhs_lead):
    with pytest.raises(StaleEdit):
        services.party_sign(actor=nhs_lead, party=parties[0], signed_on=SIGNED, expected_version=9)


def test_last_signature_in_setup_does_not_move_the_project(parties, nhs_lead, in_setup):
    _sign(nhs_lead, parties[0])
    result = _sign(nhs_lead, parties[1])
    assert result.all_signed
    assert not result.moved
    assert result.blocked is None
    in_setup.refresh_from_db()
    assert in_setup.state == "setup"


def test_last_signature_keeps_the_signature_when_the_gate_blocks(parties, nhs_lead, in_setup):
    move_to(in_setup, "pid_approved")
    _sign(nhs_lead, parties[0])
    result = _sign(nhs_lead, parties[1])
    assert result.all_signed
    assert not result.moved
    assert result.blocked is not None
    assert "PID-BEFORE-AGREEMENT" in {r.rule.id for r in result.blocked.failed_blockers}
    in_setup.refresh_from_db()
    assert in_setup.state == "pid_approved"
    assert signed_on(parties[1]) == SIGNED
    assert not ProjectTransition.objects.filter(name="sign_agreement").exists()


def test_last_signature_moves_the_project_on_when_the_gate_passes(
    parties, nhs_lead, industry_lead, in_setup, monkeypatch
):
    # The gate's own rules are tested with the rules engine; here it is made to pass.
    monkeypatch.setattr(
        partnership_services, "gate_report", lambda project, gate, today=None: GateReport(gate, ())
    )
    move_to(in_setup, "pid_approved")
    first = _sign(nhs_lead, parties[0])
    assert not first.moved
    result = _sign(industry_lead, parties[1])
    assert result.moved
    in_setup.refresh_from_db()
    assert in_setup.state == "agreement_signed"
    step = ProjectTransition.objects.get(name="sign_agreement")
    assert step.actor == industry_lead
    assert (step.from_state, step.to_state) == ("pid_approved", "agreement_signed")


def test_signing_after_delivery_starts_is_refused(parties, nhs_lead, in_setup):
    move_to(in_setup, "in_delivery")
    with pytest.raises(ValidationError):
        _sign(nhs_lead, parties[0])
    assert signed_on(parties[0]) is None


def test_the_company_signing_alone_does_not_move_the_project(
    in_setup, nhs_lead, pharma_org, monkeypatch
):
    monkeypatch.setattr(
        partnership_services, "gate_report", lambda project, gate, today=None: GateReport(gate, ())
    )
    move_to(in_setup, "pid_approved")
    result = _sign(nhs_lead, add_party(nhs_lead, in_setup, pharma_org))
    assert not result.all_signed
    assert not result.moved
    in_setup.refresh_from_db()
    assert in_setup.state == "pid_approved"


def test_signed_before_the_pid_is_approved_moves_on_when_the_pid_is_approved(
    parties, nhs_lead, industry_lead, in_setup, monkeypatch
):
    """No "Mark agreement signed" step: the PID's last approval takes it, as the button did."""
    from types import SimpleNamespace

    from triplewin.pid.services import decisions as pid_decisions

    _sign(nhs_lead, parties[0])
    assert _sign(industry_lead, parties[1]).all_signed
    in_setup.refresh_from_db()
    assert in_setup.state == "setup"
    # The PID's sign-off and the gates' own rules are tested in their apps; here the PID's
    # last approval is taken as given and the gates are made to pass.
    real_gate_report = partnership_services.gate_report
    monkeypatch.setattr(
        partnership_services, "gate_report", lambda project, gate, today=None: GateReport(gate, ())
    )
    monkeypatch.setattr(pid_decisions, "pid_status", lambda project: SimpleNamespace(approved=True))
    pid_decisions._advance(industry_lead, in_setup, None)

    in_setup.refresh_from_db()
    assert in_setup.state == "agreement_signed"
    steps = ProjectTransition.objects.filter(project=in_setup).order_by("pk")
    assert [(s.name, s.actor) for s in steps] == [
        ("approve_pid", industry_lead),
        ("sign_agreement", industry_lead),
    ]
    event = AuditEvent.objects.get(action="project.sign_agreement")
    assert event.changes["state"] == ["pid_approved", "agreement_signed"]
    # The rules, run for real, see the agreement as signed by every partner.
    report = real_gate_report(in_setup, "agreement_signed")
    [signed] = [r for r in report.results if r.rule.id == "AGREEMENT-SIGNED-BY-ALL"]
    assert not signed.failed


def test_the_pid_approved_before_every_party_signed_stays_pid_approved(
    parties, nhs_lead, in_setup, monkeypatch
):
    from types import SimpleNamespace

    from triplewin.pid.services import decisions as pid_decisions

    _sign(nhs_lead, parties[0])
    monkeypatch.setattr(
        partnership_services, "gate_report", lambda project, gate, today=None: GateReport(gate, ())
    )
    monkeypatch.setattr(pid_decisions, "pid_status", lambda project: SimpleNamespace(approved=True))
    pid_decisions._advance(nhs_lead, in_setup, None)
    in_setup.refresh_from_db()
    assert in_setup.state == "pid_approved"
    assert not ProjectTransition.objects.filter(name="sign_agreement").exists()
