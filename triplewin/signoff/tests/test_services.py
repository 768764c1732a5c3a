"""The one write path for sign-off: who may act, conflicts, stale versions, repeats, audit.

Exercised on the PID, the first document migrated onto the engine; every other document goes
through the same `record_act`.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from triplewin.audit.models import AuditEvent, ImmutableRecord
from triplewin.conflicts.decisions import ConflictRefused
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.core import signoff as core
from triplewin.pid import services as pid
from triplewin.signoff import selectors
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.services import record_act

pytestmark = pytest.mark.django_db

CERTIFY = core.Act.CERTIFY
APPROVE = core.Act.APPROVE
REJECT = core.Act.REJECT


def act(actor: Any, project: Any, kind: core.Act, **kwargs: Any) -> SignOffAct:
    kwargs.setdefault("version", 1)
    return record_act(
        actor=actor, project=project, document="pid", subject="pid", act=kind, **kwargs
    )


def team(actor: Any, project: Any, kind: core.Act = APPROVE, **kwargs: Any) -> SignOffAct:
    return act(actor, project, kind, body="project_team", organisation=None, **kwargs)


def committee(actor: Any, project: Any, org: Any, kind: core.Act = APPROVE, **kw: Any) -> Any:
    return act(actor, project, kind, body="governance_committee", organisation=org, **kw)


# Who may act, each role refused where it has no authority


@pytest.mark.parametrize(
    "role",
    ["nhs_lead", "industry_lead", "governance_member", "team_member", "oversight", "outsider"],
)
def test_only_a_certification_signatory_certifies(submitted, role, request):
    with pytest.raises(ValidationError, match="Only a certification signatory"):
        act(request.getfixturevalue(role), submitted.project, CERTIFY)
    assert not SignOffAct.objects.on("pid").exists()


def test_a_signatory_cannot_certify_for_a_company_they_do_not_sign_for(
    submitted, signatory, nhs_org
):
    with pytest.raises(ValidationError, match="not a certification signatory for"):
        act(signatory, submitted.project, CERTIFY, organisation=nhs_org)


@pytest.mark.parametrize(
    "role", ["industry_lead", "governance_member", "team_member", "oversight", "outsider"]
)
def test_only_the_chair_or_project_manager_decides_for_the_team(submitted, role, request):
    user = request.getfixturevalue(role)
    if role == "industry_lead":
        # The industry lead is the project manager in these fixtures: they may.
        assert team(user, submitted.project).role == core.Role.PROJECT_MANAGER
        return
    with pytest.raises(ValidationError, match="Only the chair or the project manager"):
        team(user, submitted.project)


@pytest.mark.parametrize("role", ["nhs_lead", "industry_lead", "team_member", "outsider"])
def test_only_a_committee_member_decides_for_the_committee(submitted, role, request, pharma_org):
    with pytest.raises(ValidationError, match="do not sit on the governance committee"):
        committee(request.getfixturevalue(role), submitted.project, pharma_org)


def test_a_committee_of_an_organisation_outside_the_project_is_refused(
    submitted, governance_member, other_org
):
    with pytest.raises(ValidationError, match="partner organisation of this project"):
        committee(governance_member, submitted.project, other_org)


def test_a_body_the_document_does_not_need_is_refused(submitted, governance_member, pharma_org):
    # The PID is approved by committees, not by a partner's own decision makers.
    with pytest.raises(ValidationError, match="The PID is not decided on by Test Pharma Ltd"):
        act(governance_member, submitted.project, APPROVE, body="partner", organisation=pharma_org)


def test_acts_the_engine_has_no_authority_rule_for_are_refused(submitted, signatory):
    with pytest.raises(ValidationError, match="not recorded for the PID here"):
        act(signatory, submitted.project, core.Act.PUBLISH)


# What is recorded


def test_a_certification_records_who_for_whom_in_which_role_and_what_they_agreed(
    submitted, signatory, pharma_org
):
    record = act(signatory, submitted.project, CERTIFY)
    assert (record.actor, record.organisation, record.role) == (
        signatory,
        pharma_org,
        "certification_signatory",
    )
    assert record.content_hash == submitted.content_hash
    assert record.version == 1
    assert "version 1 of the Project Initiation Document" in record.statement
    assert submitted.content_hash[:12] in record.statement
    assert f"for {pharma_org.name}" in record.statement


def test_a_team_decision_records_the_chairs_role(submitted, nhs_lead):
    record = team(nhs_lead, submitted.project)
    assert record.role == core.Role.CHAIR
    assert record.organisation is None
    assert "on behalf of the project team" in record.statement


def test_the_act_is_audited_with_the_changes_the_pid_recorded_before(
    submitted, governance_member, pharma_org
):
    record = committee(governance_member, submitted.project, pharma_org)
    event = AuditEvent.objects.get(action="pid.approved")
    assert event.object_id == str(record.pk)
    assert event.project_id == submitted.project.pk
    assert event.changes == {
        "version": [None, 1],
        "body": [None, f"governance_committee: {pharma_org.name}"],
        "decision": [None, "approve"],
        "content_hash": [None, submitted.content_hash],
    }


def test_a_rejection_needs_a_reason(submitted, nhs_lead):
    with pytest.raises(ValidationError, match="Say why the PID is rejected"):
        team(nhs_lead, submitted.project, REJECT, reason="   ")
    assert not SignOffAct.objects.on("pid").exists()
    record = team(nhs_lead, submitted.project, REJECT, reason="The risk log is empty.")
    assert record.reason == "The risk log is empty."


def test_acts_cannot_be_changed_or_deleted(submitted, signatory):
    record = act(signatory, submitted.project, CERTIFY)
    with pytest.raises(ImmutableRecord):
        record.delete()
    with pytest.raises(ImmutableRecord):
        record.save()


# Repeats, stale versions and conflicts


def test_repeating_an_act_records_nothing_new(submitted, signatory, nhs_lead):
    first = act(signatory, submitted.project, CERTIFY)
    assert act(signatory, submitted.project, CERTIFY).pk == first.pk
    approval = team(nhs_lead, submitted.project)
    assert team(nhs_lead, submitted.project).pk == approval.pk
    assert SignOffAct.objects.on("pid").count() == 2
    assert AuditEvent.objects.filter(action__in=["pid.certified", "pid.approved"]).count() == 2


def test_a_changed_decision_is_recorded_and_the_latest_counts(submitted, nhs_lead):
    team(nhs_lead, submitted.project)
    team(nhs_lead, submitted.project, REJECT, reason="Timeline slipped.")
    found = selectors.current(submitted.project, "pid", "pid")
    assert found is not None
    assert found.state.rejected_by == ("Project team",)
    assert SignOffAct.objects.on("pid").count() == 2


def test_an_old_version_is_refused(submitted, signatory, nhs_lead):
    project = submitted.project
    pid.pid_save(
        actor=nhs_lead, project=project, fields={"objectives": "Changed"}, expected_version=None
    )
    pid.pid_submit(actor=nhs_lead, project=project, note="Second")
    with pytest.raises(ValidationError, match="Version 1 has been replaced by version 2"):
        act(signatory, project, CERTIFY, version=1)
    assert act(signatory, project, CERTIFY, version=2).version == 2


def test_a_version_the_live_content_has_left_is_refused(submitted, signatory, nhs_lead):
    project = submitted.project
    pid.pid_save(
        actor=nhs_lead, project=project, fields={"objectives": "Changed"}, expected_version=None
    )
    with pytest.raises(ValidationError, match="The PID has changed since version 1"):
        act(signatory, project, CERTIFY)
    assert not SignOffAct.objects.on("pid").exists()


def test_a_page_opened_on_other_content_is_refused(submitted, signatory):
    with pytest.raises(ValidationError, match="after you opened it"):
        act(signatory, submitted.project, CERTIFY, seen_hash="0" * 64)


def test_nothing_submitted_is_refused(complete_pid, signatory):
    with pytest.raises(ValidationError, match="No version of the PID has been submitted"):
        act(signatory, complete_pid, CERTIFY)


def test_the_conflict_check_runs_before_anything_is_recorded(submitted, signatory, nhs_lead):
    project = checks.conflicted(submitted.project, lead=nhs_lead, person=signatory)
    record = checks.refused_until_managed(
        lambda: act(signatory, project, CERTIFY),
        project=project,
        by=nhs_lead,
        person=signatory,
        decision=DecisionKind.PID_CERTIFICATION,
        action="pid.certified",
        nothing_recorded=lambda: not SignOffAct.objects.on("pid").exists(),
    )
    assert record.actor == signatory


def test_a_conflicted_committee_member_is_refused(
    submitted, governance_member, pharma_org, nhs_lead
):
    project = checks.conflicted(submitted.project, lead=nhs_lead, person=governance_member)
    with pytest.raises(ConflictRefused):
        committee(governance_member, project, pharma_org)
    assert not SignOffAct.objects.on("pid").exists()


# The one answer


def test_the_selector_says_what_is_outstanding_and_then_that_all_is_done(
    submitted, signatory, nhs_lead, committees
):
    project = submitted.project
    found = selectors.current(project, "pid", "pid")
    assert found is not None
    assert found.state.status is core.Status.AWAITING
    assert len(found.state.outstanding) == 4
    act(signatory, project, CERTIFY)
    team(nhs_lead, project)
    for org, member in committees.items():
        committee(member, project, org)
    found = selectors.current(project, "pid", "pid")
    assert found is not None
    assert found.state.status is core.Status.APPROVED
    assert found.state.outstanding == ()
    assert not found.changed_since_sign_off
    assert found.state.certification is not None
    assert found.state.certification.role_label == "Certification signatory"


def test_a_decision_by_someone_with_several_memberships_counts_once_per_body(
    submitted, pharma_org, nhs_org
):
    # A person on both committees decides for each separately.
    both = factories.member(
        "both@example.test", pharma_org, "governance_member", function="medical"
    )
    factories.member("both@example.test", nhs_org, "governance_member")
    committee(both, submitted.project, pharma_org)
    committee(both, submitted.project, nhs_org)
    found = selectors.current(submitted.project, "pid", "pid")
    assert found is not None
    assert [d.approved for d in found.state.decisions] == [False, True, True]
