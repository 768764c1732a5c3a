"""How RAG statuses, milestones, risks and issues read in tables and tags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.config.filters import govuk_date as long_date
from triplewin.core import rag, risk_matrix
from triplewin.delivery.models import Issue, IssueStatus, Milestone, RagOverride, Risk, RiskStatus
from triplewin.delivery.selectors import RagView

Tag = dict[str, str]

RAG_COLOURS = {
    rag.Rating.GREEN: "green",
    rag.Rating.AMBER: "orange",
    rag.Rating.RED: "red",
    rag.Rating.NOT_RATED: "grey",
}


def rag_tag(rating: rag.Rating | str) -> Tag:
    found = rag.Rating(rating)
    return {"text": rag.LABELS[found], "classes": f"nhsuk-tag--{RAG_COLOURS[found]}"}


@dataclass(frozen=True)
class FactorRow:
    name: str
    tag: Tag
    explanation: str


@dataclass(frozen=True)
class OverrideText:
    tag: Tag
    reason: str
    by: str
    since: str
    until: str


def override_text(override: RagOverride) -> OverrideText:
    until = (
        f"until the end of {long_date(override.expires_on)}"
        if override.expires_on
        else "until someone clears it"
    )
    return OverrideText(
        rag_tag(override.rating),
        override.reason,
        override.set_by_label,
        long_date(override.at),
        until,
    )


class RagPresenter:
    """The status shown, and beside it the computed one with each factor's reason."""

    def __init__(self, view: RagView) -> None:
        self.view = view
        self.tag = rag_tag(view.rating)
        self.computed_tag = rag_tag(view.computed.rating)
        self.note = view.note
        self.override = override_text(view.override) if view.override else None
        self.factors = [
            FactorRow(f.name, rag_tag(f.rating), f.explanation) for f in view.computed.factors
        ]


def slippage_text(m: Milestone, today: dt.date) -> str:
    """Read next to the status tag ("Met", "Overdue", "Open"), so it need not repeat it."""
    days = rag.slippage_days(m.planned_on, m.actual_on, today)
    if days > 0:
        return f"{_days(days)} late"
    if m.actual_on is not None:
        return f"{_days(-days)} early" if days < 0 else "On the planned date"
    ahead = (m.planned_on - today).days
    return "Due today" if ahead == 0 else f"Due in {_days(ahead)}"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


@dataclass(frozen=True)
class MilestoneRow:
    pk: int
    title: str
    planned_on: dt.date
    actual_on: dt.date | None
    owner: str
    notes: str
    slippage: str
    tag: Tag


def milestone_rows(milestones: list[Milestone], today: dt.date) -> list[MilestoneRow]:
    rows = []
    for m in milestones:
        if m.actual_on is not None:
            tag = {"text": "Met", "classes": "nhsuk-tag--green"}
        elif m.planned_on < today:
            tag = {"text": "Overdue", "classes": "nhsuk-tag--red"}
        else:
            tag = {"text": "Open", "classes": "nhsuk-tag--blue"}
        rows.append(
            MilestoneRow(
                m.pk,
                m.title,
                m.planned_on,
                m.actual_on,
                m.owner,
                m.notes,
                slippage_text(m, today),
                tag,
            )
        )
    return rows


@dataclass(frozen=True)
class RiskRow:
    pk: int
    description: str
    likelihood: str
    impact: str
    score: int
    band_tag: Tag
    owner: str
    mitigation: str
    status: str
    is_closed: bool


def risk_row(r: Risk) -> RiskRow:
    info = risk_matrix.BAND_INFO[risk_matrix.band(r.score)]
    return RiskRow(
        r.pk,
        r.description,
        f"{r.likelihood} ({risk_matrix.LIKELIHOOD_LABELS[r.likelihood]})",
        f"{r.impact} ({risk_matrix.IMPACT_LABELS[r.impact]})",
        r.score,
        {"text": f"{r.score} {info.label}", "classes": f"nhsuk-tag--{info.colour}"},
        r.owner,
        r.mitigation,
        r.get_status_display(),
        r.status == RiskStatus.CLOSED,
    )


@dataclass(frozen=True)
class IssueRow:
    pk: int
    description: str
    raised: str
    owner: str
    resolution: str
    tag: Tag


ISSUE_COLOURS = {
    IssueStatus.OPEN: "blue",
    IssueStatus.RESOLVED: "green",
    IssueStatus.CLOSED: "grey",
}


def issue_row(i: Issue) -> IssueRow:
    colour = ISSUE_COLOURS[IssueStatus(i.status)]
    return IssueRow(
        i.pk,
        i.description,
        f"{i.raised_by}, {long_date(i.raised_on)}",
        i.owner,
        i.resolution,
        {"text": i.get_status_display(), "classes": f"nhsuk-tag--{colour}"},
    )
