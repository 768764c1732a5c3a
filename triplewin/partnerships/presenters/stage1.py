"""The Stage 1 task list on the project page, with a real status for each task."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from triplewin.concept.models import ConceptFramework
from triplewin.concept.selectors import approval_state, missing_parts
from triplewin.core import checklist, scoping_guide
from triplewin.core.lifecycle import State
from triplewin.core.wording import counted
from triplewin.partnerships.facts import parties
from triplewin.partnerships.models import Project
from triplewin.partnerships.presenters.tags import (
    BEFORE_TRIPLE_WIN,
    DONE,
    NOT_STARTED,
    OPEN,
    status_tag,
)
from triplewin.scoping.models import ClassificationChecklist, ScopingGuide


def stage1_tasks(
    project: Project, imported: frozenset[State] = frozenset()
) -> list[dict[str, Any]]:
    # Stage 1 happened outside Triple Win when the concept's approval was imported, so a
    # task with nothing recorded was done elsewhere rather than not started.
    done_elsewhere = State.CONCEPT_APPROVED in imported
    guide = ScopingGuide.objects.filter(project=project).first()
    answers = guide.answers if guide else {}
    done = scoping_guide.completeness(answers, medicines=project.involves_medicines)
    scoping_status = (
        DONE
        if done.complete
        else status_tag(
            f"{done.answered} of {done.total} answered", "blue" if done.answered else "white"
        )
    )
    if done_elsewhere and not done.answered:
        scoping_status = BEFORE_TRIPLE_WIN

    record = ClassificationChecklist.objects.filter(project=project).first()
    verdict = checklist.classify(record.answers if record else {}, parties=parties(project))
    colour = {
        checklist.Classification.NEITHER: "red",
        checklist.Classification.INCOMPLETE: "white",
    }.get(verdict.classification, "green")
    label = (
        "Not finished"
        if verdict.classification is checklist.Classification.INCOMPLETE
        else verdict.label
    )
    checklist_status = (
        BEFORE_TRIPLE_WIN
        if done_elsewhere and not (record and record.answers)
        else status_tag(label, colour)
    )

    concept = ConceptFramework.objects.filter(project=project).first()
    missing = missing_parts(project, concept)
    approvals = approval_state(project, concept)
    partners = len(project.partners.all())
    if concept is None:
        concept_status = BEFORE_TRIPLE_WIN if done_elsewhere else NOT_STARTED
    elif missing:
        concept_status = status_tag(f"{counted(len(missing), 'part')} missing", "blue")
    elif approvals.rejected_by:
        concept_status = status_tag("Rejected", "red")
    elif approvals.all_approved:
        concept_status = DONE
    else:
        concept_status = status_tag(
            f"Approved by {len(approvals.approved)} of {partners}", "orange"
        )
    return [
        {
            "title": {"text": "Scoping decision guide"},
            "href": reverse("scoping:guide", args=[project.pk]),
            "status": scoping_status,
        },
        {
            "title": {"text": "Classification checklist"},
            "href": reverse("scoping:verdict", args=[project.pk]),
            "status": checklist_status,
        },
        {
            "title": {"text": "Project concept framework"},
            "href": reverse("concept:detail", args=[project.pk]),
            "status": concept_status,
        },
        {
            # Learning from similar partnerships belongs before the partners commit.
            "title": {"text": "Similar partnerships in the case study library"},
            "href": reverse("library:similar", args=[project.pk]),
            "status": OPEN,
        },
    ]
