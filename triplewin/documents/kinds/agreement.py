"""Heads of terms for the collaborative or joint working agreement, drawn from its clauses.

Every required clause appears. A clause the agreement record does not yet fill is left as a
highlighted "[To be agreed: …]" placeholder, so a legal team sees at once what is open.
"""

from __future__ import annotations

from django.urls import reverse

from triplewin.agreement.clauses import Clause, required_clauses
from triplewin.agreement.models import Agreement
from triplewin.agreement.selectors import parties_of
from triplewin.core.documents import catalogue
from triplewin.core.documents.definitions import Definition
from triplewin.core.documents.model import Document, Field, Section
from triplewin.documents.kinds.base import Kind, Snapshot
from triplewin.partnerships.models import Project

FLAG_TEXT = (
    "The parties acknowledge that a breach of the ABPI Code of Practice may require this "
    "agreement to be amended or the project to be stopped."
)


def definition_for(clauses: tuple[Clause, ...]) -> Definition:
    return catalogue.heads_of_terms((c.field, c.name, c.description) for c in clauses)


def _value(agreement: Agreement | None, clause: Clause) -> str:
    if agreement is None:
        return ""
    value = getattr(agreement, clause.field)
    if clause.is_flag:
        return FLAG_TEXT if value else ""
    if value is None:
        return ""
    if clause.field == "term_months":
        return f"{value} months"
    if clause.field == "agreement_date":
        return str(value.isoformat())
    return str(value)


def _parties(project: Project, agreement: Agreement | None) -> Section:
    parties = parties_of(agreement)
    if parties:
        fields = tuple(
            Field(
                f"party-{p.organisation_id}",
                p.organisation.name,
                f"Signing for it: {p.signatory_name}, {p.signatory_job_title}.",
            )
            for p in parties
        )
    else:
        fields = tuple(
            Field(
                f"party-{p.organisation_id}",
                p.organisation.name,
                "",
                placeholder="the legal entity that signs, and its signatory",
            )
            for p in project.partners.select_related("organisation").order_by("organisation__name")
        )
    return Section("parties", "Parties", fields)


class AgreementKind(Kind):
    definition = definition_for(required_clauses(involves_medicines=True))

    def owner_url(self, project: Project, subject: str) -> str:
        return reverse("agreement:detail", args=[project.pk])

    def current(self, project: Project, subject: str) -> Snapshot:
        agreement = Agreement.objects.filter(project=project).first()
        clauses = required_clauses(involves_medicines=project.involves_medicines)
        definition = definition_for(clauses)
        sections = [_parties(project, agreement)]
        for clause, spec in zip(clauses, definition.sections[1:], strict=True):
            value = _value(agreement, clause)
            sections.append(
                Section(
                    spec.key,
                    spec.title,
                    (
                        Field(
                            clause.field,
                            clause.name,
                            value,
                            placeholder="" if value else clause.description,
                        ),
                    ),
                    intro=spec.intro,
                )
            )
        working = (
            agreement.get_working_type_display()
            if agreement
            else project.get_intended_type_display()
        )
        document = Document(
            kind=definition.kind,
            title=definition.title,
            project=project.title,
            subtitle=str(working),
            sections=tuple(sections),
        )
        return Snapshot(document, "")
