"""Display logic for one frozen version and for the comparison of two versions."""

from __future__ import annotations

from triplewin.core import signoff as core
from triplewin.partnerships.models import Project
from triplewin.pid.diff import SectionChange, compare
from triplewin.pid.models import PidVersion
from triplewin.pid.presenters.document import SectionView, section_views
from triplewin.pid.presenters.signoff import SignOffRow, certification_row, decision_rows
from triplewin.pid.sections import from_snapshot
from triplewin.pid.selectors import DOCUMENT, SUBJECT, current_hash, version_state
from triplewin.signoff.models import SignOffAct


class VersionPresenter:
    def __init__(self, project: Project, version: PidVersion) -> None:
        self.project = project
        self.version = version
        live = current_hash(project)
        self.state = version_state(project, version, live_hash=live)
        self.is_current = live == version.content_hash

    @property
    def short_hash(self) -> str:
        return self.version.content_hash[:12]

    def document(self) -> list[SectionView]:
        return section_views(from_snapshot(self.version.snapshot))

    def certification(self) -> SignOffRow:
        return certification_row(self.state, current=self.is_current)

    def decisions(self) -> list[SignOffRow]:
        return decision_rows(self.project, self.state, current=self.is_current)

    def history(self) -> list[SignOffAct]:
        """Every decision on this version, superseded ones included."""
        return list(
            SignOffAct.objects.filter(
                project=self.project,
                document=DOCUMENT,
                subject=SUBJECT,
                version=self.version.number,
                act__in=[a.value for a in core.DECISIONS],
            )
            .select_related("organisation")
            .order_by("at", "id")
        )


class ComparisonPresenter:
    def __init__(self, older: PidVersion, newer: PidVersion) -> None:
        self.older = older
        self.newer = newer
        self.changes: list[SectionChange] = compare(
            from_snapshot(older.snapshot), from_snapshot(newer.snapshot)
        )

    @property
    def identical(self) -> bool:
        return not self.changes
