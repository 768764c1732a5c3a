"""The outcomes summary's certification and publication move into the engine and back."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.migrations import migrate
from triplewin.outcomes import services
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.selectors import summary_hash
from triplewin.signoff.models import SignOffAct

BEFORE = [("outcomes", "0002_sign_off_in_the_engine")]
AFTER = [("outcomes", "0003_certification_and_publication_in_the_engine")]
KEPT = (
    *("project_id", "subject", "version", "content_hash", "act", "body", "organisation_id"),
    *("role", "actor_id", "actor_label"),
)


def _kept(*acts: str) -> list[tuple[object, ...]]:
    """What the old fields can hold of each act: everything but the time of day and statement."""
    return sorted(
        (*a[:-1], timezone.localdate(a[-1]))
        for a in SignOffAct.objects.on("outcomes").filter(act__in=acts).values_list(*KEPT, "at")
    )


@pytest.mark.django_db(transaction=True)
def test_certification_and_publication_survive_the_move_both_ways(
    wired, approved, signatory, nhs_lead
):
    services.outcomes_publish(actor=nhs_lead, project=approved, expected_version=None)
    digest = summary_hash(OutcomesSummary.objects.get(project=approved))
    original = _kept("certify", "publish")
    approvals = _kept("approve")
    assert [row[4] for row in original] == ["certify", "publish"]

    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("outcomes", "OutcomesSummary")
    summary = old.objects.get(project_id=approved.pk)
    today = timezone.localdate()
    assert (
        summary.status,
        summary.certified_by_id,
        summary.certified_on,
        summary.certified_hash,
        summary.published_by_id,
        summary.published_on,
    ) == ("published", signatory.pk, today, digest, nhs_lead.pk, today)
    # The approvals stay in the engine: they moved there in 0002.
    assert _kept("certify", "publish") == []
    assert _kept("approve") == approvals

    migrate(AFTER)
    assert _kept("certify", "publish") == original
    assert _kept("approve") == approvals
