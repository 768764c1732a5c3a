"""Two people completing sign-off at the same moment make exactly one state change."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.partnerships.models import Project
from triplewin.pid import services
from triplewin.signoff.models import SignOffAct


def _race(calls):
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call):
        try:
            barrier.wait()
            call()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def _approve(user, project_pk, org):
    def call():
        services.pid_decide(
            actor=user,
            project=Project.objects.get(pk=project_pk),
            version_number=1,
            body="project_team" if org is None else "governance_committee",
            organisation=org,
            decision="approve",
        )

    return call


def _assert_one_step(project):
    project.refresh_from_db()
    assert project.state == "pid_approved"
    assert project.transitions.filter(to_state="pid_approved").count() == 1
    assert AuditEvent.objects.filter(action="project.approve_pid").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_members_of_the_same_committee_approving_at_once(
    wired, submitted, nhs_lead, signatory, nhs_org, pharma_org, nhs_governance, governance_member
):
    project = submitted.project
    services.pid_certify(actor=signatory, project=project, version_number=1)
    _approve(nhs_lead, project.pk, None)()
    _approve(nhs_governance, project.pk, nhs_org)()
    colleague = factories.member(
        "colleague@example.test", pharma_org, "governance_member", function="legal_compliance"
    )
    _race(
        [
            _approve(governance_member, project.pk, pharma_org),
            _approve(colleague, project.pk, pharma_org),
        ]
    )
    _assert_one_step(project)
    assert SignOffAct.objects.on("pid").decisions().filter(organisation=pharma_org).count() == 1
    assert AuditEvent.objects.filter(action="pid.approved").count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_different_final_approvals_at_once(
    wired, submitted, nhs_lead, signatory, nhs_org, pharma_org, nhs_governance, governance_member
):
    project = submitted.project
    services.pid_certify(actor=signatory, project=project, version_number=1)
    _approve(nhs_lead, project.pk, None)()
    _race(
        [
            _approve(nhs_governance, project.pk, nhs_org),
            _approve(governance_member, project.pk, pharma_org),
        ]
    )
    _assert_one_step(project)
    assert SignOffAct.objects.on("pid").decisions().count() == 3
