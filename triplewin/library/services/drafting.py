"""One action turns a finished project's records into a draft case study for its leads.

Everything the project already recorded is carried over so nobody retypes it: the published
outcomes summary, the KPI results every partner may see (the same rows the outcomes summary
drafts from), the lessons of the after-action review, and the contributions each partner
agreed. The leads check and edit the draft before publishing it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from triplewin.concept.models import ConceptFramework
from triplewin.contributions.models import Contribution
from triplewin.core.library import records as rec
from triplewin.core.library import vocabulary as vocab
from triplewin.core.lifecycle import State
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.learning.models import ReviewEntry
from triplewin.library.models import CaseStudy
from triplewin.library.services.case_studies import case_study_create
from triplewin.library.similar import infer_codes
from triplewin.organisations.models import Organisation, OrgType
from triplewin.outcomes.drafting import kpi_line
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.selectors import kpi_results
from triplewin.partnerships import access as project_access
from triplewin.partnerships.models import Project


def _paragraphs(*parts: tuple[str, str]) -> str:
    return "\n\n".join(
        f"{label}: {value.strip()}" if label else value.strip()
        for label, value in parts
        if value.strip()
    )


def _place(project: Project) -> tuple[str, str]:
    """The lead NHS partner's region code and integrated care board, where Triple Win knows them."""
    nhs = [p.organisation for p in project.partners.all() if p.organisation.sector == "nhs"]
    if not nhs:
        return "", ""
    lead: Organisation = nhs[0]
    region = vocab.code_for(vocab.REGIONS, lead.region) or ""
    if lead.org_type == OrgType.ICB:
        return region, lead.name
    return region, lead.system.name if lead.system else ""


# The case study's own limits (core/library/validation.py), so a long record drafts, cut short.
MEASURE, SENTENCE, LONG = 200, 1000, 2000


def _cut(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _contributions(project: Project, concept: ConceptFramework | None) -> dict[int, str]:
    """What each partner agreed to contribute; the concept's outline where none is recorded."""
    agreed: dict[int, list[str]] = {}
    for c in Contribution.objects.filter(project=project).order_by("pk"):
        value = f" (£{c.value:,.0f})" if c.value is not None else ""
        agreed.setdefault(c.organisation_id, []).append(f"{c.description.strip()}{value}")
    outline = (
        {c.organisation_id: c.description for c in concept.contributions.all()} if concept else {}
    )
    return {
        org: _cut("; ".join(agreed[org]) if org in agreed else outline.get(org, ""), LONG)
        for org in {*agreed, *outline}
    }


def _outcomes_narrative(summary: OutcomesSummary | None) -> str:
    if summary is None or summary.published_on is None:
        return ""
    return _paragraphs(
        ("Results against the success criteria", summary.results),
        ("Outcomes for patients", summary.outcomes_patients),
        ("Outcomes for the NHS", summary.outcomes_nhs),
        ("Outcomes for industry", summary.outcomes_industry),
        ("Conclusions and learnings", summary.conclusions),
    )


def _kpi_outcomes(project: Project) -> tuple[rec.Outcome, ...]:
    """Each KPI's result, in the words the outcomes summary uses for it."""
    return tuple(
        rec.Outcome(
            measure=_cut(row.get("name", "KPI"), MEASURE),
            unit=_cut(row.get("unit", ""), 40),
            narrative=_cut(kpi_line(row), SENTENCE),
        )
        for row in kpi_results(project) or []
    )


def _lessons(project: Project) -> tuple[rec.Lesson, ...]:
    """One lesson per topic of the after-action review: what to keep and change, and why."""
    lessons = []
    for entry in ReviewEntry.objects.filter(project=project).order_by("pk"):
        text = _paragraphs(
            ("", entry.topic),
            ("What to keep doing", entry.sustain),
            ("What to do differently", entry.improve),
            ("What happened", entry.happened if not (entry.sustain or entry.improve) else ""),
            ("Why", entry.why),
        )
        lessons.append(rec.Lesson(lesson=_cut(text, LONG)))
    return tuple(lessons)


def draft_record(project: Project) -> rec.CaseStudyRecord:
    concept = ConceptFramework.objects.filter(project=project).first()
    summary = ExecutiveSummary.objects.filter(project=project).first()
    contributions = _contributions(project, concept)
    outcomes = OutcomesSummary.objects.filter(project=project).first()
    partners = [
        rec.Party(
            name=partner.organisation.name,
            sector=partner.organisation.sector.value,
            contribution=contributions.get(partner.organisation_id, ""),
        )
        for partner in project.partners.select_related("organisation")
    ]
    region, icb = _place(project)
    benefits = _paragraphs(
        ("Intended benefits to patients", concept.benefit_patients if concept else ""),
        ("Intended benefits to the NHS", concept.benefit_nhs if concept else ""),
        ("Intended benefits to industry", concept.benefit_industry if concept else ""),
        (
            "Expected effect on prescribing",
            concept.expected_prescribing_effect if concept else "",
        ),
    )
    objectives = _paragraphs(
        ("", (concept.objectives if concept else "") or (summary.objectives if summary else "")),
        ("", benefits),
    )
    sources: list[rec.Source] = []
    if summary is not None and summary.published_on is not None:
        path = reverse("register:entry", args=[project.pk])
        sources.append(
            rec.Source(
                url=f"{settings.SITE_URL.rstrip('/')}{path}",
                title="Executive summary on the Triple Win public register",
            )
        )
    therapy = infer_codes(f"{project.therapy_area} {project.title}", vocab.THERAPY_KEYWORDS)
    return rec.CaseStudyRecord(
        title=project.title,
        summary=project.summary,
        status="draft",
        working_type=project.intended_type,
        setting=project.origin_setting,
        nation="england",
        region=region,
        icb=icb,
        therapy_areas=tuple(sorted(therapy)) or ("other",),
        condition=project.therapy_area[:200],
        interventions=tuple(sorted(infer_codes(objectives, vocab.INTERVENTION_KEYWORDS))),
        start_date=project.actual_start or project.planned_start,
        end_date=project.actual_end or project.planned_end,
        background=_paragraphs(
            ("", (concept.purpose_background if concept else "")),
            ("", summary.rationale if summary else ""),
        ),
        objectives=objectives or project.summary,
        what_was_done=summary.roles if summary else "",
        outcomes_narrative=_cut(_outcomes_narrative(outcomes), 8000),
        outcomes=_kpi_outcomes(project),
        lessons=_lessons(project),
        partners=tuple(partners),
        sources=tuple(sources),
    )


@transaction.atomic
def case_study_draft_from_project(*, actor: User, project: Project) -> CaseStudy:
    """Draft the case study of a project whose outcomes are published; only its leads may."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if not project_access.can_edit(actor, locked):
        raise PermissionDenied("Only the project's partnership leads can draft its case study.")
    if locked.state_enum is not State.OUTCOMES_PUBLISHED:
        raise ValidationError(
            "A case study can be drafted once the project's outcomes summary is published."
        )
    existing = CaseStudy.objects.filter(project=locked).first()
    if existing is not None:
        return existing
    return case_study_create(actor=actor, record=draft_record(locked), project=locked)
