"""Display logic for the scoping task list and the checklist verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triplewin.core import checklist, scoping_guide
from triplewin.partnerships.models import Project


@dataclass(frozen=True)
class SectionRow:
    slug: str
    title: str
    answered: int
    total: int

    @property
    def status(self) -> dict[str, Any]:
        if self.total and self.answered == self.total:
            return {"text": "Completed"}
        if self.answered:
            return {
                "tag": {
                    "text": f"{self.answered} of {self.total} answered",
                    "classes": "nhsuk-tag--blue",
                }
            }
        return {"tag": {"text": "Not started", "classes": "nhsuk-tag--white"}}


def section_rows(answers: dict[str, str], *, medicines: bool) -> list[SectionRow]:
    rows = []
    for section in scoping_guide.SECTIONS:
        done = scoping_guide.completeness(answers, medicines=medicines, section=section)
        if done.total:
            rows.append(SectionRow(section.slug, section.title, done.answered, done.total))
    return rows


@dataclass(frozen=True)
class VerdictView:
    verdict: checklist.Verdict

    @property
    def panel_colour(self) -> str:
        return {
            checklist.Classification.JOINT_WORKING: "green",
            checklist.Classification.COLLABORATIVE_WORKING: "green",
            checklist.Classification.NEITHER: "red",
            checklist.Classification.INCOMPLETE: "grey",
        }[self.verdict.classification]

    @property
    def failed_questions(self) -> list[checklist.Question]:
        return [checklist.QUESTIONS_BY_ID[q] for q in self.verdict.failed_red]

    @property
    def unanswered_questions(self) -> list[checklist.Question]:
        return [checklist.QUESTIONS_BY_ID[q] for q in self.verdict.unanswered_red]

    @property
    def amber_questions(self) -> list[checklist.Question]:
        return [checklist.QUESTIONS_BY_ID[q] for q in self.verdict.amber_risks]


ANSWER_LABELS = {
    checklist.Answer.YES: "Yes",
    checklist.Answer.NO: "No",
    checklist.Answer.NOT_APPLICABLE: "No treatment is involved",
}
APPLIES_LABELS = {
    checklist.Applies.BOTH: "",
    checklist.Applies.JW_ONLY: "Joint working only",
    checklist.Applies.CW_ONLY: "Collaborative working only",
}


@dataclass(frozen=True)
class AnswerRow:
    question: str
    colour: str
    applies: str
    answer: str


@dataclass(frozen=True)
class ChecklistSummary:
    """The checklist as answered and its verdict, for the people who approve the project.

    The guidance has each governance committee review the project against the checklist
    criteria, so the approval pages show this beside the decision form.
    """

    view: VerdictView
    rows: tuple[AnswerRow, ...]

    @classmethod
    def of(cls, answers: dict[str, str], parties: checklist.Parties) -> ChecklistSummary:
        answers = checklist.upgrade_answers(answers)
        rows = tuple(
            AnswerRow(
                q.text,
                q.colour.value,
                APPLIES_LABELS[q.applies],
                ANSWER_LABELS.get(checklist.Answer(answers[q.id]), "")
                if answers.get(q.id) in tuple(checklist.Answer)
                else "Not answered",
            )
            for q in checklist.QUESTIONS
        )
        return cls(VerdictView(checklist.classify(answers, parties=parties)), rows)


def checklist_summary(project: Project) -> ChecklistSummary:
    from triplewin.partnerships.facts import parties
    from triplewin.scoping.models import ClassificationChecklist

    record = ClassificationChecklist.objects.filter(project=project).first()
    return ChecklistSummary.of(record.answers if record else {}, parties(project))
