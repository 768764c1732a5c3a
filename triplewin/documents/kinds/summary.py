"""The executive summary, read from its app, which certifies and publishes it."""

from __future__ import annotations

from triplewin.core.documents import catalogue
from triplewin.core.documents.definitions import build
from triplewin.documents.kinds.base import Decided, Kind, Snapshot
from triplewin.documents.kinds.engine import decided_by_engine
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.executive_summary.selectors import DOCUMENT, SUBJECT, TEXT_FIELDS, summary_hash
from triplewin.partnerships.models import Project


def _values(summary: ExecutiveSummary | None) -> dict[str, dict[str, str]]:
    text = {name: getattr(summary, name) if summary else "" for name in TEXT_FIELDS}
    return {
        spec.key: {f.key: text.get(f.key, "") for f in spec.fields}
        for spec in catalogue.EXECUTIVE_SUMMARY.sections
    }


class SummaryKind(Kind):
    definition = catalogue.EXECUTIVE_SUMMARY
    owner_url_name = "executive_summary:detail"

    def current(self, project: Project, subject: str) -> Snapshot:
        summary = ExecutiveSummary.objects.filter(project=project).first()
        document = build(self.definition, project=project.title, values=_values(summary))
        return Snapshot(document, summary_hash(summary) if summary else "")

    def signed_off(self, project: Project, subject: str) -> list[Snapshot]:
        summary = ExecutiveSummary.objects.filter(project=project).first()
        if summary is None or self._decided(summary, summary_hash(summary)) is None:
            return []
        return [self.current(project, subject)]

    def _decided(self, summary: ExecutiveSummary, source_hash: str) -> Decided | None:
        if not source_hash or summary_hash(summary) != source_hash:
            return None
        # Published on the day of the publication; certified, on the day of the certification.
        return decided_by_engine(
            summary.project, DOCUMENT, SUBJECT, source_hash, dated_by_publication=True
        )

    def status_of(
        self, project: Project, subject: str, source_hash: str, content_hash: str
    ) -> Decided | None:
        summary = ExecutiveSummary.objects.filter(project=project).first()
        return self._decided(summary, source_hash) if summary else None
