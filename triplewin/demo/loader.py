"""Turns the demo content into records, writing every domain record through the services.

Auth users are created directly (they are not domain data); organisations, memberships,
projects and everything on them go through the same services the views use, so the audit log
and the gates behave exactly as they do for real users. Stage 2 records (registers of
interests, teams, plans, meetings, PIDs, agreements and summaries) are built by `stage2` once
every project exists, and stage 3 records (delivery, KPIs, reporting, transfers of value,
amendments, outcomes and learning) by `stage3` after them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from triplewin.concept import services as concept_services
from triplewin.core.lifecycle import State
from triplewin.demo import data
from triplewin.demo.data.real_kpis import REAL_KPIS
from triplewin.demo.data.types import Org, Person, ProjectSpec, Step
from triplewin.demo.identity import load_identity
from triplewin.demo.stage2 import DemoDataError, Lookup, load_registers, load_setup
from triplewin.demo.stage2.registers import load_declaration_round
from triplewin.demo.stage3 import load_stage3
from triplewin.demo.stage3.kpis import load_real_kpis
from triplewin.demo.stage3.websites import record_website_pages
from triplewin.documents.services import document_sync
from triplewin.executive_summary import services as summary_services
from triplewin.organisations import services as org_services
from triplewin.organisations.models import Organisation, Role
from triplewin.partnerships import services as project_services
from triplewin.partnerships.models import Project
from triplewin.scoping import services as scoping_services
from triplewin.team import services as team_services

__all__ = ["DemoDataError", "LoadReport", "already_loaded", "load"]


@dataclass(frozen=True)
class LoadReport:
    organisations: int
    people: int
    projects: int
    states: Mapping[str, int]


def already_loaded() -> bool:
    return User.objects.filter(username=data.ADMIN_EMAIL).exists()


def _pick(table: Mapping[str, Organisation], key: str, where: str) -> Organisation:
    try:
        return table[key]
    except KeyError:
        raise DemoDataError(f"{where} names an unknown organisation {key!r}.") from None


def _person(table: Mapping[str, User], email: str, where: str) -> User:
    try:
        return table[email]
    except KeyError:
        raise DemoDataError(f"{where} names an unknown person {email!r}.") from None


def _create_users(people: Iterable[Person]) -> dict[str, User]:
    # One hash for the shared demo password: hashing it per user would only slow the load.
    hashed = make_password(data.DEMO_PASSWORD)
    users: dict[str, User] = {}
    for person in people:
        user = User.objects.create_user(
            username=person.email,
            email=person.email,
            password=None,
            first_name=person.first_name,
            last_name=person.last_name,
            is_staff=person.superuser,
            is_superuser=person.superuser,
        )
        user.password = hashed
        user.save(update_fields=["password"])
        users[person.email] = user
    return users


def _create_organisations(actor: User, orgs: Iterable[Org]) -> dict[str, Organisation]:
    created: dict[str, Organisation] = {}
    for org in orgs:
        system = _pick(created, org.system, f"Organisation {org.key}") if org.system else None
        created[org.key] = org_services.organisation_create(
            actor=actor,
            name=org.name,
            org_type=org.org_type,
            ods_code=org.ods_code,
            is_legal_entity=org.is_legal_entity,
            system=system,
            region=org.region,
            website=org.website,
        )
    return created


def _create_memberships(
    actor: User,
    people: Iterable[Person],
    users: Mapping[str, User],
    orgs: Mapping[str, Organisation],
) -> None:
    for person in people:
        for seat in person.seats:
            org_services.membership_create(
                actor=actor,
                user=users[person.email],
                organisation=_pick(orgs, seat.org, f"{person.email}'s membership"),
                role=seat.role,
                function=seat.function,
                job_title=seat.job_title,
            )


def _steps(project: Project, steps: Iterable[Step], users: Mapping[str, User], where: str) -> None:
    for step in steps:
        project_services.project_transition(
            actor=_person(users, step.email, where),
            project=project,
            name=step.name,
            reason=step.reason,
        )
        project.refresh_from_db()


def _name_partner_leads(actor: User, project: Project) -> None:
    """Each partner without a named lead gets its first partnership lead as the lead."""
    for partner in project.partners.filter(lead__isnull=True).select_related("organisation"):
        lead = (
            User.objects.filter(
                memberships__organisation=partner.organisation_id,
                memberships__role=Role.PARTNERSHIP_LEAD,
            )
            .order_by("pk")
            .first()
        )
        if lead is not None:
            project_services.partner_set_lead(
                actor=actor, project=project, partner=partner, lead=lead
            )


def _create_project(
    spec: ProjectSpec, users: Mapping[str, User], orgs: Mapping[str, Organisation]
) -> Project:
    where = f"Project {spec.key}"
    creator = _person(users, spec.created_by, where)
    project = project_services.project_create(
        actor=creator,
        lead_organisation=_pick(orgs, spec.lead_org, where),
        partner_organisations=[_pick(orgs, key, where) for key in spec.partner_orgs],
        title=spec.title,
        summary=spec.summary,
        origin_setting=spec.origin_setting,
        therapy_area=spec.therapy_area,
        intended_type=spec.intended_type,
        involves_medicines=spec.involves_medicines,
        products_concerned="\n".join(spec.products_concerned),
        proposed_by=spec.proposed_by,
        planned_start=spec.planned_start,
        planned_end=spec.planned_end,
        actual_start=spec.actual_start,
        actual_end=spec.actual_end,
    )
    _name_partner_leads(creator, project)
    _steps(project, spec.opening_steps, users, where)
    for section, answers in spec.scoping.items():
        scoping_services.scoping_save_section(
            actor=creator, project=project, section=section, answers=answers, expected_version=None
        )
    if spec.checklist:
        scoping_services.checklist_save(
            actor=creator, project=project, answers=spec.checklist, expected_version=None
        )
    if spec.system_route is not None:
        team_services.system_route_save(
            actor=creator, project=project, expected_version=0, **spec.system_route
        )
    if spec.concept is not None:
        concept = spec.concept
        concept_services.concept_save(
            actor=creator,
            project=project,
            fields=concept.fields(),
            contributions={
                _pick(orgs, c.org, where).pk: (
                    c.description,
                    None if c.value is None else Decimal(c.value),
                )
                for c in concept.contributions
            },
            expected_version=None,
        )
        for decision in concept.decisions:
            concept_services.concept_decide(
                actor=_person(users, decision.email, where),
                project=project,
                organisation=_pick(orgs, decision.org, where),
                decision="approve",
                reason=decision.reason,
                risk_reasons=dict(decision.risk_reasons),
            )
        project.refresh_from_db()
    _steps(project, spec.closing_steps, users, where)
    if spec.executive_summary is not None:
        summary_services.summary_record_published(
            actor=creator,
            project=project,
            fields=spec.executive_summary.text_fields(),
            certified_on=spec.executive_summary.certified_on,
            published_on=spec.executive_summary.published_on,
        )
    if spec.history:
        steps = _history_dates(spec)
        results = [k for k in REAL_KPIS if k.project == spec.key]
        # Published results go in as KPIs once the project stands at 'completed'.
        cut = next((i + 1 for i, (n, _) in enumerate(steps) if n == "complete"), len(steps))
        for part in (steps[:cut], steps[cut:]):
            if part:
                project_services.project_import_history(
                    actor=creator, project=project, steps=part, reason=spec.history_reason
                )
                project.refresh_from_db()
            if results and project.state_enum is State.COMPLETED:
                load_real_kpis(project, results, users)
                results = []
        project.refresh_from_db()
    return project


# Days before the summary's publication at which the earlier imported steps took place.
DAYS_BEFORE_PUBLICATION = {
    "start_scoping": 180,
    "approve_concept": 120,
    "start_setup": 110,
    "approve_pid": 60,
    "sign_agreement": 30,
    "publish_summary": 0,
}
OUTCOMES_AFTER_COMPLETION = dt.timedelta(days=120)


def _history_dates(spec: data.ProjectSpec) -> list[tuple[str, dt.date]]:
    """A plausible date for each imported step, anchored on the real published dates."""
    today = timezone.localdate()
    published = (
        spec.executive_summary.published_on
        if spec.executive_summary
        else (spec.actual_start or today) - dt.timedelta(days=14)
    )
    steps: list[tuple[str, dt.date]] = []
    previous = dt.date.min
    for name in spec.history:
        if name in DAYS_BEFORE_PUBLICATION:
            day = published - dt.timedelta(days=DAYS_BEFORE_PUBLICATION[name])
        elif name == "start_delivery":
            day = spec.actual_start or published
        elif name == "complete":
            day = spec.actual_end or today
        else:
            day = (spec.actual_end or today) + OUTCOMES_AFTER_COMPLETION
        day = min(max(day, previous), today)
        steps.append((name, day))
        previous = day
    return steps


@transaction.atomic
def load() -> LoadReport:
    """Create the whole demo in one transaction; any failure leaves the database untouched."""
    admins = [p for p in data.PEOPLE if p.email == data.ADMIN_EMAIL]
    others = [p for p in data.PEOPLE if p.email != data.ADMIN_EMAIL]
    # The administrator exists first so that every later record names a real actor.
    users = _create_users(admins)
    admin = users[data.ADMIN_EMAIL]
    orgs = _create_organisations(admin, data.ORGANISATIONS)
    users.update(_create_users(others))
    _create_memberships(admin, data.PEOPLE, users, orgs)
    # Two-factor for the roles that need it, and the ICB's single sign-on (ADR 0032).
    load_identity(admin, users, orgs)
    projects: dict[str, Project] = {}
    lookup = Lookup(users=users, orgs=orgs, projects=projects, today=timezone.localdate())
    # Registers come first: every decision, from the concept on, needs a current one.
    load_registers(lookup, data.INTERESTS, [p.email for p in others if p.seats])
    load_declaration_round(lookup, admin)
    for spec in data.PROJECTS:
        projects[spec.key] = _create_project(spec, users, orgs)
    # Stage 2 comes once every project and person exists: set-up is dated the load day.
    for setup in data.SETUPS:
        projects[setup.project] = load_setup(setup, lookup)
    # Stage 3 last: delivery records, then completion and outcomes where a project has ended.
    projects.update(load_stage3(data.STAGES3, lookup))
    # Each company's own web pages for the summaries it has published (ADR 0021).
    record_website_pages(projects.values())
    # Every signed-off framework text becomes a document version, ready to download and verify.
    for project in projects.values():
        document_sync(project=project, actor=admin)
    return LoadReport(
        organisations=len(orgs),
        people=len(users),
        projects=len(projects),
        states=dict(Counter(p.state for p in projects.values())),
    )
