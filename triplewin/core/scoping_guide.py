"""The scoping decision guide: the questions partners work through before committing.

Answers are free text saved as the partners go. Completeness is counted per section so the
task list can show where the gaps are. Medicines-focused questions apply only when the project
touches a therapy or medicine.

Patients and the public have a section of their own: the guidance's patient engagement advice
(patient stories, pathway mapping with patients and staff, community representation, asking
patients' views after the project) and the King's Fund's finding that patient and public
involvement should drive partnerships but rarely shaped them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ScopingQuestion:
    id: str
    text: str
    hint: str
    medicines_only: bool = False


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    questions: tuple[ScopingQuestion, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        "need",
        "The need",
        (
            ScopingQuestion(
                "unmet_need",
                "What unmet need would the project address?",
                "Say who is affected and how.",
            ),
            ScopingQuestion(
                "scale",
                "How big is the problem?",
                "Numbers of patients, waits, admissions or costs.",
            ),
            ScopingQuestion(
                "evidence",
                "What evidence shows the need is real?",
                "Audit data, population health data, published studies.",
            ),
            ScopingQuestion(
                "cost_of_inaction",
                "What happens to patients or the system if nothing is done?",
                "The risk of standing still.",
            ),
        ),
    ),
    Section(
        "fit",
        "Priorities and fit",
        (
            ScopingQuestion(
                "priority_area",
                "Which area would you improve first, and can the project's time and resources really achieve it?",
                "Be specific about scope.",
            ),
            ScopingQuestion(
                "benefits",
                "What would patients or the system gain?",
                "Benefits to patients, the NHS and the wider system.",
            ),
            ScopingQuestion(
                "internal_support",
                "Do colleagues inside your organisation support tackling this need, and think it feasible?",
                "Name the sponsors you have spoken to.",
            ),
            ScopingQuestion(
                "plan_alignment",
                "Which NHS plan or local improvement goal does this serve?",
                "For example the ICB's joint forward plan.",
            ),
        ),
    ),
    Section(
        "delivery",
        "Delivery and workforce",
        (
            ScopingQuestion(
                "interventions",
                "Which interventions are needed, and over what timescale?",
                "Outline the main pieces of work.",
            ),
            ScopingQuestion(
                "workforce_impact",
                "How would clinical and non-clinical staff be affected?",
                "Will it involve complex pathway redesign?",
            ),
            ScopingQuestion(
                "operational_pressures",
                "Which current operational pressures could affect the project?",
                "Winter, staffing, industrial action, system changes.",
            ),
            ScopingQuestion(
                "dependencies",
                "What else in the system must change for the project to succeed?",
                "Related challenges elsewhere.",
            ),
            ScopingQuestion(
                "staff_capacity",
                "Can you release the staff the project needs?",
                "Time away from day-to-day roles.",
            ),
        ),
    ),
    Section(
        "people",
        "Patients and the public",
        (
            ScopingQuestion(
                "public_involvement",
                "How will patients, carers and the public help shape, run and review the project?",
                "Patient groups, Healthwatch, people with lived experience, patient stories, "
                "mapping the pathway with patients and staff, and asking for their views at "
                "the end.",
            ),
        ),
    ),
    Section(
        "success",
        "Success and sustainability",
        (
            ScopingQuestion(
                "success_measures",
                "What outcome would count as success, and who will measure it, how and when?",
                "Measures, timing and owners.",
            ),
            ScopingQuestion(
                "sustainability",
                "Should the project show a lasting solution? If so, what results would the business case need?",
                "Think about commissioning after the project.",
            ),
        ),
    ),
    Section(
        "medicines",
        "If medicines or therapies are involved",
        (
            ScopingQuestion(
                "pathways",
                "Which clinical pathways need redesigning to improve care or the system?",
                "Name the pathway steps.",
                True,
            ),
            ScopingQuestion(
                "company_expertise",
                "Which companies have expertise in this area?",
                "Consider more than one.",
                True,
            ),
            ScopingQuestion(
                "other_organisations",
                "Which other organisations should be involved, such as a health innovation network?",
                "HINs can convene system-level partnerships.",
                True,
            ),
            ScopingQuestion(
                "inequalities",
                "How will the partners consider health inequalities and fair access to care?",
                "Groups who find services hard to reach.",
                True,
            ),
        ),
    ),
)

QUESTIONS: tuple[ScopingQuestion, ...] = tuple(q for s in SECTIONS for q in s.questions)
SECTIONS_BY_SLUG: dict[str, Section] = {s.slug: s for s in SECTIONS}


def applicable(
    questions: tuple[ScopingQuestion, ...], *, medicines: bool
) -> tuple[ScopingQuestion, ...]:
    return tuple(q for q in questions if medicines or not q.medicines_only)


@dataclass(frozen=True)
class Completeness:
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else round(100 * self.answered / self.total)


def completeness(
    answers: Mapping[str, str], *, medicines: bool, section: Section | None = None
) -> Completeness:
    pool = section.questions if section else QUESTIONS
    relevant = applicable(pool, medicines=medicines)
    answered = sum(1 for q in relevant if answers.get(q.id, "").strip())
    return Completeness(answered, len(relevant))


def missing(answers: Mapping[str, str], *, medicines: bool) -> tuple[ScopingQuestion, ...]:
    return tuple(
        q for q in applicable(QUESTIONS, medicines=medicines) if not answers.get(q.id, "").strip()
    )
