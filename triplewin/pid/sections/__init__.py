"""Assembling the PID document from everything it draws on.

Each provider is a small function from the loaded sources to one section (or, for the plans,
several); the order of PROVIDERS is the order of the document.
"""

from __future__ import annotations

from collections.abc import Callable

from triplewin.partnerships.models import Project
from triplewin.pid.sections import concept, contacts, contributions, kpis, own, plan, plans, team
from triplewin.pid.sections.base import Field, Section, from_snapshot, to_snapshot
from triplewin.pid.sections.sources import Sources

__all__ = ["PROVIDERS", "Field", "Section", "Sources", "assemble", "from_snapshot", "to_snapshot"]

Provider = Callable[[Sources], Section | list[Section]]

PROVIDERS: tuple[Provider, ...] = (
    concept.the_project,
    concept.partners_and_stakeholders,
    contacts.contacts,
    concept.purpose_and_objectives,
    concept.benefits,
    concept.timing,
    plan.plan,
    own.success_criteria,
    kpis.kpis,
    team.project_team,
    team.governance_committees,
    own.governance_and_methodology,
    contributions.contributions,
    plans.plans,
    own.exit_and_termination,
    own.confidentiality,
)


def assemble(project: Project) -> list[Section]:
    src = Sources.load(project)
    document: list[Section] = []
    for provide in PROVIDERS:
        produced = provide(src)
        document.extend(produced if isinstance(produced, list) else [produced])
    return document
