"""The end-of-project partner survey: its questions, answer checks and aggregated results.

Answers are only ever shown in aggregate, split into the NHS and the industry side. A group
with fewer than three responses shows its response count and nothing else, because with one
or two people any average or comment could be traced back to them.

Feedback beyond the team: patients, staff and wider stakeholders answer a shorter set of
questions through anonymous links, one link per group (the guidance's patient engagement plan
asks for "feedback after the project" from patients and staff, and its stakeholder tables
name the wider groups to involve and keep informed). Each of those groups is shown on its
own, with the same suppression of small groups, and never merged with the partners' answers.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    AGREEMENT = "agreement"
    TEXT = "text"


class Group(StrEnum):
    NHS = "nhs"
    INDUSTRY = "industry"
    PATIENTS = "patients"
    STAFF = "staff"
    STAKEHOLDERS = "stakeholders"


GROUP_LABELS: dict[Group, str] = {
    Group.NHS: "NHS partners",
    Group.INDUSTRY: "Industry partners",
    Group.PATIENTS: "Patients, carers and the public",
    Group.STAFF: "Staff who worked with the service",
    Group.STAKEHOLDERS: "Wider stakeholders",
}
# The partners' own groups, invited one person at a time from the team.
PARTNER_GROUPS = (Group.NHS, Group.INDUSTRY)
# The groups reached through an anonymous link.
WIDER_GROUPS = (Group.PATIENTS, Group.STAFF, Group.STAKEHOLDERS)
MIN_GROUP = 3
TEXT_LIMIT = 2000

AGREEMENT_SCALE: dict[int, str] = {
    1: "Strongly disagree",
    2: "Disagree",
    3: "Neither agree nor disagree",
    4: "Agree",
    5: "Strongly agree",
}


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    kind: Kind
    # The principle of effective partnerships the question speaks to, if any.
    principle: str = ""


QUESTIONS: tuple[Question, ...] = (
    Question(
        "aim_held",
        "The partners kept working towards the same aim until the end.",
        Kind.AGREEMENT,
        "shared_purpose",
    ),
    Question(
        "measured",
        "We had the data we needed to judge whether the project was working.",
        Kind.AGREEMENT,
        "measurement",
    ),
    Question(
        "contributed",
        "Every partner put in what it had agreed to.",
        Kind.AGREEMENT,
    ),
    Question(
        "benefited",
        "My organisation got the benefits it expected from taking part.",
        Kind.AGREEMENT,
    ),
    Question(
        "trust",
        "By the end, the partners trusted each other and worked well together.",
        Kind.AGREEMENT,
        "relationships",
    ),
    Question(
        "governance",
        "It was clear who decided what, and the governance worked.",
        Kind.AGREEMENT,
        "governance",
    ),
    Question(
        "boundaries",
        "The project stayed separate from any promotion or sales activity.",
        Kind.AGREEMENT,
        "commercial_boundaries",
    ),
    Question(
        "again",
        "I would take part in a partnership like this again.",
        Kind.AGREEMENT,
    ),
    Question("went_well", "What worked well?", Kind.TEXT),
    Question("change", "What should the next partnership do differently?", Kind.TEXT),
)
# For people outside the partnership: about the service and being heard, not the partnership.
WIDER_QUESTIONS: tuple[Question, ...] = (
    Question(
        "difference", "The project made a difference to the care or service I know.", Kind.AGREEMENT
    ),
    Question(
        "informed", "I was told what the project was for and how it was going.", Kind.AGREEMENT
    ),
    Question("heard", "I could give my views, and they were listened to.", Kind.AGREEMENT),
    Question("continue", "I would like what the project started to carry on.", Kind.AGREEMENT),
    Question("went_well", "What worked well?", Kind.TEXT),
    Question("change", "What should change next time?", Kind.TEXT),
)
QUESTIONS_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
AGREEMENT_QUESTIONS = tuple(q for q in QUESTIONS if q.kind is Kind.AGREEMENT)
TEXT_QUESTIONS = tuple(q for q in QUESTIONS if q.kind is Kind.TEXT)


def questions_for(group: Group) -> tuple[Question, ...]:
    return WIDER_QUESTIONS if group in WIDER_GROUPS else QUESTIONS


Answers = Mapping[str, int | str]


def problems(answers: Answers, questions: Sequence[Question] = QUESTIONS) -> dict[str, str]:
    """Question id -> what is wrong with its answer; empty when the response can be stored.

    Every agreement question needs an answer; the free-text questions are optional.
    """
    found: dict[str, str] = {}
    for qid in sorted(set(answers) - {q.id for q in questions}):
        found[qid] = "This is not a question in the survey."
    for q in questions:
        value = answers.get(q.id)
        if q.kind is Kind.AGREEMENT:
            if value is None or value == "":
                found[q.id] = "Choose how far you agree."
            elif (
                isinstance(value, bool)
                or not isinstance(value, int)
                or value not in AGREEMENT_SCALE
            ):
                found[q.id] = "Choose one of the answers listed."
        elif value is not None and not isinstance(value, str):
            found[q.id] = "Write your answer as text."
        elif isinstance(value, str) and len(value) > TEXT_LIMIT:
            found[q.id] = f"Keep this under {TEXT_LIMIT} characters."
    return found


@dataclass(frozen=True)
class Response:
    group: Group
    answers: Answers


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    answered: int
    # Number of answers at each point of the scale, 1 to 5.
    counts: tuple[int, ...]
    mean: float | None

    def share(self, point: int) -> int:
        """Whole-number percentage of answers at one point of the scale."""
        if not self.answered:
            return 0
        return round(self.counts[point - 1] * 100 / self.answered)


@dataclass(frozen=True)
class GroupResult:
    label: str
    responses: int
    suppressed: bool
    questions: tuple[QuestionResult, ...]
    # Question id -> the free-text answers, sorted so their order says nothing about who.
    comments: dict[str, tuple[str, ...]]

    @property
    def has_responses(self) -> bool:
        return self.responses > 0


def _scored(question: Question, responses: Sequence[Response]) -> QuestionResult:
    values = [
        v
        for r in responses
        if isinstance(v := r.answers.get(question.id), int) and v in AGREEMENT_SCALE
    ]
    counts = tuple(values.count(point) for point in AGREEMENT_SCALE)
    mean = statistics.fmean(values) if values else None
    return QuestionResult(question, len(values), counts, mean)


def _group(
    label: str,
    responses: Sequence[Response],
    *,
    suppressed: bool,
    questions: Sequence[Question] = QUESTIONS,
) -> GroupResult:
    if suppressed:
        return GroupResult(label, len(responses), True, (), {})
    comments = {
        q.id: tuple(
            sorted(
                text.strip()
                for r in responses
                if isinstance(text := r.answers.get(q.id), str) and text.strip()
            )
        )
        for q in questions
        if q.kind is Kind.TEXT
    }
    return GroupResult(
        label,
        len(responses),
        False,
        tuple(_scored(q, responses) for q in questions if q.kind is Kind.AGREEMENT),
        comments,
    )


def too_few(count: int, minimum: int = MIN_GROUP) -> bool:
    """One or two responses could be traced to a person; none has nothing to hide."""
    return 0 < count < minimum


@dataclass(frozen=True)
class Results:
    groups: tuple[GroupResult, ...]
    combined: GroupResult
    # The groups whose too few answers also hide the combined results (see aggregate).
    small_groups: tuple[GroupResult, ...] = ()
    # Patients, staff and wider stakeholders, each on its own; only groups that answered.
    wider: tuple[GroupResult, ...] = ()

    @property
    def responses(self) -> int:
        return self.combined.responses


def aggregate(responses: Sequence[Response], *, minimum: int = MIN_GROUP) -> Results:
    by_group = {g: [r for r in responses if r.group is g] for g in Group}
    groups = tuple(
        _group(GROUP_LABELS[g], by_group[g], suppressed=len(by_group[g]) < minimum)
        for g in PARTNER_GROUPS
    )
    partners = [r for r in responses if r.group in PARTNER_GROUPS]
    # All partners together would give away a small group's answers by subtraction from the
    # other group, so it is hidden whenever any group is hidden for being small.
    small = tuple(g for g in groups if too_few(g.responses, minimum))
    hide_all = len(partners) < minimum or bool(small)
    # The wider groups are never added to anything, so no subtraction can reveal them; each
    # is hidden on its own when it is small.
    wider = tuple(
        _group(
            GROUP_LABELS[g],
            by_group[g],
            suppressed=len(by_group[g]) < minimum,
            questions=WIDER_QUESTIONS,
        )
        for g in WIDER_GROUPS
        if by_group[g]
    )
    return Results(groups, _group("All partners", partners, suppressed=hide_all), small, wider)
