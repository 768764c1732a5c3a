"""The parties' signatures move into the sign-off engine without loss, and back."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.migrations import migrate
from triplewin.agreement import services
from triplewin.agreement.selectors import agreement_hash, agreement_unsigned_parties
from triplewin.agreement.tests.conftest import add_party, signed_on
from triplewin.signoff.models import SignOffAct

BEFORE = [("agreement", "0002_safeguard_clauses")]
AFTER = [("agreement", "0003_signatures_in_the_engine")]
KEPT = (
    *("project_id", "document", "subject", "version", "content_hash", "act", "body"),
    *("organisation_id", "role", "actor_id", "actor_label", "statement", "at"),
)


def _kept() -> list[tuple[object, ...]]:
    return sorted(SignOffAct.objects.on("agreement-signature").values_list(*KEPT), key=str)


@pytest.mark.django_db(transaction=True)
def test_signatures_survive_the_move_both_ways(in_setup, nhs_lead, nhs_org, pharma_org):
    services.agreement_save(
        actor=nhs_lead, project=in_setup, fields={"benefits": "Shared"}, expected_version=None
    )
    nhs = add_party(nhs_lead, in_setup, nhs_org)
    company = add_party(nhs_lead, in_setup, pharma_org, signatory_name="Sam Chief")
    services.party_sign(
        actor=nhs_lead, party=nhs, signed_on=dt.date(2026, 1, 5), expected_version=None
    )
    original = _kept()
    assert len(original) == 1

    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Party = old.get_model("agreement", "AgreementParty")
    assert dict(Party.objects.values_list("organisation_id", "signed_on")) == {
        nhs_org.pk: dt.date(2026, 1, 5),
        pharma_org.pk: None,
    }
    assert not SignOffAct.objects.on("agreement-signature").exists()
    # A signature recorded under the old schema (no audit event) moves too.
    Party.objects.filter(pk=company.pk).update(signed_on=dt.date(2026, 1, 7))

    migrate(AFTER)
    moved = _kept()
    assert original[0] in moved
    assert len(moved) == 2
    act = SignOffAct.objects.get(organisation=pharma_org)
    assert act.actor is None
    assert act.statement.startswith("Sam Chief, Chief executive signed the Agreement")
    assert act.content_hash == agreement_hash(nhs.agreement)
    # The engine reads the moved rows as the app did the old field.
    assert signed_on(company) == dt.date(2026, 1, 7)
    assert signed_on(nhs) == dt.date(2026, 1, 5)
    assert agreement_unsigned_parties(in_setup) == ()
