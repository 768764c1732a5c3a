"""Reads about amendments: their content hash, where sign-off stands, and whether one may start."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triplewin.agreement.selectors import agreement_of, parties_of
from triplewin.amendments.models import (
    Amendment,
    AmendmentApproval,
    AmendmentCertification,
    AmendmentStatus,
)
from triplewin.concept.selectors import content_hash
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.pid.models import Decision
from triplewin.pid.selectors import Body, current_hash, latest_signed_off_version, required_bodies
from triplewin.pid.services import AMENDABLE_IN


def amendments_of(project: Project) -> list[Amendment]:
    return list(
        Amendment.objects.filter(project=project)
        .select_related("project", "produced_version", "base_version")
        .order_by("number")
    )


def amendment_snapshot(amendment: Amendment, base_hash: str) -> dict[str, Any]:
    """Everything approvers decide on, including the PID content it was written against."""
    return {
        "number": amendment.number,
        "title": amendment.title,
        "reason": amendment.reason,
        "impact_timeline": amendment.impact_timeline,
        "impact_logistics": amendment.impact_logistics,
        "impact_money": amendment.impact_money,
        "changes_contract": amendment.changes_contract,
        "contract_changes": amendment.contract_changes,
        "changes": [
            {"field": c.field_key, "before": c.before, "after": c.after}
            for c in amendment.changes.order_by("field_key")
        ],
        "base_hash": base_hash,
    }


def amendment_hash(amendment: Amendment, base_hash: str) -> str:
    return content_hash(amendment_snapshot(amendment, base_hash))


def may_raise(project: Project) -> str:
    """Why an amendment cannot be raised now, or "" if it can."""
    if project.state_enum not in AMENDABLE_IN:
        return (
            "Amendments are raised once the PID is approved and until delivery ends; before "
            "that, change the PID itself."
        )
    if latest_signed_off_version(project) is None:
        return "There is no approved PID version to amend yet."
    return ""


def is_stale(amendment: Amendment) -> bool:
    """Submitted, but the PID has changed since, so approvers would not see what it changes."""
    return (
        amendment.status == AmendmentStatus.SUBMITTED
        and current_hash(amendment.project) != amendment.base_hash
    )


@dataclass(frozen=True)
class BodyDecision:
    body: Body
    latest: AmendmentApproval | None

    @property
    def approved(self) -> bool:
        return self.latest is not None and self.latest.decision == Decision.APPROVE

    @property
    def rejected(self) -> bool:
        return self.latest is not None and self.latest.decision == Decision.REJECT


@dataclass(frozen=True)
class SignOffState:
    certification: AmendmentCertification | None
    decisions: tuple[BodyDecision, ...]

    @property
    def certified(self) -> bool:
        return self.certification is not None

    @property
    def approved_by_all(self) -> bool:
        return all(d.approved for d in self.decisions)

    @property
    def rejected_by(self) -> tuple[str, ...]:
        return tuple(d.body.label for d in self.decisions if d.rejected)

    @property
    def signed_off(self) -> bool:
        return self.certified and self.approved_by_all


def _key(approval: AmendmentApproval) -> str:
    return "team" if approval.organisation_id is None else f"committee-{approval.organisation_id}"


def sign_off_state(amendment: Amendment) -> SignOffState:
    """Only decisions on the content as it stands count; none exist before submission."""
    digest = amendment.content_hash
    certification = (
        amendment.certifications.filter(content_hash=digest).order_by("at", "id").first()
        if digest
        else None
    )
    latest: dict[str, AmendmentApproval] = {}
    if digest:
        for approval in amendment.approvals.filter(content_hash=digest).select_related(
            "organisation"
        ):
            latest[_key(approval)] = approval
    return SignOffState(
        certification,
        tuple(BodyDecision(b, latest.get(b.key)) for b in required_bodies(amendment.project)),
    )


def variation_parties(project: Project) -> list[Organisation]:
    """Who signs a variation: the agreement's parties, or the partners if none are named."""
    parties = parties_of(agreement_of(project))
    if parties:
        return [p.organisation for p in parties]
    return [
        p.organisation
        for p in project.partners.select_related("organisation").order_by("organisation__name")
    ]
