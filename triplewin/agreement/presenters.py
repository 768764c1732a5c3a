"""Display logic for the agreement page and the required-clauses checklist."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from triplewin.agreement.models import Agreement, SignedCopy
from triplewin.agreement.selectors import (
    Signature,
    agreement_of,
    agreement_pid_mismatches,
    agreement_unsigned_parties,
    clause_statuses,
    parties_of,
    partners_not_named,
    party_signatures,
)
from triplewin.agreement.services import EDITABLE_IN
from triplewin.config.filters import govuk_date
from triplewin.core.lifecycle import STATES, State
from triplewin.partnerships.models import Project


@dataclass(frozen=True)
class ClauseRow:
    name: str
    description: str
    present: bool
    value: str

    @property
    def status(self) -> str:
        return "Present" if self.present else "Missing"

    @property
    def tag_colour(self) -> str:
        return "green" if self.present else "red"


@dataclass(frozen=True)
class PartyRow:
    pk: int
    organisation: str
    signatory: str
    signed: str
    is_signed: bool
    legal_entity: bool


@dataclass(frozen=True)
class CopyRow:
    pk: int
    name: str
    size: str
    fingerprint: str
    uploaded: str


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def _clause_value(agreement: Agreement | None, field: str) -> str:
    if agreement is None:
        return ""
    value = getattr(agreement, field)
    if field == "code_breach_acknowledged":
        # A clause, not an admission: say what the agreement provides.
        return "Covered: the agreement may be amended or ended after a breach" if value else ""
    if field == "term_months":
        return "" if value is None else f"{value} months"
    if field == "agreement_date":
        return govuk_date(value)
    return str(value or "")


def _signed(signature: Signature | None) -> str:
    return f"Signed {govuk_date(signature.signed_on)}" if signature else "Not signed yet"


class AgreementPresenter:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.agreement = agreement_of(project)
        self.party_records = parties_of(self.agreement)

    @cached_property
    def signatures(self) -> dict[int, Signature | None]:
        """Each party's signature on the terms as they stand, from the sign-off engine."""
        return party_signatures(self.project, self.party_records)

    @property
    def exists(self) -> bool:
        return self.agreement is not None

    @property
    def editable(self) -> bool:
        return self.project.state_enum in EDITABLE_IN

    @property
    def working_type(self) -> str:
        return self.agreement.get_working_type_display() if self.agreement else ""

    def clauses(self) -> list[ClauseRow]:
        return [
            ClauseRow(
                s.clause.name,
                s.clause.description,
                s.present,
                _clause_value(self.agreement, s.clause.field),
            )
            for s in clause_statuses(self.project, self.agreement)
        ]

    def pid_mismatches(self) -> tuple[str, ...] | None:
        """How the agreement differs from the approved PID; None when there is nothing to compare."""
        found = agreement_pid_mismatches(self.project)
        return None if found is None else tuple(m[:1].upper() + m[1:] for m in found)

    def missing(self) -> list[str]:
        return [c.name for c in self.clauses() if not c.present]

    def parties(self) -> list[PartyRow]:
        signed = self.signatures
        return [
            PartyRow(
                pk=p.pk,
                organisation=p.organisation.name,
                signatory=f"{p.signatory_name}, {p.signatory_job_title}",
                signed=_signed(signed[p.pk]),
                is_signed=signed[p.pk] is not None,
                legal_entity=p.organisation.is_legal_entity,
            )
            for p in self.party_records
        ]

    @property
    def partners_not_named(self) -> tuple[str, ...]:
        return partners_not_named(self.project, self.party_records)

    @property
    def all_signed(self) -> bool:
        return agreement_unsigned_parties(self.project) == ()

    @property
    def status_note(self) -> str:
        """Where signing stands relative to the lifecycle, in one sentence."""
        state = self.project.state_enum
        if not self.party_records:
            return "No parties have been named yet."
        if not self.all_signed:
            signed = self.signatures
            waiting = [p.organisation.name for p in self.party_records if signed[p.pk] is None]
            if not waiting:
                return "Every named party has signed, but not every partner is a party yet."
            return f"Waiting for {', '.join(waiting)} to sign."
        if state is State.PID_APPROVED:
            return (
                "Every party has signed, but the project has not moved on to 'Agreement "
                "signed'. The project page shows which rules still stand in the way."
            )
        if state is State.SETUP:
            return (
                "Every party has signed. The project moves on to 'Agreement signed' as soon "
                "as the PID is approved."
            )
        return f"Every party has signed. The project is '{STATES[state].label}'."

    def copies(self) -> list[CopyRow]:
        if self.agreement is None:
            return []
        return [
            CopyRow(
                pk=c.pk,
                name=c.original_name,
                size=_size(c.size),
                fingerprint=c.sha256[:12],
                uploaded=f"{c.uploaded_by_label}, {govuk_date(c.uploaded_at)}",
            )
            for c in SignedCopy.objects.filter(agreement=self.agreement)
        ]
