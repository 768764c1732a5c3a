"""Signatures in the sign-off engine: each party signs once, on the content that stands."""

from __future__ import annotations

import datetime as dt

from triplewin.core import signoff as core

AT = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)
REQ = core.requirements_for("agreement-signature")
TRUST = core.Body(core.BodyKind.PARTNER, 1, "Test Trust")
PHARMA = core.Body(core.BodyKind.PARTNER, 2, "Test Pharma")


def _sign(org: core.Body, content_hash: str = "h1", pk: int = 1, day: int = 2) -> core.ActRecord:
    return core.ActRecord(
        act=core.Act.SIGN,
        body=core.BodyKind.PARTNER,
        organisation_id=org.organisation_id,
        organisation_name=org.organisation_name,
        content_hash=content_hash,
        actor_id=7,
        actor_label="Pat Recorder <pat@trust.nhs.uk>",
        role="",
        statement=core.signature_statement(
            REQ,
            content_hash=content_hash,
            acting_for=org.organisation_name,
            signatory="Sam Chief, Chief executive",
            on=dt.date(2026, 3, day),
        ),
        reason="",
        at=AT.replace(day=day),
        pk=pk,
    )


def _state(*acts: core.ActRecord, live: str = "h1") -> core.VersionSignOff:
    return core.evaluate(REQ, (), acts, content_hash="h1", live_hash=live, signers=(TRUST, PHARMA))


def test_the_agreement_is_signed_by_its_parties_and_nothing_else():
    assert REQ.signed_by_parties
    assert not REQ.certification
    assert REQ.approvals == ()


def test_signed_by_every_party_only_when_each_has_signed():
    one = _state(_sign(TRUST))
    assert not one.signed_by_all
    assert one.unsigned == ("Test Pharma",)
    assert one.outstanding == ("Signature for Test Pharma",)
    assert not one.signed_off
    both = _state(_sign(TRUST), _sign(PHARMA, pk=2))
    assert both.signed_by_all
    assert both.signed_off
    assert both.unsigned == ()


def test_a_signature_on_other_content_does_not_count():
    state = _state(_sign(TRUST, content_hash="old"), _sign(PHARMA, pk=2))
    assert state.unsigned == ("Test Trust",)


def test_the_last_recorded_signature_stands_even_with_an_earlier_date():
    corrected = _sign(TRUST, pk=5, day=1)
    state = _state(_sign(TRUST, pk=1, day=2), corrected)
    assert state.signatures[0].latest == corrected


def test_a_kind_without_signers_needs_no_signature():
    pid = core.evaluate(core.requirements_for("concept"), (), (), content_hash="h", live_hash="h")
    assert pid.signed_by_all
    assert pid.signatures == ()


def test_the_statement_names_the_signatory_the_party_the_date_and_the_text():
    text = _sign(TRUST).statement
    assert text == (
        "Sam Chief, Chief executive signed the Agreement (content fingerprint h1) on behalf "
        "of Test Trust on 2 March 2026."
    )
    assert core.signatory_of(text) == "Sam Chief, Chief executive"
    assert core.signatory_of("I approve the PID.") == ""
