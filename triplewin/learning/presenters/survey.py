"""Display logic for the partner survey: who has answered and the aggregated results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triplewin.core import surveys
from triplewin.core.dates import long_date
from triplewin.core.surveys import AGREEMENT_SCALE, GroupResult, QuestionResult
from triplewin.learning.models import PartnerSurvey, SurveyInvitation


@dataclass(frozen=True)
class GroupProgress:
    label: str
    invited: int
    answered: int


@dataclass(frozen=True)
class ResultRow:
    question: str
    answered: int
    counts: tuple[int, ...]
    mean: str


def _row(q: QuestionResult) -> ResultRow:
    return ResultRow(
        q.question.text, q.answered, q.counts, "none" if q.mean is None else f"{q.mean:.1f}"
    )


@dataclass(frozen=True)
class GroupView:
    id: str
    label: str
    responses: int
    notice: str
    rows: tuple[ResultRow, ...]
    comments: tuple[tuple[str, tuple[str, ...]], ...]


def _responses(count: int) -> str:
    return f"{count} response{'s' if count != 1 else ''}"


def _notice(result: GroupResult, small: Sequence[GroupResult]) -> str:
    if not result.has_responses:
        return "No responses yet."
    if not result.suppressed:
        return ""
    if result.responses >= surveys.MIN_GROUP and small:
        sides = " and ".join(f"{g.label.lower()} ({_responses(g.responses)})" for g in small)
        return (
            f"{_responses(result.responses)} in all, but too few from {sides}: their answers "
            "could be worked out by comparing the combined results with the other side's. "
            f"Combined results are shown once each side has none or at least {surveys.MIN_GROUP}."
        )
    return (
        f"{_responses(result.responses)}: results are shown once there are at least "
        f"{surveys.MIN_GROUP}, so that no one's answers can be identified."
    )


def _group_view(
    id: str,
    result: GroupResult,
    *,
    with_comments: bool = True,
    small: Sequence[GroupResult] = (),
    questions: Sequence[surveys.Question] = surveys.QUESTIONS,
) -> GroupView:
    notice = _notice(result, small)
    comments = tuple(
        (q.text, result.comments.get(q.id, ())) for q in questions if q.kind is surveys.Kind.TEXT
    )
    return GroupView(
        id,
        result.label,
        result.responses,
        notice,
        tuple(_row(q) for q in result.questions),
        comments if with_comments and not result.suppressed else (),
    )


class SurveyPresenter:
    scale = AGREEMENT_SCALE

    def __init__(
        self,
        survey: PartnerSurvey | None,
        invitations: Sequence[SurveyInvitation],
        results: surveys.Results,
        own: SurveyInvitation | None,
    ) -> None:
        self.survey = survey
        self.invitations = list(invitations)
        self.results = results
        self.own = own

    @property
    def exists(self) -> bool:
        return self.survey is not None

    @property
    def is_open(self) -> bool:
        return self.survey is not None and self.survey.is_open

    @property
    def status(self) -> str:
        if self.survey is None:
            return "Not sent"
        if not self.survey.is_open and self.survey.closed_on:
            return f"Closed on {long_date(self.survey.closed_on)}"
        return f"Open since {long_date(self.survey.opened_on)}"

    def progress(self) -> list[GroupProgress]:
        rows = []
        for group in surveys.PARTNER_GROUPS:
            label = surveys.GROUP_LABELS[group]
            invited = [i for i in self.invitations if i.group == group]
            answered = sum(1 for i in invited if i.responded_on is not None)
            rows.append(GroupProgress(label, len(invited), answered))
        return rows

    @property
    def unsent(self) -> int:
        return sum(1 for i in self.invitations if i.sent_at is None and i.responded_on is None)

    def groups(self) -> list[GroupView]:
        views = [
            _group_view(g.value, r)
            for g, r in zip(surveys.PARTNER_GROUPS, self.results.groups, strict=True)
        ]
        # Comments appear once, under their own side, not again among all partners.
        combined = _group_view(
            "all", self.results.combined, with_comments=False, small=self.results.small_groups
        )
        return [*views, combined]

    def wider_groups(self) -> list[GroupView]:
        """Patients, staff and wider stakeholders who answered through an anonymous link."""
        return [
            _group_view(f"wider-{index}", r, questions=surveys.WIDER_QUESTIONS)
            for index, r in enumerate(self.results.wider, start=1)
        ]

    @property
    def own_pending(self) -> bool:
        return self.own is not None and self.own.responded_on is None and self.is_open
