"""A variation agreement's signature dates move into the sign-off engine without loss."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.migrations import migrate
from triplewin.amendments import services
from triplewin.amendments.models import VariationAgreement
from triplewin.amendments.tests.fixtures import DETAILS, NEW_EXIT, sign_off
from triplewin.signoff.models import SignOffAct

BEFORE = [("amendments", "0002_sign_off_in_the_engine")]
AFTER = [("amendments", "0003_variation_signatures_in_the_engine")]
DOCUMENT = "variation-signature"


def _kept() -> list[tuple[object, ...]]:
    rows = SignOffAct.objects.filter(document=DOCUMENT).values_list(
        "project_id", "subject", "content_hash", "act", "organisation_id", "actor_id", "at"
    )
    return sorted(((*row[:6], timezone.localtime(row[6]).date()) for row in rows), key=str)


@pytest.mark.django_db(transaction=True)
def test_variation_signatures_survive_the_move_both_ways(
    pid_in_delivery, signatory, nhs_lead, committees, nhs_org, pharma_org
):
    amendment = services.amendment_create(
        actor=nhs_lead,
        project=pid_in_delivery,
        fields={**DETAILS, "changes_contract": True, "contract_changes": "Term 18 to 21"},
    )
    services.amendment_change_set(
        actor=nhs_lead, amendment=amendment, field_key="exit_strategy", after=NEW_EXIT
    )
    services.amendment_submit(actor=nhs_lead, amendment=amendment)
    sign_off(amendment, signatory=signatory, team=nhs_lead, committees=committees)
    variation = VariationAgreement.objects.get(amendment=amendment)
    today = timezone.localdate()
    services.variation_signatures_save(
        actor=nhs_lead,
        variation=variation,
        signatures={nhs_org.pk: services.PartySignature("Pat Lead", today)},
        expected_version=None,
    )
    original = _kept()
    assert [(row[4], row[5], row[6]) for row in original] == [(nhs_org.pk, nhs_lead.pk, today)]

    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    dates = dict(
        old.get_model("amendments", "VariationSignature").objects.values_list(
            "organisation_id", "signed_on"
        )
    )
    assert dates == {nhs_org.pk: today, pharma_org.pk: None}
    assert not SignOffAct.objects.filter(document=DOCUMENT).exists()

    migrate(AFTER)
    # Who signed and when, bound to the same text, and the user who recorded it (found from
    # the audit trail), all come back.
    assert _kept() == original
