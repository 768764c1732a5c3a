"""Builders shared by the PID and executive summary tests; every write goes through a service.

`wire_facts` stands in for the rules facts builder until it reads the PID and summary
selectors (and the other Stage 2 evidence): it fills the PID and summary facts from this
app's selectors and marks the other apps' evidence as passing, so these tests exercise only
the PID and the summary. Remove it once `partnerships.facts.build_facts` provides them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.utils import timezone

from tests import factories
from triplewin.concept import services as concept_services
from triplewin.conflicts import services as conflict_services
from triplewin.contributions import services as contribution_services
from triplewin.executive_summary.selectors import summary_certified
from triplewin.partnerships import facts
from triplewin.partnerships import services as project_services
from triplewin.partnerships.models import Project
from triplewin.pid import services
from triplewin.pid.models import PidVersion
from triplewin.pid.selectors import latest_version, pid_status
from triplewin.team import services as team_services

PID_TEXT: dict[str, str] = {
    "objectives": "Offer a structured review to every flagged patient within the year.",
    "success_what": "At least four in five flagged patients reviewed.",
    "success_measure": "Monthly count from the practice system, checked by the analyst.",
    "success_when": "Every month, and a final count at month 12",
    "success_by_whom": "The project analyst, reporting to the project team",
    "governance_framework": "The project team reports to the trust's internal review committee.",
    "methodology": "lean",
    "methodology_notes": "",
    "meeting_schedule": "Monthly team meetings with minutes circulated within a week.",
    "exit_strategy": "Reviews continue within usual care; the search tool stays with the trust.",
    "patient_confidentiality": "Only aggregated, anonymised counts leave the trust.",
}


def facts_with_stage_two(original: Any, *, summary_certified_override: bool | None = None) -> Any:
    def build(project: Project, today: dt.date | None = None) -> Any:
        built = original(project, today)
        status = pid_status(project)
        return dataclasses.replace(
            built,
            pid_missing_sections=status.missing_sections,
            pid_certified=status.certified,
            pid_approved=status.approved,
            pid_changed_since_approval=status.changed_since_approval,
            summary_certified=(
                summary_certified(project)
                if summary_certified_override is None
                else summary_certified_override
            ),
            team_sales_members=(),
            team_undeclared_members=(),
            team_size=4,
            parties_without_governance_committee=(),
            plans_missing=(),
            parties_without_significant_contribution=(),
            funded_posts_without_exit=(),
        )

    return build


def wire_facts(monkeypatch: Any, **kwargs: Any) -> None:
    monkeypatch.setattr(
        "triplewin.partnerships.services.build_facts",
        facts_with_stage_two(facts.build_facts, **kwargs),
    )


def to_setup(project: Project, nhs_lead: Any, industry_lead: Any) -> Project:
    """Scoped, concept approved by both partners, set-up started."""
    factories.ready_for_approval(project, nhs_lead)
    for partner in project.partners.select_related("organisation"):
        user = industry_lead if partner.organisation.is_pharmaceutical else nhs_lead
        concept_services.concept_decide(
            actor=user, project=project, organisation=partner.organisation, decision="approve"
        )
    project_services.project_transition(actor=nhs_lead, project=project, name="start_setup")
    project.refresh_from_db()
    return project


def join_team(project: Project, actor: Any, user: Any, organisation: Any, role: str) -> None:
    conflict_services.nil_return_make(actor=user)
    team_services.team_member_add(
        actor=actor, project=project, user=user, organisation=organisation, project_role=role
    )


def complete(
    project: Project,
    *,
    nhs_lead: Any,
    industry_lead: Any,
    nhs_governance: Any,
    governance_member: Any,
    nhs_org: Any,
    pharma_org: Any,
) -> Project:
    """Everything the PID draws on is written: team, committees, contributions, own fields."""
    join_team(project, nhs_lead, nhs_lead, nhs_org, "chair")
    join_team(project, nhs_lead, industry_lead, pharma_org, "project_manager")
    team_services.governance_seat_set(
        actor=nhs_lead,
        project=project,
        organisation=nhs_org,
        committee_role="sro",
        user=nhs_governance,
    )
    team_services.governance_seat_set(
        actor=nhs_lead,
        project=project,
        organisation=pharma_org,
        committee_role="legal",
        user=governance_member,
    )
    # The company's committee has its medical or compliance seat too, and the company its named
    # lead, as the guidance describes (ADR 0019).
    team_services.governance_seat_set(
        actor=nhs_lead,
        project=project,
        organisation=pharma_org,
        committee_role="medical_compliance",
        user=factories.member(
            "medical.director@example.test", pharma_org, "team_member", function="medical"
        ),
    )
    project_services.partner_set_lead(
        actor=nhs_lead,
        project=project,
        partner=project.partners.get(organisation=pharma_org),
        lead=industry_lead,
    )
    for org, what in (
        (nhs_org, "Clinic rooms and nurse time"),
        (pharma_org, "Funding for the search tool"),
    ):
        contribution_services.contribution_add(
            actor=nhs_lead,
            project=project,
            fields={
                "organisation": org,
                "kind": "money" if org == pharma_org else "equipment",
                "description": what,
                "value": 20000,
            },
        )
    services.pid_save(actor=nhs_lead, project=project, fields=PID_TEXT, expected_version=None)
    services.pid_responsibilities_save(
        actor=nhs_lead,
        project=project,
        texts={
            nhs_org.pk: "Tell patients under review and return to usual care.",
            pharma_org.pk: "Stop funding at the end of the current quarter.",
        },
        expected_version=None,
    )
    return project


def sign_off(
    project: Project,
    *,
    signatory: Any,
    team: Any,
    committees: dict[Any, Any],
    version: PidVersion | None = None,
) -> None:
    """Certify and approve the latest version by every body."""
    version = version or latest_version(project)
    assert version is not None
    services.pid_certify(actor=signatory, project=project, version_number=version.number)
    services.pid_decide(
        actor=team,
        project=project,
        version_number=version.number,
        body="project_team",
        organisation=None,
        decision="approve",
    )
    for org, user in committees.items():
        services.pid_decide(
            actor=user,
            project=project,
            version_number=version.number,
            body="governance_committee",
            organisation=org,
            decision="approve",
        )
    project.refresh_from_db()


def sign_agreement(project: Project) -> Project:
    """The agreement app is not built yet, so the signature is imported as a past step."""
    project_services.project_import_history(
        actor=None,
        project=project,
        steps=[("sign_agreement", timezone.localdate())],
        reason="Test: agreement signed outside Triple Win.",
    )
    project.refresh_from_db()
    return project
