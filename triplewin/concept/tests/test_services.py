from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.concept import services
from triplewin.partnerships import services as project_services
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.partnerships.models import Project, RiskAcceptance
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db


def _approve(user, project, org, **kwargs):
    return services.concept_decide(
        actor=user, project=project, organisation=org, decision="approve", **kwargs
    )


@pytest.fixture
def ready(project, nhs_lead):
    factories.ready_for_approval(project, nhs_lead)
    return project


def test_every_partner_approving_moves_project_to_concept_approved(
    ready, nhs_lead, industry_lead, nhs_org, pharma_org
):
    _approve(nhs_lead, ready, nhs_org)
    ready.refresh_from_db()
    assert ready.state == "scoping"
    _approve(industry_lead, ready, pharma_org)
    ready.refresh_from_db()
    assert ready.state == "concept_approved"
    transition = ready.transitions.get(to_state="concept_approved")
    assert transition.actor == industry_lead


def test_red_no_blocks_approval_and_records_nothing(project, nhs_lead, nhs_org):
    answers = factories.all_yes_checklist()
    answers["no_inducement"] = "no"
    factories.ready_for_approval(project, nhs_lead, checklist_answers=answers)
    with pytest.raises(GateBlocked) as blocked:
        _approve(nhs_lead, project, nhs_org)
    ids = {r.rule.id for r in blocked.value.report.failed_blockers}
    assert "RED-NO-INDUCEMENT" in ids
    assert "TYPE-MATCHES-CHECKLIST" in ids
    assert not SignOffAct.objects.on("concept").exists()


def test_incomplete_concept_blocks_approval(project, nhs_lead, nhs_org):
    project_services.project_transition(actor=nhs_lead, project=project, name="start_scoping")
    with pytest.raises(GateBlocked) as blocked:
        _approve(nhs_lead, project, nhs_org)
    assert "CONCEPT-COMPLETE" in {r.rule.id for r in blocked.value.report.failed_blockers}


def test_failing_risks_need_acceptance(project, nhs_lead, nhs_org):
    answers = factories.all_yes_checklist()
    answers["recognised_template"] = "no"
    factories.ready_for_approval(project, nhs_lead, checklist_answers=answers)
    with pytest.raises(GateBlocked) as blocked:
        _approve(nhs_lead, project, nhs_org)
    assert [r.rule.id for r in blocked.value.unaccepted] == ["AMBER-RECOGNISED-TEMPLATE"]
    _approve(
        nhs_lead,
        project,
        nhs_org,
        risk_reasons={"AMBER-RECOGNISED-TEMPLATE": "Legal will adapt the trust's own template"},
    )
    acceptance = RiskAcceptance.objects.get()
    assert acceptance.accepted_by == nhs_lead
    assert acceptance.gate == "concept_approved"


def test_edit_after_approval_needs_reapproval(ready, nhs_lead, industry_lead, nhs_org, pharma_org):
    _approve(nhs_lead, ready, nhs_org)
    _approve(industry_lead, ready, pharma_org)
    services.concept_save(
        actor=nhs_lead,
        project=ready,
        fields={"objectives": "Review 800 patients"},
        contributions={},
        expected_version=None,
    )
    ready.refresh_from_db()
    with pytest.raises(GateBlocked) as blocked:
        project_services.project_transition(actor=nhs_lead, project=ready, name="start_setup")
    assert [r.rule.id for r in blocked.value.report.failed_blockers] == ["CONCEPT-UNCHANGED"]
    _approve(nhs_lead, ready, nhs_org)
    _approve(industry_lead, ready, pharma_org)
    project_services.project_transition(actor=nhs_lead, project=ready, name="start_setup")
    ready.refresh_from_db()
    assert ready.state == "setup"


def test_decision_binds_exact_content(ready, nhs_lead, nhs_org):
    decision = _approve(nhs_lead, ready, nhs_org)
    assert decision.snapshot is not None
    assert decision.snapshot["objectives"] == factories.CONCEPT_TEXT["objectives"]
    assert len(decision.content_hash) == 64
    with pytest.raises(StaleEdit):
        _approve(nhs_lead, ready, nhs_org, expected_hash="0" * 64)


def test_reject_needs_reason_and_blocks(ready, nhs_lead, industry_lead, nhs_org, pharma_org):
    with pytest.raises(ValidationError):
        services.concept_decide(
            actor=industry_lead,
            project=ready,
            organisation=pharma_org,
            decision="reject",
            reason="",
        )
    services.concept_decide(
        actor=industry_lead,
        project=ready,
        organisation=pharma_org,
        decision="reject",
        reason="Budget too small",
    )
    _approve(nhs_lead, ready, nhs_org)
    ready.refresh_from_db()
    assert ready.state == "scoping"
    from triplewin.audit.models import AuditEvent

    assert AuditEvent.objects.filter(action="concept.rejected").count() == 1


def test_cannot_decide_for_non_partner(ready, outsider, other_org):
    with pytest.raises(ValidationError):
        _approve(outsider, ready, other_org)


def test_repeat_approval_is_idempotent(ready, nhs_lead, nhs_org):
    first = _approve(nhs_lead, ready, nhs_org)
    second = _approve(nhs_lead, ready, nhs_org)
    assert first.pk == second.pk
    assert AuditEvent.objects.filter(action="concept.approved").count() == 1


def test_contribution_for_non_partner_refused(ready, nhs_lead, other_org):
    with pytest.raises(ValidationError):
        services.concept_save(
            actor=nhs_lead,
            project=ready,
            fields={},
            contributions={other_org.pk: ("Money", Decimal(5))},
            expected_version=None,
        )


@pytest.mark.django_db(transaction=True)
def test_simultaneous_final_approvals_make_one_transition(
    project, nhs_lead, industry_lead, governance_member, nhs_org, pharma_org
):
    factories.ready_for_approval(project, nhs_lead)
    _approve(nhs_lead, project, nhs_org)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def approve(user):
        try:
            barrier.wait()
            _approve(user, Project.objects.get(pk=project.pk), pharma_org)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=approve, args=(u,)) for u in (industry_lead, governance_member)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    project.refresh_from_db()
    assert project.state == "concept_approved"
    assert project.transitions.filter(to_state="concept_approved").count() == 1
    assert AuditEvent.objects.filter(action="project.approve_concept").count() == 1
    assert SignOffAct.objects.on("concept").filter(organisation=pharma_org).count() == 1


def test_decider_must_hold_a_decision_role_at_the_organisation(
    ready, oversight, industry_lead, nhs_org
):
    with pytest.raises(ValidationError):
        _approve(oversight, ready, nhs_org)
    with pytest.raises(ValidationError):
        _approve(industry_lead, ready, nhs_org)
    assert not SignOffAct.objects.on("concept").exists()


# Issue 13 item 10: the checklist is bound to what was approved. Seed: NHS Confederation/ABPI
# guidance (2024), stage 1: the checklist decides the type, and the concept framework is
# approved by all parties; a later change needs their approval again.
def test_changing_a_checklist_answer_after_approval_needs_approval_again(
    ready, nhs_lead, industry_lead, nhs_org, pharma_org
):
    from triplewin.concept.selectors import approval_state
    from triplewin.partnerships.facts import build_facts
    from triplewin.scoping import services as scoping

    _approve(nhs_lead, ready, nhs_org)
    _approve(industry_lead, ready, pharma_org)
    decision = SignOffAct.objects.on("concept").filter(organisation=nhs_org).get()
    assert decision.snapshot is not None
    assert decision.snapshot["checklist"]["no_inducement"] == "yes"
    ready.refresh_from_db()
    assert approval_state(ready, ready.concept).all_approved
    answers = {**factories.all_yes_checklist(), "recognised_template": "no"}
    scoping.checklist_save(actor=nhs_lead, project=ready, answers=answers, expected_version=None)
    state = approval_state(ready, ready.concept)
    assert not state.all_approved
    assert set(state.pending) == {nhs_org.name, pharma_org.name}
    assert build_facts(ready).concept_changed_since_approval


def test_decision_made_before_the_checklist_was_bound_still_counts(
    ready, nhs_lead, industry_lead, nhs_org, pharma_org
):
    from triplewin.concept.selectors import (
        ADDED_LATER,
        approval_state,
        concept_snapshot,
        content_hash,
    )

    _approve(nhs_lead, ready, nhs_org)
    _approve(industry_lead, ready, pharma_org)
    ready.refresh_from_db()
    # Rewrite the decisions as they were stored before issue 13 (an upgrade, not an edit).
    legacy = {
        k: v for k, v in concept_snapshot(ready, ready.concept).items() if k not in ADDED_LATER
    }
    SignOffAct.objects.on("concept").update(snapshot=legacy, content_hash=content_hash(legacy))
    assert approval_state(ready, ready.concept).all_approved
    ready.concept.benefit_nhs = "Something else"
    ready.concept.save()
    assert not approval_state(ready, ready.concept).all_approved


# Issue 13 item 1. Seed: NHS Confederation/ABPI guidance (2024): benefits to companies can
# include more patients being identified and prescribed for in line with national and local
# guidelines; recorded openly under the benefits to industry.
def test_expected_effect_on_prescribing_is_required_and_approved(project, nhs_lead, nhs_org):
    from triplewin.concept.selectors import concept_snapshot, missing_parts

    factories.ready_for_approval(project, nhs_lead)
    project.refresh_from_db()
    assert "expected_prescribing_effect" in concept_snapshot(project, project.concept)
    project.concept.expected_prescribing_effect = ""
    project.concept.save()
    assert "Expected effect on prescribing" in (missing_parts(project, project.concept) or ())
