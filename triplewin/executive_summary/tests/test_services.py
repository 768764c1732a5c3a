"""Executive summary services: draft from the PID, edit, certify, publish."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from triplewin.audit.models import AuditEvent
from triplewin.executive_summary import services
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.executive_summary.selectors import (
    certification_holds,
    publication,
    sign_off_state,
    summary_certified,
    summary_hash,
)
from triplewin.partnerships import services as project_services
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.pid.tests import builders
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db


def _summary(project):
    return ExecutiveSummary.objects.get(project=project)


def _acts(project, act):
    return SignOffAct.objects.on("summary", "summary").filter(project=project, act=act)


# Drafting


def test_cannot_draft_before_the_pid_is_approved(submitted, nhs_lead):
    with pytest.raises(ValidationError, match="drafted from the approved PID"):
        services.summary_generate(actor=nhs_lead, project=submitted.project)
    assert not ExecutiveSummary.objects.exists()


def test_draft_is_filled_from_the_approved_pid(drafted, nhs_org, pharma_org):
    s = _summary(drafted)
    assert s.status == "draft"
    assert s.generated_from.number == 1
    assert s.title == drafted.title
    assert s.rationale.startswith("Many people with heart failure")
    assert s.objectives == builders.PID_TEXT["objectives"]
    assert s.benefits_nhs == "Fewer emergency admissions."
    assert s.period == "Starting Quarter 2 2027, for 12 months"
    assert "Funding for the search tool" in s.financial_arrangements
    assert "£20,000" in s.financial_arrangements
    assert f"{nhs_org.name}: Nhs Tester" in s.contacts
    # The PID builder names the company's lead, as PARTNER-NAMED-LEAD expects (ADR 0019).
    assert f"{pharma_org.name}: Industry Tester" in s.contacts
    assert "Nhs Tester (Test Hospitals NHS Trust): Chair" in s.roles
    assert s.publication_plans
    event = AuditEvent.objects.get(action="summary.generated")
    assert event.changes["status"] == [None, "draft"]


def test_redrafting_withdraws_certification(drafted, nhs_lead, signatory):
    services.summary_save(
        actor=nhs_lead, project=drafted, fields={"title": "Edited title"}, expected_version=None
    )
    services.summary_certify(actor=signatory, project=drafted, expected_version=None)
    services.summary_generate(actor=nhs_lead, project=drafted)  # back to the PID's title
    s = _summary(drafted)
    assert s.status == "draft"
    # The certification stays on record, bound to the old text; it no longer holds.
    assert _acts(drafted, "certify").get().content_hash != summary_hash(s)
    assert not certification_holds(drafted)


# Editing


def test_edit_a_draft(drafted, nhs_lead):
    s = _summary(drafted)
    services.summary_save(
        actor=nhs_lead,
        project=drafted,
        fields={"title": "Heart failure case-finding"},
        expected_version=s.row_version,
    )
    assert _summary(drafted).title == "Heart failure case-finding"
    event = AuditEvent.objects.get(action="summary.saved")
    assert event.changes == {"title": [drafted.title, "Heart failure case-finding"]}


def test_edit_refuses_stale_version(drafted, nhs_lead):
    with pytest.raises(StaleEdit):
        services.summary_save(
            actor=nhs_lead, project=drafted, fields={"title": "X"}, expected_version=999
        )
    assert _summary(drafted).title == drafted.title


def test_edit_refuses_overlong_text(drafted, nhs_lead):
    with pytest.raises(ValidationError) as error:
        services.summary_save(
            actor=nhs_lead, project=drafted, fields={"period": "x" * 300}, expected_version=None
        )
    assert "period" in error.value.message_dict
    assert _summary(drafted).period != "x" * 300


def test_edit_without_a_summary_is_refused(approved, nhs_lead):
    with pytest.raises(ValidationError, match="Draft the summary"):
        services.summary_save(
            actor=nhs_lead, project=approved, fields={"title": "X"}, expected_version=None
        )


def test_editing_a_certified_summary_returns_it_to_draft(drafted, nhs_lead, signatory):
    services.summary_certify(actor=signatory, project=drafted, expected_version=None)
    assert summary_certified(drafted) is True
    services.summary_save(
        actor=nhs_lead, project=drafted, fields={"roles": "Shorter roles"}, expected_version=None
    )
    assert _summary(drafted).status == "draft"
    assert summary_certified(drafted) is False
    state = sign_off_state(drafted)
    assert state is not None
    assert state.outstanding == (
        "Certification by the certification signatory of an industry partner",
    )


def test_saving_identical_text_keeps_certification(drafted, nhs_lead, signatory):
    services.summary_certify(actor=signatory, project=drafted, expected_version=None)
    s = _summary(drafted)
    services.summary_save(
        actor=nhs_lead, project=drafted, fields={"title": s.title}, expected_version=None
    )
    assert certification_holds(drafted)


# Certification


def test_only_an_industry_signatory_certifies(
    drafted, industry_lead, governance_member, nhs_lead, signatory
):
    for user in (industry_lead, governance_member, nhs_lead):
        with pytest.raises(ValidationError, match="certification signatory"):
            services.summary_certify(actor=user, project=drafted, expected_version=None)
    assert not _acts(drafted, "certify").exists()
    services.summary_certify(actor=signatory, project=drafted, expected_version=None)
    act = _acts(drafted, "certify").get()
    assert (act.actor, act.role, timezone.localdate(act.at)) == (
        signatory,
        "certification_signatory",
        timezone.localdate(),
    )
    assert act.content_hash == summary_hash(_summary(drafted))
    assert "Project Executive Summary" in act.statement
    event = AuditEvent.objects.get(action="summary.certified")
    assert event.changes["content_hash"] == [None, act.content_hash]


def test_certifying_twice_records_one_act(drafted, signatory):
    services.summary_certify(actor=signatory, project=drafted, expected_version=None)
    services.summary_certify(actor=signatory, project=drafted, expected_version=None)
    assert _acts(drafted, "certify").count() == 1


def test_incomplete_summary_cannot_be_certified(drafted, nhs_lead, signatory):
    services.summary_save(
        actor=nhs_lead, project=drafted, fields={"rationale": ""}, expected_version=None
    )
    with pytest.raises(ValidationError, match="Missing: Rationale"):
        services.summary_certify(actor=signatory, project=drafted, expected_version=None)


def test_a_fresh_draft_is_not_certified(drafted):
    assert summary_certified(drafted) is False


def test_summary_certified_is_none_without_a_summary(project):
    assert summary_certified(project) is None


# Publication


def test_publish_needs_certification(signed, nhs_lead):
    with pytest.raises(ValidationError, match="Only a certified summary"):
        services.summary_publish(actor=nhs_lead, project=signed, expected_version=None)
    assert _summary(signed).published_on is None


def test_publish_needs_a_signed_agreement(drafted, nhs_lead, signatory):
    services.summary_certify(actor=signatory, project=drafted, expected_version=None)
    with pytest.raises(ValidationError, match="agreement"):
        services.summary_publish(actor=nhs_lead, project=drafted, expected_version=None)
    assert _summary(drafted).published_on is None


def test_publishing_moves_the_project_on_and_freezes_the_summary(signed, nhs_lead, signatory):
    services.summary_certify(actor=signatory, project=signed, expected_version=None)
    services.summary_publish(actor=nhs_lead, project=signed, expected_version=None)
    s = _summary(signed)
    assert (s.status, s.published_on) == ("published", timezone.localdate())
    act = _acts(signed, "publish").get()
    assert (act.actor, act.role, act.content_hash) == (
        nhs_lead,
        "partnership_lead",
        summary_hash(s),
    )
    assert publication(signed) is not None
    signed.refresh_from_db()
    assert signed.state == "summary_published"
    assert ExecutiveSummary.objects.published().filter(pk=s.pk).exists()
    for attempt in (
        lambda: services.summary_save(
            actor=nhs_lead, project=signed, fields={"title": "X"}, expected_version=None
        ),
        lambda: services.summary_generate(actor=nhs_lead, project=signed),
        lambda: services.summary_certify(actor=signatory, project=signed, expected_version=None),
    ):
        with pytest.raises(ValidationError, match="published"):
            attempt()
    assert _summary(signed).title == signed.title


def test_blocked_publication_is_rolled_back(signed, nhs_lead, signatory, monkeypatch):
    services.summary_certify(actor=signatory, project=signed, expected_version=None)
    # Stands in for any rule at the publication gate failing after the summary's own checks.
    builders.wire_facts(monkeypatch, summary_certified_override=False)
    with pytest.raises(GateBlocked) as blocked:
        services.summary_publish(actor=nhs_lead, project=signed, expected_version=None)
    assert [r.rule.id for r in blocked.value.report.failed_blockers] == ["SUMMARY-CERTIFIED"]
    s = _summary(signed)
    assert (s.status, s.published_on) == ("draft", None)
    assert not _acts(signed, "publish").exists()
    signed.refresh_from_db()
    assert signed.state == "agreement_signed"
    assert not AuditEvent.objects.filter(action="summary.published").exists()


def test_starting_delivery_before_publication_is_refused(project, nhs_lead):
    today = timezone.localdate()
    steps = [
        ("start_scoping", today),
        ("approve_concept", today),
        ("start_setup", today),
        ("approve_pid", today),
        ("sign_agreement", today),
        ("publish_summary", today),
    ]
    project_services.project_import_history(
        actor=None, project=project, steps=steps, reason="Test: imported without a summary"
    )
    with pytest.raises(GateBlocked) as blocked:
        project_services.project_transition(actor=nhs_lead, project=project, name="start_delivery")
    assert "SUMMARY-PUBLISHED" in {r.rule.id for r in blocked.value.report.failed_blockers}
    project.refresh_from_db()
    assert project.state == "summary_published"


def test_recording_a_summary_published_elsewhere_still_works(project, nhs_lead):
    s = services.summary_record_published(
        actor=nhs_lead,
        project=project,
        fields={"rationale": "Imported text"},
        certified_on=dt.date(2026, 1, 5),
        published_on=dt.date(2026, 1, 10),
    )
    assert s.status == "published"
    assert summary_certified(project) is True
    assert ExecutiveSummary.objects.published().get() == s
    # The engine holds both acts, on the days given and naming nobody in Triple Win.
    acts = SignOffAct.objects.filter(project=project).order_by("at")
    assert [(a.act, timezone.localdate(a.at), a.actor_id) for a in acts] == [
        ("certify", dt.date(2026, 1, 5), None),
        ("publish", dt.date(2026, 1, 10), None),
    ]
    scheduled = services.summary_record_published(
        actor=nhs_lead,
        project=project,
        fields={},
        certified_on=dt.date(2026, 1, 5),
        published_on=timezone.localdate() + dt.timedelta(days=3),
    )
    assert not ExecutiveSummary.objects.published().filter(pk=scheduled.pk).exists()
