"""Writes: drafting from a finished project, editing, publishing, withdrawing, discarding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.core.library import records as rec
from triplewin.library import selectors, services
from triplewin.library.models import CaseStudy, Party
from triplewin.partnerships.errors import StaleEdit

pytestmark = pytest.mark.django_db


def test_draft_is_written_from_the_projects_records(draft, finished, nhs_org, pharma_org, icb):
    assert draft.project == finished
    assert draft.status == "draft"
    assert draft.published_at is None
    assert draft.title == finished.title
    assert draft.summary == finished.summary
    assert draft.setting == "primary"
    assert draft.working_type == "cw"
    assert selectors.tag_codes(draft, "therapy") == ("cardiovascular",)
    assert "case_finding" in selectors.tag_codes(draft, "intervention")
    assert draft.icb == icb.name
    assert "undiagnosed heart failure" in draft.objectives
    assert "Intended benefits to patients: Earlier diagnosis" in draft.objectives
    assert "found late, in hospital" in draft.background
    assert draft.what_was_done == "The trust runs the clinics."
    parties = {p.organisation: p for p in Party.objects.filter(case_study=draft)}
    assert set(parties) == {nhs_org, pharma_org}
    assert parties[pharma_org].sector == "industry"
    assert parties[pharma_org].contribution == "Analyst time from Test Pharma Ltd"
    assert [s.title for s in draft.sources.all()] == [
        "Executive summary on the Triple Win public register"
    ]
    assert AuditEvent.objects.filter(action="case_study.created", project_id=finished.pk).exists()


def test_drafting_twice_returns_the_same_draft(draft, finished, nhs_lead):
    assert services.case_study_draft_from_project(actor=nhs_lead, project=finished) == draft
    assert CaseStudy.objects.count() == 1


def test_only_finished_projects_can_be_drafted(project, nhs_lead):
    with pytest.raises(ValidationError, match="outcomes summary is published"):
        services.case_study_draft_from_project(actor=nhs_lead, project=project)


@pytest.mark.parametrize("who", ["governance_member", "oversight", "outsider"])
def test_only_the_projects_leads_can_draft(finished, roles, who):
    with pytest.raises(PermissionDenied):
        services.case_study_draft_from_project(actor=roles[who], project=finished)


def test_publishing_needs_the_missing_parts_first(draft, nhs_lead, industry_lead):
    with pytest.raises(
        ValidationError, match=r"^\['Before publishing, add at least one outcome\.'\]$"
    ):
        services.case_study_publish(actor=nhs_lead, case_study=draft)
    study = services.case_study_update(
        actor=industry_lead,
        case_study=draft,
        fields={"what_was_done": "Searches and clinics.", "what_happened_next": "sustained"},
        therapy_areas=["cardiovascular"],
        interventions=["case_finding"],
        expected_version=draft.row_version,
    )
    study = services.case_study_save_outcomes(
        actor=industry_lead,
        case_study=study,
        outcomes=[rec.Outcome("People diagnosed", "people", Decimal(0), Decimal(40), "2024")],
        expected_version=study.row_version,
    )
    published = services.case_study_publish(actor=industry_lead, case_study=study)
    assert published.is_published
    assert published.published_at is not None
    event = AuditEvent.objects.filter(action="case_study.published").get()
    assert event.changes["status"] == ["draft", "published"]
    assert event.project_id == draft.project_id


def test_edits_are_audited_with_before_and_after(draft, nhs_lead):
    services.case_study_update(
        actor=nhs_lead,
        case_study=draft,
        fields={"title": "Heart failure found early"},
        therapy_areas=["cardiovascular", "diabetes"],
        interventions=[],
        expected_version=None,
    )
    event = AuditEvent.objects.filter(action="case_study.updated").get()
    assert event.changes["title"] == [draft.title, "Heart failure found early"]
    assert event.changes["therapy_areas"] == [["cardiovascular"], ["cardiovascular", "diabetes"]]
    assert event.actor == nhs_lead


def test_a_save_that_changes_nothing_is_not_audited(draft, nhs_lead):
    before = AuditEvent.objects.count()
    services.case_study_save_sources(
        actor=nhs_lead,
        case_study=draft,
        sources=selectors.as_record(draft).sources,
        expected_version=draft.row_version,
    )
    assert AuditEvent.objects.count() == before
    assert CaseStudy.objects.get(pk=draft.pk).row_version == draft.row_version


def test_stale_edits_are_refused(draft, nhs_lead, industry_lead):
    version = draft.row_version
    services.case_study_save_lessons(
        actor=industry_lead,
        case_study=draft,
        lessons=[rec.Lesson("Agree data flows first", "data_sharing")],
        expected_version=version,
    )
    with pytest.raises(StaleEdit):
        services.case_study_save_lessons(
            actor=nhs_lead, case_study=draft, lessons=[], expected_version=version
        )
    assert CaseStudy.objects.get(pk=draft.pk).lessons.count() == 1


def test_rules_are_the_import_rules(draft, nhs_lead):
    with pytest.raises(ValidationError) as error:
        services.case_study_update(
            actor=nhs_lead,
            case_study=draft,
            fields={"nation": "wales", "region": "north_west"},
            therapy_areas=[],
            interventions=[],
            expected_version=None,
        )
    assert set(error.value.message_dict) == {"region", "therapy_areas"}
    with pytest.raises(ValidationError, match="Name at least one partner"):
        services.case_study_save_parties(
            actor=nhs_lead, case_study=draft, parties=[], expected_version=None
        )


def test_partners_link_to_organisations_by_name(draft, nhs_lead, other_org):
    study = services.case_study_save_parties(
        actor=nhs_lead,
        case_study=draft,
        parties=[
            rec.Party("unrelated health foundation trust", "nhs", "Clinics"),
            rec.Party("A charity not in Triple Win", "other", "Patient voice"),
        ],
        expected_version=None,
    )
    linked, free = study.parties.all()
    assert linked.organisation == other_org
    assert linked.name == other_org.name  # the record's own spelling
    assert free.organisation is None


@pytest.mark.parametrize("who", ["governance_member", "oversight", "outsider"])
def test_non_leads_cannot_change_a_study(draft, roles, who):
    with pytest.raises(PermissionDenied):
        services.case_study_save_sources(
            actor=roles[who], case_study=draft, sources=[], expected_version=None
        )


def test_withdraw_and_discard(draft, nhs_lead):
    services.case_study_update(
        actor=nhs_lead,
        case_study=draft,
        fields={"what_was_done": "Clinics.", "outcomes_narrative": "Forty diagnosed."},
        therapy_areas=["cardiovascular"],
        interventions=[],
        expected_version=None,
    )
    published = services.case_study_publish(actor=nhs_lead, case_study=draft)
    with pytest.raises(ValidationError, match="withdraw it first"):
        services.case_study_discard(actor=nhs_lead, case_study=published)
    withdrawn = services.case_study_unpublish(actor=nhs_lead, case_study=published)
    assert withdrawn.status == "draft"
    assert withdrawn.published_at is None
    services.case_study_discard(actor=nhs_lead, case_study=withdrawn)
    assert not CaseStudy.objects.exists()
    assert (
        AuditEvent.objects.filter(action="case_study.discarded").get().changes["title"][1] is None
    )


def test_linking_a_project_allows_only_one_study_per_project(corpus, finished, draft):
    with pytest.raises(ValidationError, match="already has a case study"):
        services.case_study_link_project(
            actor=None, case_study=corpus["logic-copd-hartlepool"], project=finished
        )


def test_seeded_study_without_a_project_cannot_be_drafted_over(corpus, nhs_lead, nhs_org):
    # A lead cannot edit seeded studies: they belong to no project, so only staff can.
    with pytest.raises(PermissionDenied):
        services.case_study_publish(actor=nhs_lead, case_study=corpus["logic-copd-hartlepool"])
    other = factories.project(actor=nhs_lead, lead=nhs_org, title="Unfinished")
    with pytest.raises(ValidationError):
        services.case_study_draft_from_project(actor=nhs_lead, project=other)
