"""How one amendment reads: its status, changes, impacts, sign-off and variation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from triplewin.amendments.fields import TYPE_KEY
from triplewin.amendments.models import Amendment, AmendmentStatus
from triplewin.amendments.presenters.type_change import COMPARISON_SOURCE, type_change_notes
from triplewin.amendments.presenters.variation import VariationPartyRow, variation_rows
from triplewin.amendments.selectors import is_stale, sign_off_state
from triplewin.config.filters import govuk_date
from triplewin.core import signoff as core
from triplewin.pid.diff import SectionChange, compare
from triplewin.pid.presenters.signoff import SignOffRow
from triplewin.pid.sections import assemble, from_snapshot
from triplewin.pid.selectors import latest_version


@dataclass(frozen=True)
class Status:
    text: str
    tag_colour: str
    explanation: str


@dataclass(frozen=True)
class ChangeRow:
    pk: int
    section: str
    label: str
    before: str
    after: str


class AmendmentPresenter:
    def __init__(self, amendment: Amendment) -> None:
        self.amendment = amendment
        self.project = amendment.project
        self.is_draft = amendment.status == AmendmentStatus.DRAFT
        self.is_submitted = amendment.status == AmendmentStatus.SUBMITTED
        self.is_approved = amendment.status == AmendmentStatus.APPROVED
        self.stale = is_stale(amendment)

    @cached_property
    def state(self) -> core.VersionSignOff:
        return sign_off_state(self.amendment)

    @property
    def short_hash(self) -> str:
        return self.amendment.content_hash[:12]

    @property
    def status(self) -> Status:
        a = self.amendment
        if self.is_approved:
            number = a.produced_version.number if a.produced_version else "?"
            return Status("Approved", "green", f"Applied to the PID as version {number}.")
        if self.is_draft:
            return Status("Draft", "grey", "Say what changes, then submit it for sign-off.")
        if self.stale:
            return Status(
                "PID changed since submission",
                "orange",
                "The PID has changed since this amendment was submitted. Return it to draft and "
                "submit it again, so approvers see exactly what would change.",
            )
        if self.state.rejected_by:
            return Status(
                "Rejected",
                "red",
                "Rejected by " + "; ".join(self.state.rejected_by) + ". See the reasons below.",
            )
        return Status(
            "Awaiting sign-off",
            "blue",
            "Waiting for certification by the company and approval by the project team and each "
            "partner's governance committee.",
        )

    def changes(self) -> list[ChangeRow]:
        return [
            ChangeRow(c.pk, c.section_title, c.field_label, c.before, c.after)
            for c in self.amendment.changes.all()
        ]

    type_change_source = COMPARISON_SOURCE

    @cached_property
    def type_change_notes(self) -> list[str]:
        """What a change of type would mean, while the amendment can still be changed or decided."""
        if self.is_approved:
            return []
        change = next((c for c in self.amendment.changes.all() if c.field_key == TYPE_KEY), None)
        return type_change_notes(self.project, change.after) if change else []

    def impacts(self) -> list[tuple[str, str]]:
        a = self.amendment
        rows = [
            ("Why the change is needed", a.reason),
            ("Impact on the timeline", a.impact_timeline),
            ("Impact on logistics and resources", a.impact_logistics),
            ("Impact on money", a.impact_money),
            ("The agreement changes", "Yes" if a.changes_contract else "No"),
        ]
        if a.changes_contract:
            rows.append(("What changes in the agreement", a.contract_changes))
        if a.submitted_on:
            rows.append(("Submitted on", govuk_date(a.submitted_on)))
        if a.base_version:
            rows.append(("Written against PID version", str(a.base_version.number)))
        return rows

    def other_changes(self) -> list[SectionChange]:
        """What the records behind the PID already changed since its last version.

        The next version is assembled from those records, so it will hold these changes too.
        """
        if self.is_approved:
            return []
        latest = latest_version(self.project)
        if latest is None:
            return []
        return compare(from_snapshot(latest.snapshot), assemble(self.project))

    def certification_row(self) -> SignOffRow:
        cert = self.state.certification
        who = "Certification by the industry partner"
        if cert is None:
            return SignOffRow(who, "Waiting", "grey", "Not certified yet.")
        return SignOffRow(
            who,
            "Certified",
            "green",
            f"Certified for {cert.organisation_name} by {cert.actor_label} on "
            f"{govuk_date(cert.at)}.",
        )

    def decision_rows(self) -> list[SignOffRow]:
        rows = []
        for d in self.state.decisions:
            latest = d.latest
            if latest is None:
                rows.append(SignOffRow(d.body.label, "Waiting", "grey", "No decision yet."))
                continue
            approved = d.approved
            verb = "Approved" if approved else "Rejected"
            detail = f"{verb} by {latest.actor_label} on {govuk_date(latest.at)}."
            if latest.reason:
                detail = f"{detail} {latest.reason}"
            rows.append(SignOffRow(d.body.label, verb, "green" if approved else "red", detail))
        return rows

    @cached_property
    def signatures(self) -> list[VariationPartyRow]:
        variation = getattr(self.amendment, "variation", None)
        if variation is None:
            return []
        return variation_rows(variation)
