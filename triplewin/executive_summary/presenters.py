"""Display logic for the executive summary and its workflow."""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.core.dates import long_date
from triplewin.core.lifecycle import State
from triplewin.executive_summary.models import ExecutiveSummary, Status
from triplewin.executive_summary.selectors import (
    FIELD_LABELS,
    TEXT_FIELDS,
    certification_holds,
    summary_missing,
)
from triplewin.partnerships.models import Project
from triplewin.pid.selectors import pid_status

STATUS_COLOURS = {Status.DRAFT: "grey", Status.CERTIFIED: "blue", Status.PUBLISHED: "green"}


@dataclass(frozen=True)
class Row:
    label: str
    value: str


class SummaryPresenter:
    def __init__(self, project: Project, summary: ExecutiveSummary | None) -> None:
        self.project = project
        self.summary = summary

    @property
    def exists(self) -> bool:
        return self.summary is not None

    @property
    def row_version(self) -> int | None:
        return self.summary.row_version if self.summary else None

    @property
    def status_tag(self) -> dict[str, str]:
        if self.summary is None:
            return {"text": "Not drafted", "classes": "nhsuk-tag--grey"}
        status = Status(self.summary.status)
        return {"text": status.label, "classes": f"nhsuk-tag--{STATUS_COLOURS[status]}"}

    @property
    def is_published(self) -> bool:
        return self.summary is not None and self.summary.status == Status.PUBLISHED

    @property
    def pid_approved(self) -> bool:
        return bool(pid_status(self.project).approved)

    @property
    def can_publish_now(self) -> bool:
        return (
            self.summary is not None
            and certification_holds(self.summary)
            and self.project.state_enum is State.AGREEMENT_SIGNED
        )

    def rows(self) -> list[Row]:
        if self.summary is None:
            return []
        return [Row(FIELD_LABELS[name], getattr(self.summary, name)) for name in TEXT_FIELDS]

    def missing(self) -> tuple[str, ...]:
        return summary_missing(self.summary) if self.summary else ()

    def provenance(self) -> list[str]:
        s = self.summary
        if s is None:
            return []
        lines = []
        if s.generated_from is not None:
            lines.append(f"Drafted from PID version {s.generated_from.number}.")
        if s.certified_on:
            who = (
                f" by {s.certified_by.get_full_name() or s.certified_by.username}"
                if s.certified_by
                else ""
            )
            lines.append(f"Certified{who} on {long_date(s.certified_on)}.")
        if s.published_on:
            lines.append(f"Published on {long_date(s.published_on)}.")
        return lines
