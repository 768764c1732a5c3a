"""Writes on a person's own register of interests, and the records of how a conflict is managed."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.conflicts import access
from triplewin.conflicts.decisions import assess_decision
from triplewin.conflicts.models import (
    Arrangement,
    ConflictManagement,
    DecisionKind,
    Declaration,
    NilReturn,
    RegisterConfirmation,
)
from triplewin.conflicts.selectors import describe, in_force_on, project_scope, touching_by_user
from triplewin.core.dates import long_date
from triplewin.organisations.models import Membership, Organisation
from triplewin.partnerships.models import Project
from triplewin.team.selectors import display_name

DECLARATION_FIELDS = (
    "category",
    "interest_type",
    "description",
    "organisation",
    "organisation_name",
    "valid_from",
    "valid_to",
    "action_taken",
)


@transaction.atomic
def declaration_add(
    *,
    actor: User,
    category: str,
    interest_type: str,
    description: str,
    valid_from: dt.date,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    valid_to: dt.date | None = None,
    action_taken: str = "",
) -> Declaration:
    """Declare an interest on the actor's own register."""
    organisation_name = organisation_name.strip()
    if not description.strip():
        raise ValidationError({"description": "Describe the interest."})
    if organisation is None and not organisation_name:
        raise ValidationError(
            {
                "organisation": "Choose the organisation the interest relates to, or type its "
                "name below."
            }
        )
    if organisation is not None and organisation_name:
        raise ValidationError(
            {
                "organisation_name": "Either choose the organisation from the list or type its "
                "name, not both."
            }
        )
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError({"valid_to": "The end date must be on or after the start date."})
    declaration = Declaration(
        user=actor,
        category=category,
        interest_type=interest_type,
        description=description.strip(),
        organisation=organisation,
        organisation_name=organisation_name,
        valid_from=valid_from,
        valid_to=valid_to,
        action_taken=action_taken.strip(),
    )
    declaration.full_clean()
    declaration.save()
    audit.record(
        actor=actor,
        action="conflicts.declared",
        obj=declaration,
        changes=audit.diff({}, audit.snapshot(declaration, DECLARATION_FIELDS)),
    )
    return declaration


@transaction.atomic
def declaration_end(*, actor: User, declaration: Declaration, ended_on: dt.date) -> Declaration:
    """Record that an interest has ended. Nothing else about a declaration ever changes."""
    locked = Declaration.objects.select_for_update().get(pk=declaration.pk)
    if locked.user_id != actor.pk:
        raise ValidationError("You can only end interests on your own register.")
    if locked.valid_to is not None:
        raise ValidationError(
            {
                "valid_to": f"This interest was already recorded as ended on {long_date(locked.valid_to)}."
            }
        )
    if ended_on < locked.valid_from:
        raise ValidationError(
            {
                "valid_to": f"The end date must be on or after the day the interest started "
                f"({long_date(locked.valid_from)})."
            }
        )
    locked.valid_to = ended_on
    locked.save(update_fields=["valid_to"])
    audit.record(
        actor=actor,
        action="conflicts.ended",
        obj=locked,
        changes={"valid_to": [None, ended_on.isoformat()]},
    )
    return locked


@transaction.atomic
def nil_return_make(*, actor: User, today: dt.date | None = None) -> NilReturn:
    """State that the actor has no interests to declare, which counts for twelve months."""
    today = today or timezone.localdate()
    in_force = in_force_on(actor, today)
    if in_force:
        raise ValidationError(
            f"You have {len(in_force)} interest{'s' if len(in_force) != 1 else ''} in force on "
            "your register, so you cannot make a nil return. End any interest that no longer "
            "applies, or confirm that your register is up to date instead."
        )
    record = NilReturn.objects.create(user=actor)
    audit.record(
        actor=actor,
        action="conflicts.nil_return",
        obj=record,
        changes={"nil_return": [None, timezone.localdate(record.declared_at).isoformat()]},
    )
    return record


@transaction.atomic
def register_confirm(*, actor: User, today: dt.date | None = None) -> RegisterConfirmation:
    """Confirm that the interests in force on the actor's register are complete."""
    today = today or timezone.localdate()
    in_force = in_force_on(actor, today)
    if not in_force:
        raise ValidationError(
            "You have no interests in force on your register. Make a nil return instead."
        )
    record = RegisterConfirmation.objects.create(user=actor)
    audit.record(
        actor=actor,
        action="conflicts.confirmed",
        obj=record,
        changes={"interests_in_force": [None, [str(d) for d in in_force]]},
    )
    return record


@transaction.atomic
def conflict_manage(
    *,
    actor: User,
    project: Project,
    person: User,
    declaration: Declaration,
    decision: str,
    arrangement: str,
    reason: str,
) -> ConflictManagement:
    """Record how one person's conflict is managed on one kind of decision in this project.

    NHS England's guidance has the chair decide, with the reason kept: the record is never
    changed, and a later one for the same declaration and decision replaces it. Nobody decides
    about their own conflict, nor about an interest in the organisation they work for.
    """
    locked = Project.objects.select_for_update().get(pk=project.pk)
    capacity = access.management_capacity(actor, locked, person)
    if capacity is None:
        raise ValidationError(
            "You cannot record how your own conflict of interest is managed. Ask the chair of "
            "the project team, or the named lead of another partner."
            if actor.pk == person.pk
            else "Only the chair of the project team, or the named lead of a partner the person "
            "does not work for, can record how a conflict of interest is managed."
        )
    errors = {}
    if decision not in DecisionKind.values:
        errors["decision"] = "Choose the decision the arrangement covers."
    if arrangement not in Arrangement.values:
        errors["arrangement"] = "Choose how the conflict is managed."
    if not reason.strip():
        errors["reason"] = (
            "Give the reason for this arrangement. It is shown in the minutes and the history."
        )
    if declaration.user_id != person.pk:
        errors["declaration"] = "Choose one of this person's declarations."
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    touching = touching_by_user([person.pk], project_scope(locked), today).get(person.pk, [])
    if declaration.pk not in {d.pk for d, _ in touching}:
        raise ValidationError(
            {
                "declaration": "This interest is not in force, or it relates to none of this "
                "project's partners or products, so there is no conflict to manage."
            }
        )
    if (
        declaration.organisation_id is not None
        and Membership.objects.filter(user=actor, organisation=declaration.organisation_id).exists()
    ):
        raise ValidationError(
            f"You work for {declaration.related_to}, the organisation this interest relates to, "
            "so someone else must decide how the conflict is managed."
        )
    own = assess_decision(person=actor, project=locked, decision=decision)
    if not own.may_decide:
        raise ValidationError(
            "You cannot record how others' conflicts are managed on a decision you could not "
            f"take yourself. {own.message()}"
        )
    record = ConflictManagement(
        project=locked,
        person=person,
        declaration=declaration,
        declaration_text=describe(declaration),
        decision=decision,
        arrangement=arrangement,
        reason=reason.strip(),
        recorded_by=actor,
        recorded_by_label=audit.actor_label(actor),
        recorded_as=capacity,
    )
    record.full_clean()
    record.save()
    audit.record(
        actor=actor,
        action="conflicts.managed",
        obj=record,
        project_id=locked.pk,
        changes={
            "person": [None, display_name(person)],
            "interest": [None, record.declaration_text],
            "decision": [None, record.get_decision_display()],
            "arrangement": [None, record.get_arrangement_display()],
            "reason": [None, record.reason],
            "recorded_as": [None, capacity],
        },
    )
    return record
