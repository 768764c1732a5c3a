"""Reads about the concept: its exact content, its hash, and where approval stands."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from triplewin.concept.models import CONCEPT_FIELDS, ConceptFramework, Decision
from triplewin.core import checklist
from triplewin.partnerships.models import Project
from triplewin.scoping.models import ClassificationChecklist
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.selectors import acts_of
from triplewin.signoff.sources import Version

# How the sign-off engine names the concept (ADR 0024). Partners decide on its live content,
# so each decision keeps the content it saw as its snapshot.
DOCUMENT = "concept"
SUBJECT = "concept"

# Parts of the approved content added after some decisions were already recorded (issue 13:
# the expected effect on prescribing, and the checklist answers). A decision whose snapshot
# lacks one of these was made before it existed; it is compared with the current content
# without that part, so that upgrading the product does not unsettle every past approval.
# Every decision recorded since binds them.
ADDED_LATER = ("expected_prescribing_effect", "checklist")

FIELD_LABELS: dict[str, str] = {
    name: str(getattr(ConceptFramework._meta.get_field(name), "verbose_name", name))
    for name in CONCEPT_FIELDS
}


def concept_snapshot(project: Project, concept: ConceptFramework | None) -> dict[str, Any]:
    """Everything a partner approves, in a stable, comparable form."""
    partners = [
        {"organisation": p.organisation.name, "role": p.party_role}
        for p in sorted(project.partners.all(), key=lambda p: p.organisation.name)
    ]
    body: dict[str, Any] = {
        "title": project.title,
        "intended_type": project.intended_type,
        "partners": partners,
    }
    if concept is not None:
        body.update({name: getattr(concept, name) for name in CONCEPT_FIELDS})
        body["contributions"] = [
            {
                "organisation": c.organisation.name,
                "description": c.description,
                "estimated_value": None if c.estimated_value is None else str(c.estimated_value),
            }
            for c in sorted(concept.contributions.all(), key=lambda c: c.organisation.name)
        ]
        body["checklist"] = checklist_answers(project)
    return body


def checklist_answers(project: Project) -> dict[str, str]:
    """The classification checklist as answered, by question id, in the catalogue's order."""
    record = ClassificationChecklist.objects.filter(project=project).first()
    stored = checklist.upgrade_answers(record.answers if record else {})
    return {q.id: stored[q.id] for q in checklist.QUESTIONS if stored.get(q.id)}


def hash_as_seen_by(decision_snapshot: dict[str, Any], current: dict[str, Any]) -> str:
    """The current content's hash, leaving out any part the decision predates."""
    body = {k: v for k, v in current.items() if k not in ADDED_LATER or k in decision_snapshot}
    return content_hash(body)


def decided_on_current(decision: SignOffAct, current: dict[str, Any]) -> bool:
    """Whether a decision was made on exactly the content as it stands now."""
    return decision.content_hash == hash_as_seen_by(decision.snapshot or {}, current)


def decisions_of(project: Project) -> list[SignOffAct]:
    """Every partner's decisions on the concept, oldest first, from the sign-off engine."""
    return acts_of(project, DOCUMENT, SUBJECT)


class ConceptVersions:
    """The concept as the sign-off engine sees it: one version, its content as it stands."""

    noun = "concept"

    def versions(self, project: Project, subject: str) -> list[Version]:
        concept = ConceptFramework.objects.filter(project=project).first()
        if concept is None:
            return []
        return [Version(None, content_hash(concept_snapshot(project, concept)))]

    def live_hash(self, project: Project, subject: str) -> str:
        concept = ConceptFramework.objects.filter(project=project).first()
        return content_hash(concept_snapshot(project, concept))


def content_hash(snapshot: dict[str, Any]) -> str:
    canonical = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def missing_parts(project: Project, concept: ConceptFramework | None) -> tuple[str, ...] | None:
    if concept is None:
        return None
    missing = [
        FIELD_LABELS[name] for name in CONCEPT_FIELDS if getattr(concept, name) in (None, "")
    ]
    described = {c.organisation_id for c in concept.contributions.all() if c.description.strip()}
    missing.extend(
        f"contribution from {p.organisation.name}"
        for p in project.partners.all()
        if p.organisation_id not in described
    )
    return tuple(missing)


@dataclass(frozen=True)
class ApprovalState:
    current_hash: str
    approved: tuple[SignOffAct, ...]
    pending: tuple[str, ...]
    rejected_by: tuple[str, ...]
    stale: tuple[SignOffAct, ...]
    ever_decided: bool

    @property
    def all_approved(self) -> bool:
        return not self.pending and not self.rejected_by


def approval_state(project: Project, concept: ConceptFramework | None) -> ApprovalState:
    snapshot = concept_snapshot(project, concept)
    current = content_hash(snapshot)
    latest: dict[int, SignOffAct] = {}
    decisions = decisions_of(project)
    for decision in decisions:
        if decision.organisation_id is not None:
            latest[decision.organisation_id] = decision
    approved, stale, pending, rejected = [], [], [], []
    for partner in project.partners.all():
        found = latest.get(partner.organisation_id)
        if found is None:
            pending.append(partner.organisation.name)
        elif not decided_on_current(found, snapshot):
            stale.append(found)
            pending.append(partner.organisation.name)
        elif found.act == Decision.REJECT:
            rejected.append(partner.organisation.name)
        else:
            approved.append(found)
    return ApprovalState(
        current, tuple(approved), tuple(pending), tuple(rejected), tuple(stale), bool(decisions)
    )
