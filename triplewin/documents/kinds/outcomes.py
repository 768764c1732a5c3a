"""The Summary of Project Outcomes, read from its app, which certifies, approves and publishes."""

from __future__ import annotations

from triplewin.core.documents import catalogue
from triplewin.core.documents.definitions import build
from triplewin.core.documents.model import Status
from triplewin.documents.kinds.base import Decided, Kind, Signer, Snapshot, at_midnight
from triplewin.organisations.models import Role
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.models import Status as OutcomesStatus
from triplewin.outcomes.selectors import (
    TEXT_FIELDS,
    certification_holds,
    fully_approved,
    summary_hash,
)
from triplewin.partnerships.models import Project
from triplewin.plans.selectors import evaluation_lines
from triplewin.team.selectors import display_name


class OutcomesKind(Kind):
    definition = catalogue.OUTCOMES
    owner_url_name = "outcomes:detail"

    def current(self, project: Project, subject: str) -> Snapshot:
        summary = OutcomesSummary.objects.filter(project=project).first()
        text = {name: getattr(summary, name) if summary else "" for name in TEXT_FIELDS}
        # From the evaluation plan, which is fixed once delivery starts, before any summary.
        text["evaluator"] = "\n".join(evaluation_lines(project))
        values = {
            spec.key: {f.key: text.get(f.key, "") for f in spec.fields}
            for spec in self.definition.sections
        }
        document = build(self.definition, project=project.title, values=values)
        return Snapshot(document, summary_hash(summary) if summary else "")

    def signed_off(self, project: Project, subject: str) -> list[Snapshot]:
        summary = OutcomesSummary.objects.filter(project=project).first()
        if summary is None or self._decided(project, summary, summary_hash(summary)) is None:
            return []
        return [self.current(project, subject)]

    def _decided(
        self, project: Project, summary: OutcomesSummary, source_hash: str
    ) -> Decided | None:
        if not source_hash or summary_hash(summary) != source_hash:
            return None
        by = display_name(summary.certified_by) if summary.certified_by else ""
        when = at_midnight(summary.certified_on)
        signer = Signer(summary.certified_by_id, role=Role.CERTIFICATION_SIGNATORY)
        if summary.status == OutcomesStatus.PUBLISHED:
            return Decided(Status.PUBLISHED, by, when, signer)
        if not certification_holds(summary):
            return None
        if fully_approved(project, summary):
            return Decided(Status.APPROVED, by, when, signer)
        return Decided(Status.CERTIFIED, by, when, signer)

    def status_of(
        self, project: Project, subject: str, source_hash: str, content_hash: str
    ) -> Decided | None:
        summary = OutcomesSummary.objects.filter(project=project).first()
        return self._decided(project, summary, source_hash) if summary else None
