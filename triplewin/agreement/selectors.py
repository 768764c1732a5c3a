"""Reads about the agreement, for the rules and the pages."""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.agreement.clauses import Clause, required_clauses
from triplewin.agreement.models import Agreement, AgreementParty
from triplewin.partnerships.models import Project


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


def agreement_unsigned_parties(project: Project) -> tuple[str, ...] | None:
    """None when there is no agreement or it names no parties; else who has not yet signed.

    A partner that can sign but is missing from the parties has not signed either, so it is
    listed too: an agreement signed by the company alone is not signed by all.
    """
    parties = parties_of(agreement_of(project))
    if not parties:
        return None
    unsigned = tuple(p.organisation.name for p in parties if p.signed_on is None)
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
