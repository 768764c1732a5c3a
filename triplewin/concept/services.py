"""Writes for the concept framework and the partners' decisions on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.concept.models import (
    CONCEPT_FIELDS,
    ConceptContribution,
    ConceptFramework,
    Decision,
)
from triplewin.concept.selectors import (
    DOCUMENT,
    SUBJECT,
    approval_state,
    concept_snapshot,
    content_hash,
)
from triplewin.core import signoff as core
from triplewin.core.lifecycle import State
from triplewin.core.rules import GateReport
from triplewin.organisations.models import DECISION_ROLES, Membership, Organisation
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.partnerships.models import Project
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.services import record_act
from triplewin.submissions.versions import UNSAVED

EDITABLE_IN = frozenset({State.IDEA, State.SCOPING, State.CONCEPT_APPROVED})
DECIDABLE_IN = frozenset({State.SCOPING, State.CONCEPT_APPROVED})
APPROVAL_GATE = "concept_approved"
# The approval itself is what the decision supplies, so it cannot block the decision.
RULES_SETTLED_BY_DECIDING = frozenset({"CONCEPT-APPROVED-BY-ALL"})


@transaction.atomic
def concept_save(
    *,
    actor: User,
    project: Project,
    fields: Mapping[str, Any],
    contributions: Mapping[int, tuple[str, Decimal | None]],
    expected_version: int | None,
) -> ConceptFramework:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.state_enum not in EDITABLE_IN:
        raise ValidationError(
            "The concept is frozen once set-up has started; changes go through an amendment."
        )
    concept, created = ConceptFramework.objects.get_or_create(project=locked)
    current = UNSAVED if created else concept.row_version
    if expected_version is not None and current != expected_version:
        raise StaleEdit()
    before = concept_snapshot(locked, concept)
    for name in CONCEPT_FIELDS:
        if name in fields:
            setattr(concept, name, fields[name])
    concept.full_clean()
    if concept.start_year and not 2000 <= concept.start_year <= timezone.localdate().year + 10:
        raise ValidationError({"start_year": "Enter a year between 2000 and ten years from now."})
    partner_ids = {p.organisation_id for p in locked.partners.all()}
    for org_id, (description, value) in contributions.items():
        if org_id not in partner_ids:
            raise ValidationError(
                "A contribution was given for an organisation that is not a partner."
            )
        ConceptContribution.objects.update_or_create(
            concept=concept,
            organisation_id=org_id,
            defaults={"description": description.strip(), "estimated_value": value},
        )
    after = concept_snapshot(locked, concept)
    changes = audit.diff(before, after)
    if changes:
        concept.row_version += 1
    concept.save()
    if changes:
        audit.record(
            actor=actor, action="concept.saved", obj=concept, project_id=locked.pk, changes=changes
        )
    return concept


def decision_report(project: Project, today: dt.date | None = None) -> GateReport:
    """The approval gate's rules, less the one that the decision itself settles."""
    report = partnerships.gate_report(project, APPROVAL_GATE, today)
    return GateReport(
        report.gate,
        tuple(r for r in report.results if r.rule.id not in RULES_SETTLED_BY_DECIDING),
        report.project_id,
    )


@transaction.atomic
def concept_decide(
    *,
    actor: User,
    project: Project,
    organisation: Organisation,
    decision: str,
    reason: str = "",
    risk_reasons: Mapping[str, str] | None = None,
    expected_hash: str | None = None,
    today: dt.date | None = None,
) -> SignOffAct:
    """Record one partner's decision on the current concept; the last approval moves the project on."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.state_enum not in DECIDABLE_IN:
        raise ValidationError("The concept can only be decided while the project is being scoped.")
    if not locked.partners.filter(organisation=organisation).exists():
        raise ValidationError(f"{organisation} is not a partner in this project.")
    if not Membership.objects.filter(
        user=actor, organisation=organisation, role__in=DECISION_ROLES
    ).exists():
        raise ValidationError(f"You are not authorised to decide on behalf of {organisation}.")
    if decision not in Decision.values:
        raise ValidationError({"decision": "Choose approve or reject."})
    if decision == Decision.REJECT and not reason.strip():
        raise ValidationError(
            {"reason": "Say why you are rejecting the concept, so the partners can act on it."}
        )
    concept = ConceptFramework.objects.filter(project=locked).first()
    snapshot = concept_snapshot(locked, concept)
    digest = content_hash(snapshot)
    if expected_hash is not None and expected_hash != digest:
        raise StaleEdit()
    if decision == Decision.APPROVE:
        report = decision_report(locked, today)
        if report.failed_blockers:
            raise GateBlocked(report)
        partnerships.risks_accept(
            actor=actor,
            project=locked,
            gate=APPROVAL_GATE,
            report=report,
            reasons=risk_reasons or {},
        )
        unaccepted = report.unaccepted_risks(partnerships.accepted_risk_ids(locked, APPROVAL_GATE))
        if unaccepted:
            raise GateBlocked(report, unaccepted)
    # The engine checks conflicts (and authority again), ignores a repeat, audits the act.
    record = record_act(
        actor=actor,
        project=locked,
        document=DOCUMENT,
        subject=SUBJECT,
        act=core.Act(decision),
        body=core.BodyKind.PARTNER,
        organisation=organisation,
        reason=reason,
        snapshot=snapshot,
    )
    if locked.state_enum is State.SCOPING and approval_state(locked, concept).all_approved:
        partnerships.transition_locked(
            actor=actor, project=locked, name="approve_concept", today=today
        )
    return record
