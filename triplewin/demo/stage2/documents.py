"""The PID, the agreement and the executive summary, each signed off through its own service.

Each last sign-off moves the project on by itself: the last PID approval to "PID approved",
the last signature to "agreement signed", publication to "summary published".
"""

from __future__ import annotations

from django.contrib.auth.models import User

from triplewin.agreement import services as agreement_services
from triplewin.demo.data.setup_types import AgreementSpec, PidSpec, SummarySpec
from triplewin.demo.stage2.lookup import DemoDataError, Lookup
from triplewin.executive_summary import services as summary_services
from triplewin.partnerships.models import Project
from triplewin.pid import services as pid_services
from triplewin.pid.models import Decision


def load_pid(spec: PidSpec, project: Project, actor: User, lookup: Lookup, where: str) -> None:
    pid_services.pid_save(actor=actor, project=project, fields=spec.fields, expected_version=None)
    pid_services.pid_responsibilities_save(
        actor=actor,
        project=project,
        texts={lookup.org(key, where).pk: text for key, text in spec.on_termination.items()},
        expected_version=None,
    )
    if not spec.submitted_by:
        return
    version = pid_services.pid_submit(
        actor=lookup.user(spec.submitted_by, where), project=project, note=spec.note
    )
    if spec.certified_by:
        pid_services.pid_certify(
            actor=lookup.user(spec.certified_by, where),
            project=project,
            version_number=version.number,
            today=lookup.today,
        )
    for approval in spec.approvals:
        pid_services.pid_decide(
            actor=lookup.user(approval.email, where),
            project=project,
            version_number=version.number,
            body=approval.body,
            organisation=lookup.org(approval.org, where) if approval.org else None,
            decision=Decision.APPROVE,
            today=lookup.today,
        )


def load_agreement(
    spec: AgreementSpec, project: Project, actor: User, lookup: Lookup, where: str
) -> None:
    agreement_services.agreement_save(
        actor=actor,
        project=project,
        fields={"agreement_date": lookup.today, **spec.fields},
        expected_version=None,
    )
    parties = [
        agreement_services.party_add(
            actor=actor,
            project=project,
            organisation=lookup.org(signer.org, where),
            signatory_name=signer.name,
            signatory_job_title=signer.job_title,
        )
        for signer in spec.parties
    ]
    if not spec.signed:
        return
    for party in parties:
        result = agreement_services.party_sign(
            actor=actor,
            party=party,
            signed_on=lookup.today,
            expected_version=None,
            today=lookup.today,
        )
    if result.blocked is not None:
        failing = ", ".join(r.rule.id for r in result.blocked.failed_blockers)
        raise DemoDataError(f"{where}: every party signed, but the gate held: {failing}.")


def load_summary(
    spec: SummarySpec, project: Project, actor: User, lookup: Lookup, where: str
) -> None:
    summary_services.summary_generate(actor=actor, project=project)
    if spec.edits:
        summary_services.summary_save(
            actor=actor, project=project, fields=spec.edits, expected_version=None
        )
    summary_services.summary_certify(
        actor=lookup.user(spec.certified_by, where),
        project=project,
        expected_version=None,
        today=lookup.today,
    )
    summary_services.summary_publish(
        actor=lookup.user(spec.published_by, where),
        project=project,
        expected_version=None,
        today=lookup.today,
    )
