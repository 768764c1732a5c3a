"""Display logic for the scoping task list and the checklist verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triplewin.core import checklist, scoping_guide


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
