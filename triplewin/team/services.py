"""Writes for the project team, objections to members, and governance committee seats."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.conflicts.decisions import check_decision
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.selectors import has_current_declaration
from triplewin.core.dates import long_date
from triplewin.core.lifecycle import STATES, State
from triplewin.organisations.models import DECISION_ROLES, Membership, Organisation
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project, ProjectPartner
from triplewin.partnerships.services import partner_set_lead
from triplewin.submissions.versions import UNSAVED
from triplewin.team.models import (
    DEFAULT_MEDICINES_COMMITTEE,
    CommitteeDecision,
    CommitteeRole,
    DeclarationRequest,
    GovernanceCommitteeMember,
    Objection,
    ObjectionOutcome,
    ProjectRole,
    SystemRoute,
    TeamMember,
)
from triplewin.team.selectors import display_name, in_sales_function
from triplewin.team.tasks import email_declaration_request

# The team forms once every partner has approved the concept, and is fixed once delivery ends.
TEAM_CHANGES_IN = frozenset(
    {
        State.CONCEPT_APPROVED,
        State.SETUP,
        State.PID_APPROVED,
        State.AGREEMENT_SIGNED,
        State.SUMMARY_PUBLISHED,
        State.IN_DELIVERY,
    }
)
MEMBER_FIELDS = ("user", "organisation", "project_role", "joined_on", "left_on", "left_reason")


def team_changes_allowed(project: Project) -> bool:
    return project.state_enum in TEAM_CHANGES_IN


def _lock_for_team_change(project: Project) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if not team_changes_allowed(locked):
        label = STATES[locked.state_enum].label.lower()
        raise ValidationError(
            f"The team cannot change while the project is '{label}'. It can change from when "
            "every partner has approved the concept until delivery ends."
        )
    return locked


def _require_partner(project: Project, organisation: Organisation) -> None:
    if not project.partners.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": f"{organisation} is not a partner in this project."})


def _require_works_for(user: User, organisation: Organisation, field: str = "user") -> None:
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError(
            {
                field: f"{display_name(user)} does not work for {organisation}, so cannot represent it."
            }
        )


def refuse_sales_function(user: User, organisation: Organisation, field: str = "user") -> None:
    """No one from a company's sales function takes a seat on the team or a governance committee.

    The guidance keeps sales staff out of every role in a collaborative or joint working
    project, because the work must not be promotional (ABPI Code, clause 20).
    """
    if in_sales_function(user, organisation):
        raise ValidationError(
            {
                field: f"{display_name(user)} works in {organisation}'s sales function. The ABPI "
                "Code keeps sales staff out of collaborative and joint working, so they cannot "
                "sit on the project team or a governance committee. Choose someone from another "
                "part of the company."
            }
        )


def _require_reason(reason: str, field: str = "reason") -> str:
    if not reason.strip():
        raise ValidationError({field: "Give a reason. It is kept in the project's record."})
    return reason.strip()


@transaction.atomic
def team_member_add(
    *,
    actor: User,
    project: Project,
    user: User,
    organisation: Organisation,
    project_role: str,
    joined_on: dt.date | None = None,
    today: dt.date | None = None,
) -> TeamMember:
    """Put a person on the team, representing one partner organisation."""
    today = today or timezone.localdate()
    locked = _lock_for_team_change(project)
    _require_partner(locked, organisation)
    _require_works_for(user, organisation)
    name = display_name(user)
    if TeamMember.objects.active().filter(project=locked, user=user).exists():
        raise ValidationError({"user": f"{name} is already on the team."})
    refuse_sales_function(user, organisation)
    if not has_current_declaration(user, today):
        raise ValidationError(
            {
                "user": f"{name} has not declared their interests or made a nil return in the "
                "last 12 months. Ask them to update their register of interests, then add them."
            }
        )
    joined_on = joined_on or today
    if joined_on > today:
        raise ValidationError({"joined_on": "The date they joined cannot be in the future."})
    if project_role not in ProjectRole.values:
        raise ValidationError({"project_role": "Choose the person's role on the team."})
    member = TeamMember(
        project=locked,
        user=user,
        organisation=organisation,
        project_role=project_role,
        joined_on=joined_on,
    )
    member.full_clean()
    member.save()
    audit.record(
        actor=actor,
        action="team.member_added",
        obj=member,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(member, MEMBER_FIELDS[:4])),
    )
    return member


def _remove(
    *,
    actor: User,
    project: Project,
    member: TeamMember,
    reason: str,
    today: dt.date,
    successor: TeamMember | None = None,
    handover_note: str = "",
) -> TeamMember:
    fields = ("left_on", "left_reason", "handed_over_to", "handover_note")
    before = audit.snapshot(member, fields)
    member.left_on = today
    member.left_reason = reason
    member.handed_over_to = successor
    member.handover_note = handover_note
    member.save(update_fields=list(fields))
    after = audit.snapshot(member, fields)
    after["handed_over_to"] = display_name(successor.user) if successor else None
    audit.record(
        actor=actor,
        action="team.member_removed",
        obj=member,
        project_id=project.pk,
        changes=audit.diff(before, after),
    )
    return member


def _named_lead_of(project: Project, member: TeamMember) -> ProjectPartner | None:
    """The partner this member is the named lead for, if they are."""
    return (
        ProjectPartner.objects.select_for_update()
        .filter(project=project, organisation_id=member.organisation_id, lead_id=member.user_id)
        .select_related("organisation")
        .first()
    )


def _check_successor(
    project: Project,
    leaving: TeamMember,
    successor: TeamMember | None,
    lead_of: ProjectPartner | None,
) -> None:
    name = display_name(leaving.user)
    if successor is None:
        if lead_of is not None:
            raise ValidationError(
                {
                    "successor": f"{name} is the named lead for {lead_of.organisation}. Every "
                    "partner keeps a named lead, so choose who from "
                    f"{lead_of.organisation} takes over before {name} leaves."
                }
            )
        return
    if successor.pk == leaving.pk:
        raise ValidationError({"successor": f"{name} cannot take over from themselves."})
    if successor.project_id != project.pk or successor.left_on is not None:
        raise ValidationError({"successor": "Choose someone who is still on this project's team."})
    if lead_of is not None and successor.organisation_id != leaving.organisation_id:
        raise ValidationError(
            {
                "successor": f"{name} is the named lead for {lead_of.organisation}, so the "
                f"person taking over must also represent {lead_of.organisation}."
            }
        )


def _active_member(project: Project, member: TeamMember) -> TeamMember:
    locked = (
        TeamMember.objects.select_for_update(of=("self",)).select_related("user").get(pk=member.pk)
    )
    if locked.project_id != project.pk:
        raise ValidationError("That person is not on this project's team.")
    if locked.left_on is not None:
        raise ValidationError(
            f"{display_name(locked.user)} already left the team on {long_date(locked.left_on)}."
        )
    return locked


@transaction.atomic
def team_member_remove(
    *,
    actor: User,
    project: Project,
    member: TeamMember,
    reason: str,
    successor: TeamMember | None = None,
    handover_note: str = "",
    today: dt.date | None = None,
) -> TeamMember:
    """Take a person off the team. The place is kept, with the day they left and why.

    The guidance asks for few changes of personnel or, failing that, well-run handovers
    (Key resource: Steps to build trust, "Continuity"), so the record says who takes over and
    what was handed over. A partner's named lead cannot leave without a successor from the same
    partner, who becomes the partner's named lead.
    """
    locked = _lock_for_team_change(project)
    reason = _require_reason(reason)
    current = _active_member(locked, member)
    lead_of = _named_lead_of(locked, current)
    _check_successor(locked, current, successor, lead_of)
    handover_note = handover_note.strip()
    if successor is not None and not handover_note:
        raise ValidationError(
            {
                "handover_note": f"Say what {display_name(successor.user)} needs to know to "
                "take over: open actions, contacts, documents and decisions pending."
            }
        )
    removed = _remove(
        actor=actor,
        project=locked,
        member=current,
        reason=reason,
        today=today or timezone.localdate(),
        successor=successor,
        handover_note=handover_note,
    )
    if lead_of is not None and successor is not None:
        partner_set_lead(actor=actor, project=locked, partner=lead_of, lead=successor.user)
    return removed


@transaction.atomic
def objection_raise(
    *,
    actor: User,
    project: Project,
    member: TeamMember,
    organisation: Organisation,
    reason: str,
) -> Objection:
    """A partner objects to someone's place on the team."""
    locked = _lock_for_team_change(project)
    _require_partner(locked, organisation)
    if not Membership.objects.filter(
        user=actor, organisation=organisation, role__in=DECISION_ROLES
    ).exists():
        raise ValidationError(
            {"organisation": f"You are not authorised to object on behalf of {organisation}."}
        )
    reason = _require_reason(reason)
    conflict = check_decision(person=actor, project=locked, decision=DecisionKind.OBJECTION)
    current = _active_member(locked, member)
    if Objection.objects.filter(
        member=current, raised_for_organisation=organisation, outcome=ObjectionOutcome.OPEN
    ).exists():
        raise ValidationError(
            f"{organisation} has already objected to {display_name(current.user)}, and that "
            "objection has not been decided yet."
        )
    objection = Objection(
        project=locked,
        member=current,
        raised_for_organisation=organisation,
        raised_by=actor,
        reason=reason,
    )
    objection.full_clean()
    objection.save()
    audit.record(
        actor=actor,
        action="team.objection_raised",
        obj=objection,
        project_id=locked.pk,
        changes={
            "member": [None, display_name(current.user)],
            "organisation": [None, organisation.name],
            "reason": [None, reason],
            **conflict.audit_changes(),
        },
    )
    return objection


@transaction.atomic
def objection_decide(
    *,
    actor: User,
    project: Project,
    objection: Objection,
    outcome: str,
    reason: str,
    today: dt.date | None = None,
) -> Objection:
    """Uphold or dismiss an objection, once. Upholding takes the member off the team."""
    locked = _lock_for_team_change(project)
    current = Objection.objects.select_for_update().get(pk=objection.pk)
    if current.project_id != locked.pk:
        raise ValidationError("That objection is not about this project's team.")
    if not current.is_open:
        raise ValidationError(
            f"This objection was already {current.get_outcome_display().lower()}; a decision "
            "cannot be changed."
        )
    if outcome not in (ObjectionOutcome.UPHELD, ObjectionOutcome.DISMISSED):
        raise ValidationError({"outcome": "Choose whether to uphold or dismiss the objection."})
    reason = _require_reason(reason)
    member = _active_member(locked, current.member)
    if member.user_id == actor.pk:
        raise ValidationError(
            "You cannot decide an objection about yourself; another lead must decide it."
        )
    conflict = check_decision(person=actor, project=locked, decision=DecisionKind.OBJECTION)
    current.outcome = outcome
    current.outcome_reason = reason
    current.decided_by = actor
    current.decided_at = timezone.now()
    current.save(update_fields=["outcome", "outcome_reason", "decided_by", "decided_at"])
    audit.record(
        actor=actor,
        action=f"team.objection_{outcome}",
        obj=current,
        project_id=locked.pk,
        changes={
            "outcome": [ObjectionOutcome.OPEN.value, outcome],
            "reason": [None, reason],
            **conflict.audit_changes(),
        },
    )
    if outcome == ObjectionOutcome.UPHELD:
        organisation = current.raised_for_organisation
        _remove(
            actor=actor,
            project=locked,
            member=member,
            reason=f"Objection from {organisation} upheld: {reason}",
            today=today or timezone.localdate(),
        )
    return current


@transaction.atomic
def governance_seat_set(
    *,
    actor: User,
    project: Project,
    organisation: Organisation,
    committee_role: str,
    user: User,
) -> GovernanceCommitteeMember:
    """Name the person in one seat of a partner's governance committee for this project."""
    locked = _lock_for_team_change(project)
    _require_partner(locked, organisation)
    if committee_role not in CommitteeRole.values:
        raise ValidationError({"committee_role": "Choose the seat on the committee."})
    _require_works_for(user, organisation)
    refuse_sales_function(user, organisation)
    seat = GovernanceCommitteeMember.objects.filter(
        project=locked, organisation=organisation, committee_role=committee_role
    ).first()
    before = display_name(seat.user) if seat else None
    if seat is None:
        seat = GovernanceCommitteeMember(
            project=locked, organisation=organisation, committee_role=committee_role
        )
    elif seat.user_id == user.pk:
        return seat
    seat.user = user
    seat.full_clean()
    seat.save()
    audit.record(
        actor=actor,
        action="team.governance_seat_set",
        obj=seat,
        project_id=locked.pk,
        changes={"person": [before, display_name(user)]},
    )
    return seat


@transaction.atomic
def governance_seat_remove(
    *, actor: User, project: Project, seat: GovernanceCommitteeMember
) -> None:
    locked = _lock_for_team_change(project)
    if seat.project_id != locked.pk:
        raise ValidationError("That seat is not on this project's committees.")
    audit.record(
        actor=actor,
        action="team.governance_seat_removed",
        obj=seat,
        project_id=locked.pk,
        changes={"person": [display_name(seat.user), None]},
    )
    seat.delete()


# The route through the ICB is recorded from the idea onwards, until delivery ends.
SYSTEM_ROUTE_IN = TEAM_CHANGES_IN | {State.IDEA, State.SCOPING}
SYSTEM_ROUTE_FIELDS = (
    "clinical_leads",
    "executive_leads",
    "chief_pharmacist",
    "committee_name",
    "committee_decision",
    "decided_on",
    "decision_note",
)


def system_route_changes_allowed(project: Project) -> bool:
    return project.state_enum in SYSTEM_ROUTE_IN


@transaction.atomic
def system_route_save(
    *,
    actor: User,
    project: Project,
    expected_version: int,
    clinical_leads: str,
    executive_leads: str,
    chief_pharmacist: str,
    committee_name: str,
    committee_decision: str,
    decided_on: dt.date | None,
    decision_note: str,
    today: dt.date | None = None,
) -> SystemRoute:
    """Record the ICB leads involved and the medicines committee's decision (ADR 0019)."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if not system_route_changes_allowed(locked):
        label = STATES[locked.state_enum].label.lower()
        raise ValidationError(
            f"The system-level route cannot change while the project is '{label}'."
        )
    route = SystemRoute.objects.select_for_update().filter(project=locked).first()
    if (route.row_version if route else UNSAVED) != expected_version:
        raise StaleEdit()
    if committee_decision not in CommitteeDecision.values:
        raise ValidationError({"committee_decision": "Choose the committee's decision."})
    if committee_decision and decided_on is None:
        raise ValidationError({"decided_on": "Enter the date the committee decided."})
    if decided_on is not None and decided_on > (today or timezone.localdate()):
        raise ValidationError({"decided_on": "The committee's decision cannot be in the future."})
    if committee_decision == CommitteeDecision.NOT_SUPPORTED and not decision_note.strip():
        raise ValidationError(
            {"decision_note": "Say why the committee did not support it; the partners need it."}
        )
    before = audit.snapshot(route, SYSTEM_ROUTE_FIELDS) if route else {}
    if route is None:
        route = SystemRoute(project=locked)
    else:
        route.row_version += 1
    route.clinical_leads = clinical_leads.strip()
    route.executive_leads = executive_leads.strip()
    route.chief_pharmacist = chief_pharmacist.strip()
    route.committee_name = committee_name.strip() or DEFAULT_MEDICINES_COMMITTEE
    route.committee_decision = committee_decision
    route.decided_on = decided_on if committee_decision else None
    route.decision_note = decision_note.strip()
    route.full_clean()
    route.save()
    audit.record(
        actor=actor,
        action="team.system_route_saved",
        obj=route,
        project_id=locked.pk,
        changes=audit.diff(before, audit.snapshot(route, SYSTEM_ROUTE_FIELDS)),
    )
    return route


@transaction.atomic
def declaration_request(
    *, actor: User, project: Project, member: TeamMember, today: dt.date | None = None
) -> DeclarationRequest:
    """Ask a team member who has no current declaration of interests to make one, by email.

    Everyone on the team declares before the team decides anything (NHS England, Managing
    conflicts of interest in the NHS; ABPI Code clause 20), and the lead is the one who sees
    who has not. Once a day per person at most: our choice, so a reminder never becomes spam.
    """
    if not access.can_edit(actor, project):
        raise ValidationError("Only a partnership lead of a partner can ask for declarations.")
    today = today or timezone.localdate()
    current = _active_member(project, member)
    name = display_name(current.user)
    if has_current_declaration(current.user, today):
        raise ValidationError(f"{name} has a current declaration of interests already.")
    if not current.user.email:
        raise ValidationError(f"{name} has no email address, so cannot be asked by email.")
    if DeclarationRequest.objects.filter(member=current, requested_on=today).exists():
        raise ValidationError(
            f"{name} was asked today already. Ask again tomorrow if they have still not declared."
        )
    request = DeclarationRequest.objects.create(
        member=current,
        requested_by=actor,
        requested_by_label=audit.actor_label(actor),
        requested_on=today,
    )
    audit.record(
        actor=actor,
        action="team.declaration_requested",
        obj=request,
        project_id=project.pk,
        changes={"member": [None, name], "asked_on": [None, today.isoformat()]},
    )
    sender = display_name(actor)
    transaction.on_commit(lambda: email_declaration_request.enqueue(request.pk, sender))
    return request
