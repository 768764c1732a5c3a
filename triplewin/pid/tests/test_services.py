"""PID services: editing, versions, certification, approvals and the automatic step."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests import factories
from triplewin.audit.models import AuditEvent, ImmutableRecord
from triplewin.partnerships import services as project_services
from triplewin.partnerships.errors import StaleEdit
from triplewin.pid import services
from triplewin.pid.models import (
    Pid,
    PidPartyResponsibility,
    PidVersion,
)
from triplewin.pid.selectors import pid_status
from triplewin.pid.tests.builders import PID_TEXT, join_team, sign_agreement, sign_off
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db


def _decide(user, project, version, *, org=None, decision="approve", reason=""):
    return services.pid_decide(
        actor=user,
        project=project,
        version_number=version.number,
        body="project_team" if org is None else "governance_committee",
        organisation=org,
        decision=decision,
        reason=reason,
    )


# Editing


def test_save_records_before_and_after(in_setup, nhs_lead):
    pid = services.pid_save(
        actor=nhs_lead, project=in_setup, fields={"objectives": "First"}, expected_version=None
    )
    services.pid_save(
        actor=nhs_lead,
        project=in_setup,
        fields={"objectives": "Second"},
        expected_version=pid.row_version,
    )
    event = AuditEvent.objects.filter(action="pid.saved").order_by("id").last()
    assert event is not None
    assert event.changes == {"objectives": ["First", "Second"]}
    assert Pid.objects.get(project=in_setup).row_version == 3


def test_save_refuses_stale_version(in_setup, nhs_lead):
    services.pid_save(
        actor=nhs_lead, project=in_setup, fields={"objectives": "A"}, expected_version=None
    )
    with pytest.raises(StaleEdit):
        services.pid_save(
            actor=nhs_lead, project=in_setup, fields={"objectives": "B"}, expected_version=99
        )
    assert Pid.objects.get(project=in_setup).objectives == "A"


def test_save_refuses_bad_methodology_and_writes_nothing(in_setup, nhs_lead):
    with pytest.raises(ValidationError) as error:
        services.pid_save(
            actor=nhs_lead,
            project=in_setup,
            fields={"methodology": "waterfall"},
            expected_version=None,
        )
    assert "methodology" in error.value.message_dict
    assert not Pid.objects.exists()
    assert not AuditEvent.objects.filter(action="pid.saved").exists()


def test_save_refuses_unknown_fields(in_setup, nhs_lead):
    with pytest.raises(TypeError):
        services.pid_save(
            actor=nhs_lead, project=in_setup, fields={"state": "x"}, expected_version=None
        )


def test_pid_cannot_be_written_before_the_concept_is_approved(project, nhs_lead):
    with pytest.raises(ValidationError, match="once the concept is approved"):
        services.pid_save(actor=nhs_lead, project=project, fields=PID_TEXT, expected_version=None)
    assert not Pid.objects.exists()


def test_pid_is_frozen_once_the_agreement_is_signed(approved, nhs_lead):
    sign_agreement(approved)
    with pytest.raises(ValidationError, match="frozen once the agreement is signed"):
        services.pid_save(
            actor=nhs_lead, project=approved, fields={"objectives": "Later"}, expected_version=None
        )


def test_responsibilities_saved_per_partner_and_audited(in_setup, nhs_lead, nhs_org):
    services.pid_responsibilities_save(
        actor=nhs_lead,
        project=in_setup,
        texts={nhs_org.pk: "Hand back data"},
        expected_version=None,
    )
    assert PidPartyResponsibility.objects.get().text == "Hand back data"
    event = AuditEvent.objects.get(action="pid.responsibilities_saved")
    assert event.changes == {nhs_org.name: [None, "Hand back data"]}


def test_responsibilities_for_a_non_partner_are_refused(in_setup, nhs_lead, other_org):
    with pytest.raises(ValidationError, match="not a partner"):
        services.pid_responsibilities_save(
            actor=nhs_lead,
            project=in_setup,
            texts={other_org.pk: "Anything"},
            expected_version=None,
        )
    assert not PidPartyResponsibility.objects.exists()


# Versions


def test_submit_refuses_and_lists_missing_sections(in_setup, nhs_lead):
    services.pid_save(
        actor=nhs_lead, project=in_setup, fields={"objectives": "Only this"}, expected_version=None
    )
    with pytest.raises(ValidationError) as error:
        services.pid_submit(actor=nhs_lead, project=in_setup)
    message = error.value.messages[0]
    assert "Exit strategy" in message
    assert "Project team" in message
    assert "Contributions" in message
    assert not PidVersion.objects.exists()


def test_submit_without_a_pid_is_refused(in_setup, nhs_lead):
    with pytest.raises(ValidationError, match="Write the PID"):
        services.pid_submit(actor=nhs_lead, project=in_setup)


def test_submit_freezes_the_assembly(submitted, nhs_lead):
    assert submitted.number == 1
    assert len(submitted.content_hash) == 64
    titles = [s["title"] for s in submitted.snapshot["sections"]]
    assert "Project team" in titles
    assert AuditEvent.objects.filter(action="pid.version_submitted").count() == 1
    with pytest.raises(ValidationError, match="already holds exactly this content"):
        services.pid_submit(actor=nhs_lead, project=submitted.project)
    with pytest.raises(ImmutableRecord):
        submitted.save()


def test_submit_only_during_setup(complete_pid, nhs_lead):
    project_services.project_import_history(
        actor=None,
        project=complete_pid,
        steps=[("approve_pid", timezone.localdate())],
        reason="Test: imported",
    )
    sign_agreement(complete_pid)
    with pytest.raises(ValidationError, match="before the agreement is signed"):
        services.pid_submit(actor=nhs_lead, project=complete_pid)


# Certification


def test_only_an_industry_signatory_may_certify(
    submitted, industry_lead, governance_member, nhs_lead, nhs_org, signatory
):
    project = submitted.project
    nhs_signatory = factories.member(
        "nhs.signatory@example.test", nhs_org, "certification_signatory"
    )
    for user in (industry_lead, governance_member, nhs_lead, nhs_signatory):
        with pytest.raises(ValidationError, match="certification signatory"):
            services.pid_certify(actor=user, project=project, version_number=1)
    assert not SignOffAct.objects.on("pid").certifications().exists()
    record = services.pid_certify(actor=signatory, project=project, version_number=1)
    assert record.content_hash == submitted.content_hash
    assert record.organisation is not None
    assert record.organisation.is_pharmaceutical
    again = services.pid_certify(actor=signatory, project=project, version_number=1)
    assert again.pk == record.pk
    assert AuditEvent.objects.filter(action="pid.certified").count() == 1
    assert pid_status(project).certified is True


def test_certifying_content_that_changed_is_refused(submitted, nhs_lead, signatory):
    project = submitted.project
    services.pid_save(
        actor=nhs_lead, project=project, fields={"objectives": "Changed"}, expected_version=None
    )
    with pytest.raises(ValidationError, match="changed since version 1"):
        services.pid_certify(actor=signatory, project=project, version_number=1)
    assert not SignOffAct.objects.on("pid").certifications().exists()


def test_deciding_on_a_replaced_version_is_refused(submitted, nhs_lead):
    project = submitted.project
    services.pid_save(
        actor=nhs_lead, project=project, fields={"objectives": "Changed"}, expected_version=None
    )
    services.pid_submit(actor=nhs_lead, project=project)
    with pytest.raises(ValidationError, match="replaced by version 2"):
        _decide(nhs_lead, project, submitted)


# Approvals


def test_team_approval_by_chair_or_project_manager_only(
    complete_pid, nhs_lead, industry_lead, nhs_org
):
    analyst = factories.member("analyst@example.test", nhs_org, "partnership_lead")
    join_team(complete_pid, nhs_lead, analyst, nhs_org, "analyst")
    version = services.pid_submit(actor=nhs_lead, project=complete_pid)
    with pytest.raises(ValidationError) as error:
        _decide(analyst, complete_pid, version)
    assert "chair or the project manager" in error.value.message_dict["body"][0]
    assert not SignOffAct.objects.on("pid").decisions().exists()
    record = _decide(industry_lead, complete_pid, version)
    assert record.body == "project_team"
    assert record.organisation is None
    assert record.content_hash == version.content_hash


def test_committee_approval_by_seat_or_governance_membership(
    submitted, nhs_governance, governance_member, nhs_org, pharma_org, nhs_lead, industry_lead
):
    project = submitted.project
    _decide(nhs_governance, project, submitted, org=nhs_org)
    # A governance member of the company with no named seat may also decide for it.
    unseated = factories.member(
        "second.governance@example.test",
        pharma_org,
        "governance_member",
        function="legal_compliance",
    )
    _decide(unseated, project, submitted, org=pharma_org)
    assert SignOffAct.objects.on("pid").decisions().filter(body="governance_committee").count() == 2
    for user, org in (
        (nhs_lead, nhs_org),
        (industry_lead, pharma_org),
        (nhs_governance, pharma_org),
    ):
        with pytest.raises(ValidationError, match="governance committee"):
            _decide(user, project, submitted, org=org)


def test_outsiders_and_non_partner_committees_are_refused(submitted, outsider, other_org, nhs_lead):
    project = submitted.project
    with pytest.raises(ValidationError):
        _decide(outsider, project, submitted)
    with pytest.raises(ValidationError, match="partner organisation"):
        _decide(nhs_lead, project, submitted, org=other_org)
    assert not SignOffAct.objects.on("pid").decisions().exists()


def test_reject_needs_a_reason_and_latest_decision_counts(
    wired, submitted, nhs_lead, signatory, committees
):
    project = submitted.project
    with pytest.raises(ValidationError) as error:
        _decide(nhs_lead, project, submitted, decision="reject")
    assert "reason" in error.value.message_dict
    _decide(nhs_lead, project, submitted, decision="reject", reason="Exit plan too vague")
    assert AuditEvent.objects.filter(action="pid.rejected").count() == 1
    sign_off(project, signatory=signatory, team=nhs_lead, committees=committees)
    # sign_off approves for the team after the rejection; the latest decision counts.
    assert project.state == "pid_approved"
    assert list(
        SignOffAct.objects.on("pid")
        .decisions()
        .filter(body="project_team")
        .values_list("act", flat=True)
    ) == ["reject", "approve"]


def test_repeated_approval_is_idempotent(submitted, nhs_lead, industry_lead):
    project = submitted.project
    first = _decide(nhs_lead, project, submitted)
    second = _decide(industry_lead, project, submitted)
    assert first.pk == second.pk
    assert AuditEvent.objects.filter(action="pid.approved").count() == 1


def test_approval_rows_cannot_change(submitted, nhs_lead):
    record = _decide(nhs_lead, submitted.project, submitted)
    record.reason = "Edited"
    with pytest.raises(ImmutableRecord):
        record.save()
    with pytest.raises(ImmutableRecord):
        record.delete()


def test_last_sign_off_moves_project_to_pid_approved(
    wired, submitted, nhs_lead, signatory, committees, governance_member
):
    project = submitted.project
    sign_off(project, signatory=signatory, team=nhs_lead, committees=committees)
    assert project.state == "pid_approved"
    transition = project.transitions.get(to_state="pid_approved")
    assert transition.actor == governance_member  # the company's committee decided last
    status = pid_status(project)
    assert (status.certified, status.approved, status.changed_since_approval) == (True, True, False)


def test_certification_can_be_the_last_sign_off(wired, submitted, nhs_lead, signatory, committees):
    project = submitted.project
    _decide(nhs_lead, project, submitted)
    for org, user in committees.items():
        _decide(user, project, submitted, org=org)
    project.refresh_from_db()
    assert project.state == "setup"
    services.pid_certify(actor=signatory, project=project, version_number=1)
    project.refresh_from_db()
    assert project.state == "pid_approved"


def test_blocked_gate_keeps_the_approval_and_the_state(submitted, nhs_lead, signatory, committees):
    # Without the stand-in facts the Stage 2 team and plan rules still block the gate.
    project = submitted.project
    sign_off(project, signatory=signatory, team=nhs_lead, committees=committees)
    assert project.state == "setup"
    assert SignOffAct.objects.on("pid").decisions().count() == 3
    assert pid_status(project).approved is True
    assert not project.transitions.filter(to_state="pid_approved").exists()


def test_change_after_approval_needs_a_new_version_and_new_approvals(
    approved, nhs_lead, signatory, committees, nhs_org
):
    services.pid_save(
        actor=nhs_lead,
        project=approved,
        fields={"patient_confidentiality": "Counts only, never names."},
        expected_version=None,
    )
    status = pid_status(approved)
    assert status.approved is False
    assert status.changed_since_approval is True
    approved.refresh_from_db()
    assert approved.state == "pid_approved"
    second = services.pid_submit(actor=nhs_lead, project=approved, note="Tighter wording")
    assert pid_status(approved).changed_since_approval is True
    sign_off(approved, signatory=signatory, team=nhs_lead, committees=committees)
    status = pid_status(approved)
    assert (status.approved, status.changed_since_approval) == (True, False)
    assert SignOffAct.objects.on("pid").decisions().filter(version=second.number).count() == 3
    assert approved.transitions.filter(to_state="pid_approved").count() == 1


def test_team_change_after_approval_is_noticed(approved, nhs_lead, nhs_org):
    analyst = factories.member("analyst@example.test", nhs_org, "partnership_lead")
    join_team(approved, nhs_lead, analyst, nhs_org, "analyst")
    assert pid_status(approved).changed_since_approval is True
