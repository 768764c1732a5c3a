"""The team, governance committees, managed conflicts, objections, contributions and plans."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import User

from triplewin.conflicts import services as conflict_services
from triplewin.conflicts.selectors import project_scope, touching_by_user
from triplewin.contributions import services as contribution_services
from triplewin.demo.data.setup_types import SetupSpec
from triplewin.demo.stage2.lookup import DemoDataError, Lookup
from triplewin.partnerships.models import Project
from triplewin.plans import services as plan_services
from triplewin.team import services as team_services


def _money(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def load_team(spec: SetupSpec, project: Project, actor: User, lookup: Lookup) -> None:
    where = f"The team of {spec.project}"
    for place in spec.team:
        team_services.team_member_add(
            actor=actor,
            project=project,
            user=lookup.user(place.email, where),
            organisation=lookup.org(place.org, where),
            project_role=place.role,
            today=lookup.today,
        )
    for seat in spec.committees:
        team_services.governance_seat_set(
            actor=actor,
            project=project,
            organisation=lookup.org(seat.org, where),
            committee_role=seat.committee_role,
            user=lookup.user(seat.email, where),
        )
    for managed in spec.conflicts:
        person = lookup.user(managed.member, where)
        touching = touching_by_user([person.pk], project_scope(project), lookup.today)
        if person.pk not in touching:
            raise DemoDataError(f"{where}: {managed.member} has no conflict to manage.")
        declaration, _ = touching[person.pk][0]
        conflict_services.conflict_manage(
            actor=lookup.user(managed.recorded_by, where),
            project=project,
            person=person,
            declaration=declaration,
            decision=managed.decision,
            arrangement=managed.arrangement,
            reason=managed.reason,
        )
    for objection in spec.objections:
        raised = team_services.objection_raise(
            actor=lookup.user(objection.raised_by, where),
            project=project,
            member=lookup.member(project, objection.member, where),
            organisation=lookup.org(objection.org, where),
            reason=objection.reason,
        )
        team_services.objection_decide(
            actor=lookup.user(objection.decided_by, where),
            project=project,
            objection=raised,
            outcome=objection.outcome,
            reason=objection.outcome_reason,
            today=lookup.today,
        )


def load_contributions(spec: SetupSpec, project: Project, actor: User, lookup: Lookup) -> None:
    where = f"Contributions to {spec.project}"
    for item in spec.contributions:
        contribution_services.contribution_add(
            actor=actor,
            project=project,
            fields={
                "organisation": lookup.org(item.org, where),
                "kind": item.kind,
                "description": item.description,
                "role": item.role,
                "hours": _money(item.hours),
                "value": _money(item.value),
                "is_funded_post": item.funded_post,
                # A funded post is recorded only when the NHS keeps control of it.
                "under_nhs_control": item.funded_post,
                "exit_strategy": item.exit_strategy,
                "beyond_normal_roles": item.beyond_normal_roles,
                "retention_precautions": item.retention_precautions,
                "employment_law_confirmed": item.funded_post,
            },
        )


def load_plans(spec: SetupSpec, project: Project, actor: User) -> None:
    for plan, entries in spec.plans.items():
        for fields in entries:
            plan_services.plan_entry_add(actor=actor, project=project, plan=plan, fields=fields)
