"""Display logic for the outcomes summary, its sign-off, its deadline and its public face."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from triplewin.core import signoff as core
from triplewin.core.dates import long_date
from triplewin.core.lifecycle import State
from triplewin.core.outcomes import OUTCOMES_OPEN_STATES, Deadline
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.outcomes.drafting import kpi_line, success_criteria
from triplewin.outcomes.models import OutcomesSummary, Status
from triplewin.outcomes.selectors import (
    FIELD_LABELS,
    TEXT_FIELDS,
    kpi_results,
    publication,
    published_outcomes,
    sign_off_state,
    summary_missing,
)
from triplewin.partnerships.models import Project
from triplewin.plans.selectors import evaluation_lines

NO_KPI_RESULTS = "No KPI results recorded"


@dataclass(frozen=True)
class Row:
    label: str
    value: str


class DeadlinePresenter:
    """The six-month deadline as a line of text and a tag; flagged red once overdue."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline

    @property
    def text(self) -> str:
        return self.deadline.text

    @property
    def overdue(self) -> bool:
        return self.deadline.overdue

    @property
    def tag(self) -> dict[str, str]:
        d = self.deadline
        if d.met and d.days_late:
            return {"text": "Published late", "classes": "nhsuk-tag--yellow"}
        if d.met:
            return {"text": "Published on time", "classes": "nhsuk-tag--green"}
        if d.overdue:
            return {"text": "Overdue", "classes": "nhsuk-tag--red"}
        return {"text": "Due", "classes": "nhsuk-tag--blue"}


@dataclass(frozen=True)
class DecisionRow:
    label: str
    status: str
    tag_colour: str
    detail: str


def _decision_row(d: core.BodyDecision) -> DecisionRow:
    if d.latest is None:
        return DecisionRow(d.body.label, "Awaiting decision", "grey", "")
    when = f"{long_date(d.latest.at)}"
    who = d.latest.actor_label
    if d.approved:
        return DecisionRow(d.body.label, "Approved", "green", f"By {who} on {when}.")
    return DecisionRow(d.body.label, "Rejected", "red", f"By {who} on {when}: {d.latest.reason}")


class OutcomesPresenter:
    def __init__(
        self, project: Project, summary: OutcomesSummary | None, deadline: Deadline | None
    ) -> None:
        self.project = project
        self.summary = summary
        self.deadline = DeadlinePresenter(deadline) if deadline else None

    @property
    def exists(self) -> bool:
        return self.summary is not None

    @property
    def row_version(self) -> int | None:
        return self.summary.row_version if self.summary else None

    @property
    def is_completed(self) -> bool:
        """Delivery has ended, by completion or early termination, and nothing is published."""
        return self.project.state_enum in OUTCOMES_OPEN_STATES

    @property
    def is_terminated(self) -> bool:
        return self.project.state_enum is State.TERMINATED

    @property
    def is_published(self) -> bool:
        return self.summary is not None and self.summary.status == Status.PUBLISHED

    @cached_property
    def state(self) -> core.VersionSignOff | None:
        """The sign-off engine's answer for the text as it stands now."""
        return sign_off_state(self.project) if self.summary is not None else None

    @property
    def is_certified(self) -> bool:
        return self.state is not None and self.state.certified

    @property
    def status_tag(self) -> dict[str, str]:
        if self.summary is None:
            return {"text": "Not drafted", "classes": "nhsuk-tag--grey"}
        if self.is_published:
            return {"text": "Published", "classes": "nhsuk-tag--green"}
        if self.state is not None and self.state.signed_off:
            return {"text": "Approved", "classes": "nhsuk-tag--aqua-green"}
        if self.is_certified:
            return {"text": "Certified", "classes": "nhsuk-tag--blue"}
        return {"text": "Draft", "classes": "nhsuk-tag--grey"}

    @property
    def can_publish_now(self) -> bool:
        return (
            self.state is not None
            and self.is_completed
            and not self.is_published
            and self.state.signed_off
        )

    def rows(self) -> list[Row]:
        if self.summary is None:
            return []
        return [Row(FIELD_LABELS[name], getattr(self.summary, name)) for name in TEXT_FIELDS]

    def missing(self) -> tuple[str, ...]:
        return summary_missing(self.summary) if self.summary else ()

    @cached_property
    def decision_rows(self) -> list[DecisionRow]:
        if self.state is None or not self.is_certified:
            return []
        return [_decision_row(d) for d in self.state.decisions]

    @cached_property
    def kpi_lines(self) -> list[str]:
        return [kpi_line(row) for row in kpi_results(self.project) or []]

    @cached_property
    def evaluators(self) -> list[str]:
        """Who evaluates the project, from its evaluation plan."""
        return evaluation_lines(self.project)

    @cached_property
    def criteria(self) -> list[Row]:
        return [Row(label, value) for label, value in success_criteria(self.project)]

    def provenance(self) -> list[str]:
        s = self.summary
        if s is None:
            return []
        lines = []
        if s.generated_on:
            lines.append(f"Drafted from the project's records on {long_date(s.generated_on)}.")
        cert = self.state.certification if self.state else None
        if cert is not None:
            lines.append(f"Certified by {cert.actor_label} on {long_date(cert.at)}.")
        published = publication(self.project)
        if published is not None:
            lines.append(f"Published on {long_date(published.at)}.")
        return lines


class IntentionHints:
    """What the partners set out to achieve, shown beside the fields that judge it."""

    def __init__(self, project: Project) -> None:
        self.summary = ExecutiveSummary.objects.filter(project=project).first()

    def _planned(self, name: str) -> str:
        value = getattr(self.summary, name, "") if self.summary else ""
        return f"Intended at the start: {value}" if value else ""

    def for_field(self, name: str) -> str:
        mapping = {
            "outcomes_patients": "benefits_patients",
            "outcomes_nhs": "benefits_nhs",
            "outcomes_industry": "benefits_industry",
            "overview": "objectives",
        }
        return self._planned(mapping[name]) if name in mapping else ""


class PublicOutcomes:
    """What the public register shows of a published outcomes summary, and nothing more."""

    def __init__(self, summary: OutcomesSummary) -> None:
        self.summary = summary

    @property
    def published_on(self) -> dt.date | None:
        return self.summary.published_on

    @property
    def heading(self) -> str:
        return "Summary of project outcomes"

    def rows(self) -> list[Row]:
        return [
            Row(FIELD_LABELS[name], value)
            for name in TEXT_FIELDS
            if (value := getattr(self.summary, name).strip())
        ]


def public_outcomes(project: Project, today: dt.date | None = None) -> PublicOutcomes | None:
    """For the register: the presenter of the published summary, or None."""
    summary = published_outcomes(project, today)
    return PublicOutcomes(summary) if summary else None
