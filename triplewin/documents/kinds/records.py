"""Working records that become documents: the scoping guide, the checklist verdict, the lessons.

Nobody certifies these: they are the partners' record of how they decided to go ahead and what
they learnt. Their versions are dated snapshots (status Draft, "not certified" on every page),
so a partner can file the answers as they stood on the day. Everything in them is visible to
every partner on the pages they are drawn from; none of it is NHS-only (ADR 0014).
"""

from __future__ import annotations

from triplewin.core import checklist, principles, scoping_guide
from triplewin.core.dates import long_date
from triplewin.core.documents import catalogue
from triplewin.core.documents.definitions import Filled, Row, build
from triplewin.documents.kinds.base import Kind, Snapshot
from triplewin.partnerships.models import Project
from triplewin.scoping.presenters import checklist_summary


class ScopingKind(Kind):
    definition = catalogue.SCOPING
    owner_url_name = "scoping:guide"

    def current(self, project: Project, subject: str) -> Snapshot:
        from triplewin.scoping.models import ScopingGuide

        record = ScopingGuide.objects.filter(project=project).first()
        answers = record.answers if record and isinstance(record.answers, dict) else {}
        values: dict[str, Filled] = {
            section.slug: [
                (q.id, q.text, str(answers.get(q.id) or ""))
                for q in scoping_guide.applicable(
                    section.questions, medicines=project.involves_medicines
                )
            ]
            for section in scoping_guide.SECTIONS
        }
        document = build(self.definition, project=project.title, values=values)
        return Snapshot(document, "")


def _partners(parties: checklist.Parties) -> str:
    kinds = [
        label
        for present, label in (
            (parties.nhs, "an NHS organisation"),
            (parties.healthcare and not parties.nhs, "a healthcare organisation outside the NHS"),
            (parties.pharmaceutical, "a pharmaceutical company"),
        )
        if present
    ]
    gaps = parties.missing()
    text = "Includes " + " and ".join(kinds) + "." if kinds else ""
    return " ".join(p for p in (text, *(f"There is {g}." for g in gaps)) if p)


class ChecklistKind(Kind):
    definition = catalogue.CHECKLIST
    owner_url_name = "scoping:verdict"

    def current(self, project: Project, subject: str) -> Snapshot:
        from triplewin.partnerships.facts import parties

        summary = checklist_summary(project)
        verdict = summary.view.verdict
        found = parties(project)
        answered = sum(1 for r in summary.rows if r.answer != "Not answered")

        def questions(ids: tuple[str, ...], *, why: bool = True) -> list[Row]:
            return [
                (q.id, q.text, q.why if why else "Not answered yet.")
                for q in (checklist.QUESTIONS_BY_ID[i] for i in ids)
            ]

        values: dict[str, Filled] = {
            "verdict": {
                "classification": verdict.label,
                "partners": _partners(found),
                "answered": f"{answered} of {len(summary.rows)}",
            },
            "reasons": [
                (f"reason-{i}", f"Reason {i}", reason)
                for i, reason in enumerate(verdict.reasons, start=1)
            ],
            "failed": questions(verdict.failed_red),
            "unanswered": questions(verdict.unanswered_red, why=False),
            "amber": questions(verdict.amber_risks),
            "alternatives": [
                (f"alternative-{i}", a.name, a.when)
                for i, a in enumerate(verdict.alternatives, start=1)
            ],
            "answers": [
                (
                    q.id,
                    q.text,
                    "\n".join(
                        p
                        for p in (
                            row.answer,
                            f"{row.colour.capitalize()} question",
                            row.applies,
                        )
                        if p
                    ),
                )
                for q, row in zip(checklist.QUESTIONS, summary.rows, strict=True)
            ],
        }
        document = build(self.definition, project=project.title, values=values)
        return Snapshot(document, "")


def _entry(entry: object) -> str:
    from triplewin.learning.models import ReviewEntry

    assert isinstance(entry, ReviewEntry)
    parts = (
        ("Principle", entry.get_principle_display() if entry.principle else ""),
        ("What was planned", entry.planned),
        ("What happened", entry.happened),
        ("Why", entry.why),
        ("What to keep doing", entry.sustain),
        ("What to do differently", entry.improve),
    )
    return "\n".join(f"{label}: {value.strip()}" for label, value in parts if value.strip())


class LessonsKind(Kind):
    definition = catalogue.LESSONS
    owner_url_name = "learning:review"

    def current(self, project: Project, subject: str) -> Snapshot:
        from triplewin.learning import selectors

        by_date = selectors.scores_by_date(project)
        latest = max(by_date) if by_date else None
        means = principles.principle_means(by_date[latest]) if latest else {}
        values: dict[str, Filled] = {
            "entries": [
                (f"entry-{e.pk}", e.topic, _entry(e)) for e in selectors.review_entries(project)
            ],
            "principles": [
                (
                    p.slug,
                    f"{p.number}. {p.name}",
                    f"Mean score {means[p.slug]:.1f} of {principles.HIGHEST} "
                    f"from {len(by_date[latest])} "
                    f"assessment{'s' if len(by_date[latest]) != 1 else ''} on {long_date(latest)}",
                )
                for p in principles.PRINCIPLES
                if latest is not None and p.slug in means
            ],
        }
        document = build(self.definition, project=project.title, values=values)
        return Snapshot(document, "")
