"""The executive summary's certification and publication move into the engine and back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests import factories
from tests.migrations import migrate
from triplewin.executive_summary import services
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.executive_summary.selectors import summary_hash
from triplewin.partnerships.models import Project
from triplewin.signoff.models import SignOffAct

BEFORE = [("executive_summary", "0003_website_publication")]
AFTER = [("executive_summary", "0004_certification_and_publication_in_the_engine")]
KEPT = (
    *("project_id", "subject", "version", "content_hash", "act", "body", "organisation_id"),
    *("role", "actor_id", "actor_label"),
)


def _kept() -> list[tuple[object, ...]]:
    """What the old fields can hold of each act: everything but the time of day and statement."""
    return sorted(
        (*a[:-1], timezone.localdate(a[-1]))
        for a in SignOffAct.objects.on("summary").values_list(*KEPT, "at")
    )


def _status(project: Project) -> str:
    """Read at migration 0004, so only the columns that existed then (not `search_text`)."""
    status: str = (
        ExecutiveSummary.objects.filter(project=project).values_list("status", flat=True).get()
    )
    return status


@pytest.mark.django_db(transaction=True)
def test_certification_and_publication_survive_the_move_both_ways(
    signed, signatory, nhs_lead, nhs_org, pharma_org
):
    project = factories.project(
        actor=nhs_lead, lead=nhs_org, partners=[pharma_org], title="Imported partnership"
    )
    services.summary_certify(actor=signatory, project=signed, expected_version=None)
    services.summary_publish(actor=nhs_lead, project=signed, expected_version=None)
    services.summary_record_published(
        actor=nhs_lead,
        project=project,
        fields={"rationale": "Imported text"},
        certified_on=dt.date(2026, 1, 5),
        published_on=dt.date(2026, 1, 10),
    )
    digest = summary_hash(ExecutiveSummary.objects.get(project=signed))
    original = _kept()
    assert len(original) == 4

    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model(
        "executive_summary", "ExecutiveSummary"
    )
    published = old.objects.get(project_id=signed.pk)
    today = timezone.localdate()
    assert (
        published.status,
        published.certified_by_id,
        published.certified_on,
        published.certified_hash,
        published.published_by_id,
        published.published_on,
    ) == ("published", signatory.pk, today, digest, nhs_lead.pk, today)
    imported = old.objects.get(project_id=project.pk)
    # Imported: nobody named, no hash kept, as `summary_record_published` always stored it.
    assert (
        imported.certified_by_id,
        imported.certified_on,
        imported.certified_hash,
        imported.published_on,
    ) == (None, dt.date(2026, 1, 5), "", dt.date(2026, 1, 10))
    assert not SignOffAct.objects.on("summary").exists()

    migrate(AFTER)
    assert _kept() == original
    assert _status(signed) == "published"


@pytest.mark.django_db(transaction=True)
def test_a_certified_draft_keeps_its_status_both_ways(drafted, signatory):
    services.summary_certify(actor=signatory, project=drafted, expected_version=None)
    original = _kept()

    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model(
        "executive_summary", "ExecutiveSummary"
    )
    assert old.objects.get(project_id=drafted.pk).status == "certified"

    migrate(AFTER)
    assert _kept() == original
    assert _status(drafted) == "draft"
