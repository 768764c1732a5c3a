"""Amendments to an approved PID: drafted, submitted, certified and approved (or not yet)."""

from __future__ import annotations

from triplewin.amendments import services as amendment_services
from triplewin.demo.data.stage3_types import AmendmentSpec
from triplewin.demo.stage2.lookup import Lookup
from triplewin.partnerships.models import Project
from triplewin.pid.models import Decision


def load_amendment(spec: AmendmentSpec, project: Project, lookup: Lookup, where: str) -> None:
    actor = lookup.user(spec.raised_by, where)
    amendment = amendment_services.amendment_create(
        actor=actor,
        project=project,
        fields={
            "title": spec.title,
            "reason": spec.reason,
            "impact_timeline": spec.impact_timeline,
            "impact_logistics": spec.impact_logistics,
            "impact_money": spec.impact_money,
            "changes_contract": spec.changes_contract,
            "contract_changes": spec.contract_changes,
        },
    )
    for key, after in spec.changes.items():
        amendment_services.amendment_change_set(
            actor=actor, amendment=amendment, field_key=key, after=after
        )
    if not spec.submitted:
        return
    amendment.refresh_from_db()
    amendment = amendment_services.amendment_submit(
        actor=actor, amendment=amendment, today=lookup.today
    )
    if spec.certified_by:
        amendment_services.amendment_certify(
            actor=lookup.user(spec.certified_by, where), amendment=amendment
        )
    for approval in spec.approvals:
        amendment.refresh_from_db()
        amendment_services.amendment_decide(
            actor=lookup.user(approval.email, where),
            amendment=amendment,
            body=approval.body,
            organisation=lookup.org(approval.org, where) if approval.org else None,
            decision=Decision.APPROVE,
        )
