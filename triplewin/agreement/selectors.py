"""Reads about the agreement, for the rules and the pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.agreement.clauses import Clause, required_clauses
from triplewin.agreement.models import Agreement, AgreementParty
from triplewin.core import signoff as core_signoff
from triplewin.core.agreement_terms import (
    AgreementTerms,
    PidTerms,
    mismatches,
    success_text,
    terms_hash,
)
from triplewin.partnerships.models import Project, WorkingType
from triplewin.signoff import selectors as signoff
from triplewin.signoff.sources import Version

# How the sign-off engine names the agreement's signatures (ADR 0024, signatures).
SIGNATURE_DOCUMENT = "agreement-signature"
SIGNATURE_SUBJECT = "agreement"
# The terms a signature is bound to: every clause of the record, not its parties.
TERMS_FIELDS = (
    "working_type",
    "agreement_date",
    "term_months",
    "benefits",
    "financial_arrangements",
    "roles_responsibilities",
    "success_measures",
    "publication_plans",
    "formulary_position",
    "contingency",
    "dispute_resolution",
    "exit_criteria",
    "confidentiality",
    "anti_bribery",
    "clinical_independence",
    "non_promotional",
    "competition_confidentiality",
    "code_breach_acknowledged",
)


def agreement_of(project: Project) -> Agreement | None:
    return Agreement.objects.filter(project=project).first()


def parties_of(agreement: Agreement | None) -> list[AgreementParty]:
    if agreement is None:
        return []
    return list(agreement.parties.select_related("organisation").order_by("organisation__name"))


def clause_present(agreement: Agreement, clause: Clause) -> bool:
    value = getattr(agreement, clause.field)
    if clause.is_flag:
        return bool(value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


@dataclass(frozen=True)
class ClauseStatus:
    clause: Clause
    present: bool


def clause_statuses(project: Project, agreement: Agreement | None) -> list[ClauseStatus]:
    return [
        ClauseStatus(c, agreement is not None and clause_present(agreement, c))
        for c in required_clauses(involves_medicines=project.involves_medicines)
    ]


def agreement_missing_clauses(project: Project) -> tuple[str, ...] | None:
    """None when no agreement has been recorded; else the names of the clauses it lacks."""
    agreement = agreement_of(project)
    if agreement is None:
        return None
    return tuple(s.clause.name for s in clause_statuses(project, agreement) if not s.present)


def partners_not_named(project: Project, parties: list[AgreementParty]) -> tuple[str, ...]:
    """Partners that could sign for themselves but are not parties to the agreement.

    A partner that is not a legal entity (a PCN, say) signs through another organisation, so
    it is not listed: its host may not be a partner at all.
    """
    named = {p.organisation_id for p in parties}
    return tuple(
        p.organisation.name
        for p in sorted(project.partners.all(), key=lambda p: p.organisation.name)
        if p.organisation.is_legal_entity and p.organisation_id not in named
    )


def agreement_hash(agreement: Agreement) -> str:
    """The fingerprint of the agreement's terms as they stand now."""
    return terms_hash({name: getattr(agreement, name) for name in TERMS_FIELDS})


class AgreementSignatures:
    """The agreement as the sign-off engine sees it: one text, under its terms' hash."""

    noun = "agreement"

    def versions(self, project: Project, subject: str) -> list[Version]:
        agreement = agreement_of(project)
        return [] if agreement is None else [Version(None, agreement_hash(agreement))]

    def live_hash(self, project: Project, subject: str) -> str:
        agreement = agreement_of(project)
        return "" if agreement is None else agreement_hash(agreement)


def signatures(
    project: Project, parties: list[AgreementParty] | None = None
) -> core_signoff.VersionSignOff | None:
    """Which parties have signed the agreement's terms as they stand; None without one."""
    if parties is None:
        parties = parties_of(agreement_of(project))
    return signoff.signatures(
        project, SIGNATURE_DOCUMENT, SIGNATURE_SUBJECT, [p.organisation for p in parties]
    )


@dataclass(frozen=True)
class Signature:
    """A party's standing signature, as pages and documents show it."""

    signed_on: dt.date
    signatory: str
    recorded_by: str


def party_signatures(
    project: Project, parties: list[AgreementParty]
) -> dict[int, Signature | None]:
    """Each party's signature on the terms as they stand, by party id (None: not signed)."""
    from django.utils import timezone

    state = signatures(project, parties)
    found: dict[int, Signature | None] = {}
    for party in parties:
        act = signoff.signature_of(state, party.organisation) if state else None
        found[party.pk] = (
            None
            if act is None
            else Signature(
                timezone.localtime(act.at).date(),
                core_signoff.signatory_of(act.statement),
                core_signoff.person(act.actor_label),
            )
        )
    return found


def agreement_unsigned_parties(project: Project) -> tuple[str, ...] | None:
    """None when there is no agreement or it names no parties; else who has not yet signed.

    A partner that can sign but is missing from the parties has not signed either, so it is
    listed too: an agreement signed by the company alone is not signed by all. The sign-off
    engine answers who has signed the terms as they stand.
    """
    parties = parties_of(agreement_of(project))
    if not parties:
        return None
    state = signatures(project, parties)
    unsigned = state.unsigned if state is not None else tuple(p.organisation.name for p in parties)
    return unsigned + tuple(
        f"{name} (not named as a party)" for name in partners_not_named(project, parties)
    )


def agreement_non_legal_parties(project: Project) -> tuple[str, ...]:
    """Parties that cannot sign for themselves (flag changed after they were added, say)."""
    return tuple(
        p.organisation.name
        for p in parties_of(agreement_of(project))
        if not p.organisation.is_legal_entity
    )


def _int_prefix(value: str) -> int | None:
    head = value.split(" ", 1)[0]
    return int(head) if head.isdigit() else None


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def approved_pid_terms(project: Project) -> PidTerms | None:
    """What the newest signed-off PID version says; None when no version was signed off."""
    from triplewin.pid.sections import from_snapshot
    from triplewin.pid.sections.base import find_value
    from triplewin.pid.selectors import latest_signed_off_version

    version = latest_signed_off_version(project)
    if version is None:
        return None
    sections = from_snapshot(version.snapshot)
    return PidTerms(
        type_label=find_value(sections, "project", "type"),
        planned_start=_iso(find_value(sections, "timing", "planned_start")),
        planned_end=_iso(find_value(sections, "timing", "planned_end")),
        length_months=_int_prefix(find_value(sections, "timing", "length")),
        success_measure=find_value(sections, "success", "success_measure"),
        success_when=find_value(sections, "success", "success_when"),
        success_by_whom=find_value(sections, "success", "success_by_whom"),
    )


def agreement_terms(agreement: Agreement) -> AgreementTerms:
    return AgreementTerms(
        type_label=str(agreement.get_working_type_display()),
        agreement_date=agreement.agreement_date,
        term_months=agreement.term_months,
        success_measures=agreement.success_measures,
    )


def agreement_pid_mismatches(project: Project) -> tuple[str, ...] | None:
    """None when there is no agreement or no signed-off PID to compare it with."""
    agreement = agreement_of(project)
    pid = approved_pid_terms(project)
    if agreement is None or pid is None:
        return None
    return mismatches(agreement_terms(agreement), pid)


def drawn_from_pid(project: Project) -> dict[str, object]:
    """Starting values for a new agreement's project information, taken from the approved PID."""
    pid = approved_pid_terms(project)
    if pid is None:
        return {}
    drawn: dict[str, object] = {}
    by_label = {str(label): value for value, label in WorkingType.choices}
    if pid.type_label in by_label:
        drawn["working_type"] = by_label[pid.type_label]
    if pid.planned_start is not None and pid.planned_end is not None:
        months = (pid.planned_end.year - pid.planned_start.year) * 12 + (
            pid.planned_end.month - pid.planned_start.month
        )
        drawn["term_months"] = months + (1 if pid.planned_end.day > pid.planned_start.day else 0)
    elif pid.length_months is not None:
        drawn["term_months"] = pid.length_months
    success = success_text(pid)
    if success:
        drawn["success_measures"] = success
    return drawn
