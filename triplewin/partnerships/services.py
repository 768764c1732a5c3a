"""Writes for projects: creation, details, partners and lifecycle transitions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core.dates import long_date
from triplewin.core.lifecycle import PUBLIC_STATES, State, Transition, find_transition
from triplewin.core.rules import GateReport, evaluate_gate
from triplewin.organisations.models import Membership, Organisation, OrgType, Sector
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.partnerships.facts import build_facts, summary_published_on
from triplewin.partnerships.models import (
    PartyRole,
    Project,
    ProjectPartner,
    ProjectTransition,
    RiskAcceptance,
)

if TYPE_CHECKING:
    from triplewin.amendments.models import Amendment

DETAIL_FIELDS = (
    "title",
    "summary",
    "origin_setting",
    "therapy_area",
    "intended_type",
    "involves_medicines",
    "products_concerned",
    "proposed_by",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
)
EDITABLE_PARTNERS_IN = frozenset({State.IDEA, State.SCOPING})
# What the public register shows as certified: once the executive summary is public, the
# signatory's certification covers these, so an edit here would make the record disagree.
CERTIFIED_ONCE_PUBLIC = {
    "title": (
        "The title cannot be changed here: the executive summary has been published with it, "
        "so the public register shows it as it was certified. A change to a published project "
        "goes through an amendment."
    ),
    "intended_type": (
        "The type of partnership cannot be changed here: the executive summary has been "
        "published, so the project is on the public register as this type. A change to a "
        "published project goes through an amendment."
    ),
}
# NHS Confederation/ABPI guidance (2024), "Who can be involved": patient organisations cannot
# be included directly in collaborative working; a company may only contract one to deliver a
# service that supports part of the project.
PATIENT_ORGANISATION_REFUSED = (
    "{name} is a patient organisation. Patient organisations cannot be partners in "
    "collaborative or joint working. A company may contract one to deliver a service that "
    "supports the project: record it as a contracted service on the project's transfers page, "
    "where its contracted value is published on the company's own website rather than on "
    "Disclosure UK."
)


def refuse_patient_organisation(organisation: Organisation, *, field: str) -> None:
    if organisation.org_type == OrgType.PATIENT_ORGANISATION:
        raise ValidationError({field: PATIENT_ORGANISATION_REFUSED.format(name=organisation)})


def default_party_role(organisation: Organisation, *, lead: bool) -> str:
    if organisation.sector is Sector.NHS:
        return PartyRole.NHS_LEAD if lead else PartyRole.NHS_PARTNER
    if organisation.sector is Sector.INDUSTRY:
        return PartyRole.INDUSTRY_LEAD if lead else PartyRole.INDUSTRY_PARTNER
    return PartyRole.OTHER_PARTNER


def _lock(project: Project) -> Project:
    return Project.objects.select_for_update().get(pk=project.pk)


def _check_version(current: int, expected: int | None) -> None:
    if expected is not None and current != expected:
        raise StaleEdit()


def _check_dates(project: Project, *, start_changed: bool = True) -> None:
    if (
        project.planned_start
        and project.planned_end
        and project.planned_end < project.planned_start
    ):
        raise ValidationError(
            {"planned_end": "The planned end must be on or after the planned start."}
        )
    if project.actual_start and project.actual_end and project.actual_end < project.actual_start:
        raise ValidationError(
            {"actual_end": "The actual end must be on or after the actual start."}
        )
    published = summary_published_on(project) if start_changed and project.pk else None
    if project.actual_start and published and project.actual_start < published:
        # ABPI Code 2024 clause 20: the executive summary is public before the work starts.
        raise ValidationError(
            {
                "actual_start": (
                    f"Delivery cannot have started before the executive summary was published "
                    f"on {long_date(published)}. Give the day the work really began, on or "
                    "after that date."
                )
            }
        )


@transaction.atomic
def project_create(
    *,
    actor: User,
    lead_organisation: Organisation,
    partner_organisations: Sequence[Organisation] = (),
    **details: Any,
) -> Project:
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown project fields: {sorted(unknown)}")
    refuse_patient_organisation(lead_organisation, field="lead_organisation")
    for organisation in partner_organisations:
        refuse_patient_organisation(organisation, field="partner_organisations")
    project = Project(created_by=actor, **details)
    project.full_clean()
    _check_dates(project)
    project.save()
    audit.record(
        actor=actor,
        action="project.created",
        obj=project,
        project_id=project.pk,
        changes=audit.diff({}, audit.snapshot(project, DETAIL_FIELDS)),
    )
    _add_partner(
        actor=actor,
        project=project,
        organisation=lead_organisation,
        party_role=default_party_role(lead_organisation, lead=True),
        lead=actor,
    )
    for organisation in partner_organisations:
        if organisation.pk != lead_organisation.pk:
            _add_partner(
                actor=actor,
                project=project,
                organisation=organisation,
                party_role=default_party_role(
                    organisation, lead=not _has_lead(project, organisation)
                ),
                lead=None,
            )
    return project


def _has_lead(project: Project, organisation: Organisation) -> bool:
    lead_role = default_party_role(organisation, lead=True)
    return (
        lead_role != PartyRole.OTHER_PARTNER
        and project.partners.filter(party_role=lead_role).exists()
    )


def _add_partner(
    *,
    actor: User,
    project: Project,
    organisation: Organisation,
    party_role: str,
    lead: User | None,
) -> ProjectPartner:
    refuse_patient_organisation(organisation, field="organisation")
    if project.partners.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": f"{organisation} is already a partner."})
    partner = ProjectPartner(
        project=project, organisation=organisation, party_role=party_role, lead=lead
    )
    partner.full_clean()
    partner.save()
    audit.record(
        actor=actor,
        action="project.partner_added",
        obj=partner,
        project_id=project.pk,
        changes={"organisation": [None, organisation.name], "party_role": [None, party_role]},
    )
    # A new partner starts from its organisation's standing approval route (ADR 0019).
    # Imported here: the team app builds on partnerships.
    from triplewin.team.standing import standing_route_apply

    standing_route_apply(actor=actor, project=project, organisation=organisation)
    return partner


def _check_certified_unchanged(project: Project, changes: Mapping[str, object]) -> None:
    if project.state_enum not in PUBLIC_STATES:
        return
    refused = {name: text for name, text in CERTIFIED_ONCE_PUBLIC.items() if name in changes}
    if refused:
        raise ValidationError(refused)


@transaction.atomic
def project_amend_details(
    *,
    actor: User,
    project: Project,
    amendment: Amendment,
    title: str | None = None,
    intended_type: str | None = None,
) -> Project:
    """The title and type of partnership an approved amendment changes (ADR 0025).

    The one way past the freeze `project_update` keeps on a public project: the amendment
    must belong to this project and be signed off by everyone (certified and approved), and
    the audit names it. `None` leaves a detail as it is.
    """
    # Imported here: the amendments app builds on partnerships.
    from triplewin.amendments.selectors import sign_off_state

    locked = _lock(project)
    if amendment.project_id != locked.pk:
        raise ValidationError("That amendment belongs to another project.")
    if not sign_off_state(amendment).signed_off:
        raise ValidationError(
            "Only an amendment that has been certified and approved can change the title or "
            "the type of partnership."
        )
    details = {
        name: value
        for name, value in (("title", title), ("intended_type", intended_type))
        if value is not None
    }
    before = audit.snapshot(locked, tuple(details))
    for name, value in details.items():
        setattr(locked, name, value)
    locked.full_clean()
    changes = audit.diff(before, audit.snapshot(locked, tuple(details)))
    if not changes:
        return locked
    locked.row_version += 1
    locked.save()
    audit.record(
        actor=actor,
        action="project.amended",
        obj=locked,
        project_id=locked.pk,
        changes={**changes, "amendment": [None, str(amendment)]},
    )
    return locked


@transaction.atomic
def project_update(
    *, actor: User, project: Project, expected_version: int | None, **details: Any
) -> Project:
    locked = _lock(project)
    _check_version(locked.row_version, expected_version)
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown project fields: {sorted(unknown)}")
    before = audit.snapshot(locked, DETAIL_FIELDS)
    for name, value in details.items():
        setattr(locked, name, value)
    locked.full_clean()
    changes = audit.diff(before, audit.snapshot(locked, DETAIL_FIELDS))
    _check_certified_unchanged(locked, changes)
    _check_dates(locked, start_changed="actual_start" in changes)
    if not changes:
        return locked
    locked.row_version += 1
    locked.save()
    audit.record(
        actor=actor, action="project.updated", obj=locked, project_id=locked.pk, changes=changes
    )
    return locked


def _require_partner_changes_allowed(project: Project) -> None:
    if project.state_enum not in EDITABLE_PARTNERS_IN:
        raise ValidationError(
            "Partners can only change while the project is an idea or being scoped. Later changes "
            "go through an amendment."
        )


@transaction.atomic
def partner_add(
    *, actor: User, project: Project, organisation: Organisation, party_role: str
) -> ProjectPartner:
    locked = _lock(project)
    _require_partner_changes_allowed(locked)
    partner = _add_partner(
        actor=actor, project=locked, organisation=organisation, party_role=party_role, lead=None
    )
    Project.objects.filter(pk=locked.pk).update(row_version=locked.row_version + 1)
    return partner


@transaction.atomic
def partner_set_lead(
    *, actor: User, project: Project, partner: ProjectPartner, lead: User | None
) -> ProjectPartner:
    """Name the person who leads for one partner; they must belong to that organisation."""
    if partner.project_id != project.pk:
        raise ValidationError("That organisation is not a partner in this project.")
    if (
        lead is not None
        and not Membership.objects.filter(
            user=lead, organisation_id=partner.organisation_id
        ).exists()
    ):
        raise ValidationError(
            {
                "lead": f"{lead.get_full_name() or lead.username} does not work for {partner.organisation}."
            }
        )
    before = str(partner.lead) if partner.lead else None
    partner.lead = lead
    partner.save(update_fields=["lead"])
    audit.record(
        actor=actor,
        action="project.partner_lead_named",
        obj=partner,
        project_id=project.pk,
        changes={"lead": [before, str(lead) if lead else None]},
    )
    return partner


@transaction.atomic
def partner_remove(*, actor: User, project: Project, partner: ProjectPartner) -> None:
    locked = _lock(project)
    _require_partner_changes_allowed(locked)
    if partner.project_id != locked.pk:
        raise ValidationError("That organisation is not a partner in this project.")
    if locked.partners.count() <= 1:
        raise ValidationError("A project needs at least one partner.")
    audit.record(
        actor=actor,
        action="project.partner_removed",
        obj=partner,
        project_id=locked.pk,
        changes={"organisation": [partner.organisation.name, None]},
    )
    partner.delete()
    Project.objects.filter(pk=locked.pk).update(row_version=locked.row_version + 1)


def gate_report(project: Project, gate: str, today: dt.date | None = None) -> GateReport:
    report = evaluate_gate(gate, build_facts(project, today))
    return dataclasses.replace(report, project_id=project.pk)


def accepted_risk_ids(project: Project, gate: str) -> set[str]:
    return set(
        RiskAcceptance.objects.filter(project=project, gate=gate).values_list("rule_id", flat=True)
    )


def risks_accept(
    *,
    actor: User,
    project: Project,
    gate: str,
    report: GateReport,
    reasons: Mapping[str, str],
) -> list[RiskAcceptance]:
    """Record acceptance of failing risks. Must run inside the caller's transaction."""
    already = accepted_risk_ids(project, gate)
    created = []
    failing = {r.rule.id for r in report.failed_risks}
    for rule_id, reason in reasons.items():
        if rule_id not in failing or rule_id in already or not reason.strip():
            continue
        acceptance = RiskAcceptance.objects.create(
            project=project,
            rule_id=rule_id,
            gate=gate,
            reason=reason.strip(),
            accepted_by=actor,
            accepted_by_label=audit.actor_label(actor),
        )
        audit.record(
            actor=actor,
            action="risk.accepted",
            obj=acceptance,
            project_id=project.pk,
            changes={"rule": [None, rule_id], "reason": [None, reason.strip()]},
        )
        created.append(acceptance)
    return created


def _apply(
    *,
    actor: User | None,
    project: Project,
    transition: Transition,
    reason: str,
    at: dt.datetime | None = None,
    imported: bool = False,
) -> ProjectTransition:
    record = ProjectTransition.objects.create(
        at=at or timezone.now(),
        imported=imported,
        project=project,
        name=transition.name,
        from_state=transition.source,
        to_state=transition.target,
        actor=actor,
        actor_label=audit.actor_label(actor),
        reason=reason,
    )
    project.state = transition.target
    project.row_version += 1
    project.save(update_fields=["state", "row_version", "updated_at"])
    audit.record(
        actor=actor,
        action=f"project.{transition.name}",
        obj=project,
        project_id=project.pk,
        changes={
            "state": [transition.source.value, transition.target.value],
            "reason": [None, reason],
        }
        if reason
        else {"state": [transition.source.value, transition.target.value]},
    )
    return record


def transition_locked(
    *,
    actor: User,
    project: Project,
    name: str,
    reason: str = "",
    risk_reasons: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> ProjectTransition:
    """Take a lifecycle step on a project row the caller has already locked."""
    transition = find_transition(project.state_enum, name)
    if transition.needs_reason and not reason.strip():
        raise ValidationError(
            {"reason": "Give a reason for this step; it is kept in the project's history."}
        )
    if transition.gate:
        report = gate_report(project, transition.gate, today)
        if report.failed_blockers:
            raise GateBlocked(report)
        risks_accept(
            actor=actor,
            project=project,
            gate=transition.gate,
            report=report,
            reasons=risk_reasons or {},
        )
        unaccepted = report.unaccepted_risks(accepted_risk_ids(project, transition.gate))
        if unaccepted:
            raise GateBlocked(report, unaccepted)
    return _apply(actor=actor, project=project, transition=transition, reason=reason.strip())


@transaction.atomic
def project_transition(
    *,
    actor: User,
    project: Project,
    name: str,
    reason: str = "",
    risk_reasons: Mapping[str, str] | None = None,
    expected_state: str | None = None,
    today: dt.date | None = None,
) -> ProjectTransition:
    locked = _lock(project)
    if expected_state is not None and locked.state != expected_state:
        raise StaleEdit()
    return transition_locked(
        actor=actor,
        project=locked,
        name=name,
        reason=reason,
        risk_reasons=risk_reasons,
        today=today,
    )


@transaction.atomic
def project_import_history(
    *,
    actor: User | None,
    project: Project,
    steps: Sequence[tuple[str, dt.date]],
    reason: str,
) -> None:
    """Walk a project already running outside Triple Win along the table to its real state.

    For partnerships that predate the system (see ADR 0002): their evidence lives in public
    records, so gates are not evaluated, every step says so in its reason, and each step keeps
    the date it really happened. Dates must not go backwards or into the future.
    """
    locked = _lock(project)
    previous: dt.date | None = None
    today = timezone.localdate()
    for name, day in steps:
        if (previous and day < previous) or day > today:
            raise ValidationError(
                f"The date for '{name}' ({day}) is out of order or in the future."
            )
        previous = day
        transition = find_transition(locked.state_enum, name)
        # Noon stands in for the unknown hour, but never later than now: a step dated today
        # must not sort after the live steps that follow it in the morning.
        at = min(timezone.make_aware(dt.datetime.combine(day, dt.time(12))), timezone.now())
        _apply(
            actor=actor, project=locked, transition=transition, reason=reason, at=at, imported=True
        )
