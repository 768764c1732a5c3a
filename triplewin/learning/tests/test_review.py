"""The after-action review: structured entries, changed only by the partnership leads."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from triplewin.audit.models import AuditEvent
from triplewin.learning import services
from triplewin.learning.models import ReviewEntry
from triplewin.partnerships.errors import StaleEdit

pytestmark = pytest.mark.django_db

ENTRY = {
    "topic": "Recruiting practices",
    "principle": "stakeholders",
    "planned": "Twelve practices signed up in the first quarter.",
    "happened": "Eight signed up; four joined six months late.",
    "why": "Two practice managers left and winter pressures delayed the rest.",
    "sustain": "Visiting each practice in person.",
    "improve": "Agree cover for practice managers before starting.",
}


def test_add_change_and_remove_an_entry(project, nhs_lead):
    entry = services.review_entry_add(actor=nhs_lead, project=project, fields=ENTRY)
    assert entry.recorded_by == nhs_lead
    services.review_entry_update(
        actor=nhs_lead,
        project=project,
        entry_id=entry.pk,
        fields={"happened": "Nine signed up."},
        expected_version=entry.row_version,
    )
    entry.refresh_from_db()
    assert (entry.happened, entry.row_version) == ("Nine signed up.", 2)
    with pytest.raises(StaleEdit):
        services.review_entry_update(
            actor=nhs_lead,
            project=project,
            entry_id=entry.pk,
            fields={"happened": "Ten."},
            expected_version=1,
        )
    services.review_entry_delete(actor=nhs_lead, project=project, entry_id=entry.pk)
    assert not ReviewEntry.objects.exists()
    actions = list(
        AuditEvent.objects.filter(project_id=project.pk, action__startswith="review.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["review.entry_added", "review.entry_changed", "review.entry_removed"]
    removed = AuditEvent.objects.get(action="review.entry_removed")
    assert removed.changes["topic"] == [ENTRY["topic"], None]


def test_the_plan_what_happened_and_why_are_required(project, nhs_lead):
    with pytest.raises(ValidationError) as error:
        services.review_entry_add(
            actor=nhs_lead, project=project, fields={**ENTRY, "why": " ", "principle": "made_up"}
        )
    assert set(error.value.message_dict) == {"why", "principle"}
    assert not ReviewEntry.objects.exists()


def test_only_partnership_leads_write(project, nhs_lead, governance_member, oversight):
    entry = services.review_entry_add(actor=nhs_lead, project=project, fields=ENTRY)
    for user in (governance_member, oversight):
        with pytest.raises(PermissionDenied):
            services.review_entry_add(actor=user, project=project, fields=ENTRY)
        with pytest.raises(PermissionDenied):
            services.review_entry_delete(actor=user, project=project, entry_id=entry.pk)
    assert ReviewEntry.objects.count() == 1


def test_an_entry_of_another_project_is_refused(project, nhs_lead, nhs_org, pharma_org):
    from tests import factories

    other = factories.project(actor=nhs_lead, lead=nhs_org, partners=[pharma_org], title="Other")
    entry = services.review_entry_add(actor=nhs_lead, project=other, fields=ENTRY)
    with pytest.raises(ValidationError, match="not part of this project"):
        services.review_entry_delete(actor=nhs_lead, project=project, entry_id=entry.pk)
    assert ReviewEntry.objects.filter(pk=entry.pk).exists()
