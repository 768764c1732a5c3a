"""Outcomes summary services: draft, edit, certify, approve, publish, and their refusals."""

from __future__ import annotations

import datetime as dt
import sys
import types

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from triplewin.audit.models import AuditEvent
from triplewin.documents.models import CertifiedCopy
from triplewin.outcomes import services
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.selectors import (
    certification_holds,
    fully_approved,
    kpi_results,
    outcomes_published_on,
    published_outcomes,
    summary_hash,
)
from triplewin.outcomes.tests import builders
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db


def _summary(project):
    return OutcomesSummary.objects.get(project=project)


def _acts(project, act):
    return SignOffAct.objects.on("outcomes", "outcomes").filter(project=project, act=act)


def _fake_kpis(monkeypatch, rows):
    module = types.ModuleType("triplewin.kpis.selectors")
    module.kpi_summary_for_outcomes = lambda project: rows  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "triplewin.kpis.selectors", module)


# Drafting


def test_cannot_draft_before_completion(people, nhs_lead):
    project = builders.in_delivery(ended_on=timezone.localdate(), **people)
    with pytest.raises(ValidationError, match="delivery has ended"):
        services.outcomes_generate(actor=nhs_lead, project=project)
    assert not OutcomesSummary.objects.exists()


def test_only_partnership_leads_draft(completed, governance_member, oversight):
    for user in (governance_member, oversight):
        with pytest.raises(PermissionDenied):
            services.outcomes_generate(actor=user, project=completed)
    assert not OutcomesSummary.objects.exists()


def test_draft_is_filled_from_the_records(completed, nhs_lead, nhs_org, pharma_org, monkeypatch):
    _fake_kpis(
        monkeypatch,
        [
            {
                "name": "Reviews completed",
                "category": "Delivery",
                "unit": "reviews",
                "baseline": "0 reviews",
                "latest": "412 reviews",
                "met": "Met",
            },
            {"name": "Admissions", "target": "a tenth fewer"},
        ],
    )
    services.outcomes_generate(actor=nhs_lead, project=completed)
    s = _summary(completed)
    assert s.status == "draft"
    assert s.partners.splitlines() == [
        f"{nhs_org.name} (Lead NHS partner)",
        f"{pharma_org.name} (Lead industry partner)",
    ]
    start, end = completed.actual_start, completed.actual_end
    assert s.duration == f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y} (12 months)"
    assert builders.PUBLISHED_AIMS["objectives"] in s.overview
    assert s.results.splitlines() == [
        "KPI results:",
        "- Reviews completed (Delivery): baseline 0 reviews; latest 412 reviews. Met.",
        "- Admissions: target a tenth fewer.",
    ]
    assert s.outcomes_patients == ""
    assert s.generated_on == timezone.localdate()
    event = AuditEvent.objects.get(action="outcomes.generated")
    assert event.changes["status"] == [None, "draft"]


def test_draft_without_kpi_results_leaves_results_to_the_partners(completed, nhs_lead, monkeypatch):
    monkeypatch.setitem(sys.modules, "triplewin.kpis.selectors", None)
    assert kpi_results(completed) is None
    services.outcomes_generate(actor=nhs_lead, project=completed)
    assert _summary(completed).results == ""


def test_kpi_results_need_the_kpi_selector(completed, monkeypatch):
    monkeypatch.setitem(
        sys.modules, "triplewin.kpis.selectors", types.ModuleType("triplewin.kpis.selectors")
    )
    assert kpi_results(completed) is None
    _fake_kpis(monkeypatch, [])
    assert kpi_results(completed) == []


def test_redrafting_keeps_what_the_partners_wrote(drafted, nhs_lead, signatory):
    services.outcomes_certify(actor=signatory, project=drafted, expected_version=None)
    services.outcomes_generate(actor=nhs_lead, project=drafted)
    s = _summary(drafted)
    assert s.scaling == builders.JUDGEMENTS["scaling"]
    # Nothing drafted changed, so the certification stands.
    assert certification_holds(drafted)


# Editing


def test_edit_refuses_stale_and_overlong_text(drafted, nhs_lead):
    with pytest.raises(StaleEdit):
        services.outcomes_save(
            actor=nhs_lead, project=drafted, fields={"overview": "X"}, expected_version=999
        )
    with pytest.raises(ValidationError) as error:
        services.outcomes_save(
            actor=nhs_lead, project=drafted, fields={"duration": "x" * 300}, expected_version=None
        )
    assert "duration" in error.value.message_dict
    assert _summary(drafted).overview != "X"


def test_edit_without_a_summary_is_refused(completed, nhs_lead):
    with pytest.raises(ValidationError, match="Draft the outcomes summary"):
        services.outcomes_save(
            actor=nhs_lead, project=completed, fields={"overview": "X"}, expected_version=None
        )


def test_changing_certified_text_withdraws_certification_and_approvals(approved, nhs_lead):
    assert fully_approved(approved)
    services.outcomes_save(
        actor=nhs_lead, project=approved, fields={"scaling": "Not yet."}, expected_version=None
    )
    assert not certification_holds(approved)
    assert not fully_approved(approved)
    event = AuditEvent.objects.filter(action="outcomes.saved").latest("id")
    assert event.changes["scaling"] == [builders.JUDGEMENTS["scaling"], "Not yet."]


# Certification


def test_only_an_industry_signatory_certifies(drafted, nhs_lead, industry_lead, signatory):
    for user in (nhs_lead, industry_lead):
        with pytest.raises(ValidationError, match="certification signatory"):
            services.outcomes_certify(actor=user, project=drafted, expected_version=None)
    assert not _acts(drafted, "certify").exists()
    services.outcomes_certify(actor=signatory, project=drafted, expected_version=None)
    act = _acts(drafted, "certify").get()
    assert (act.actor, act.role, timezone.localdate(act.at)) == (
        signatory,
        "certification_signatory",
        timezone.localdate(),
    )
    assert act.content_hash == summary_hash(_summary(drafted))
    services.outcomes_certify(actor=signatory, project=drafted, expected_version=None)
    assert _acts(drafted, "certify").count() == 1  # a repeat records nothing


def test_incomplete_summary_cannot_be_certified(completed, nhs_lead, signatory):
    services.outcomes_generate(actor=nhs_lead, project=completed)
    with pytest.raises(
        ValidationError, match=r"Missing: .*Outcomes for patients; Outcomes for the NHS"
    ):
        services.outcomes_certify(actor=signatory, project=completed, expected_version=None)
    assert not _acts(completed, "certify").exists()


# Approval


def test_approval_needs_certification(drafted, nhs_lead):
    with pytest.raises(ValidationError, match="once it is certified"):
        services.outcomes_decide(
            actor=nhs_lead,
            project=drafted,
            body="project_team",
            organisation=None,
            decision="approve",
            expected_version=None,
        )
    assert not SignOffAct.objects.on("outcomes").decisions().exists()


def test_who_may_approve_for_whom(certified, oversight, governance_member, nhs_org, pharma_org):
    with pytest.raises(ValidationError, match="chair or the project manager"):
        services.outcomes_decide(
            actor=oversight,
            project=certified,
            body="project_team",
            organisation=None,
            decision="approve",
            expected_version=None,
        )
    with pytest.raises(ValidationError, match="governance committee of"):
        services.outcomes_decide(
            actor=governance_member,
            project=certified,
            body="governance_committee",
            organisation=nhs_org,
            decision="approve",
            expected_version=None,
        )
    assert not SignOffAct.objects.on("outcomes").decisions().exists()
    services.outcomes_decide(
        actor=governance_member,
        project=certified,
        body="governance_committee",
        organisation=pharma_org,
        decision="approve",
        expected_version=None,
    )
    assert SignOffAct.objects.on("outcomes").decisions().get().organisation == pharma_org


def test_rejection_needs_a_reason_and_blocks_publication(certified, nhs_lead, committees):
    decide = {
        "actor": nhs_lead,
        "project": certified,
        "body": "project_team",
        "organisation": None,
        "decision": "reject",
        "expected_version": None,
    }
    with pytest.raises(ValidationError) as error:
        services.outcomes_decide(**decide)
    assert "reason" in error.value.message_dict
    builders.approve_all(certified, team=nhs_lead, committees=committees)
    services.outcomes_decide(**decide, reason="The results are overstated.")
    assert not fully_approved(certified)
    event = AuditEvent.objects.get(action="outcomes.rejected")
    assert event.changes["reason"] == [None, "The results are overstated."]


def test_repeated_approval_adds_nothing(certified, nhs_lead, industry_lead):
    for user in (nhs_lead, industry_lead):
        services.outcomes_decide(
            actor=user,
            project=certified,
            body="project_team",
            organisation=None,
            decision="approve",
            expected_version=None,
        )
    assert SignOffAct.objects.on("outcomes").decisions().count() == 1


# Publication


def test_publish_needs_every_approval(certified, nhs_lead, wired):
    with pytest.raises(ValidationError, match="Still to do: approval by the project team"):
        services.outcomes_publish(actor=nhs_lead, project=certified, expected_version=None)
    assert _summary(certified).published_on is None
    assert not _acts(certified, "publish").exists()


def test_governance_members_cannot_publish(approved, governance_member, wired):
    with pytest.raises(PermissionDenied):
        services.outcomes_publish(actor=governance_member, project=approved, expected_version=None)
    assert _summary(approved).published_on is None


def test_publishing_moves_the_project_on_and_freezes_the_summary(
    approved, nhs_lead, signatory, wired
):
    assert published_outcomes(approved) is None
    services.outcomes_publish(actor=nhs_lead, project=approved, expected_version=None)
    s = _summary(approved)
    today = timezone.localdate()
    assert (s.status, s.published_on) == ("published", today)
    act = _acts(approved, "publish").get()
    assert (act.actor, act.role, act.content_hash) == (
        nhs_lead,
        "partnership_lead",
        summary_hash(s),
    )
    # Publishing froze the certified PDF of exactly this text.
    copy = CertifiedCopy.objects.get(version__project=approved, version__document="outcomes")
    assert copy.version.source_hash == summary_hash(s)
    approved.refresh_from_db()
    assert approved.state == "outcomes_published"
    assert published_outcomes(approved) == s
    assert outcomes_published_on(approved) == today
    assert published_outcomes(approved, today - dt.timedelta(days=1)) is None
    assert AuditEvent.objects.filter(action="project.publish_outcomes").exists()
    for attempt in (
        lambda: services.outcomes_save(
            actor=nhs_lead, project=approved, fields={"overview": "X"}, expected_version=None
        ),
        lambda: services.outcomes_generate(actor=nhs_lead, project=approved),
        lambda: services.outcomes_certify(actor=signatory, project=approved, expected_version=None),
    ):
        with pytest.raises(ValidationError):
            attempt()
    assert _summary(approved).overview != "X"


def test_blocked_publication_is_rolled_back(approved, nhs_lead, monkeypatch):
    # Stands in for any rule at the publication gate failing after the summary's own checks.
    builders.wire_facts(monkeypatch, published_override=None)
    with pytest.raises(GateBlocked) as blocked:
        services.outcomes_publish(actor=nhs_lead, project=approved, expected_version=None)
    assert [r.rule.id for r in blocked.value.report.failed_blockers] == ["OUTCOMES-PUBLISHED"]
    s = _summary(approved)
    assert (s.status, s.published_on) == ("draft", None)
    assert not _acts(approved, "publish").exists()
    assert not CertifiedCopy.objects.exists()
    approved.refresh_from_db()
    assert approved.state == "completed"
    assert published_outcomes(approved) is None
    assert not AuditEvent.objects.filter(action="outcomes.published").exists()
