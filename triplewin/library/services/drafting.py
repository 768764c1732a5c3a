"""One action turns a finished project's records into a draft case study for its leads."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from triplewin.concept.models import ConceptFramework
from triplewin.core.library import records as rec
from triplewin.core.library import vocabulary as vocab
from triplewin.core.lifecycle import State
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.library.models import CaseStudy
from triplewin.library.services.case_studies import case_study_create
from triplewin.library.similar import infer_codes
from triplewin.organisations.models import Organisation, OrgType
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


def draft_record(project: Project) -> rec.CaseStudyRecord:
    concept = ConceptFramework.objects.filter(project=project).first()
    summary = ExecutiveSummary.objects.filter(project=project).first()
    contributions = {c.organisation_id: c for c in concept.contributions.all()} if concept else {}
    partners = []
    for partner in project.partners.select_related("organisation"):
        found = contributions.get(partner.organisation_id)
        partners.append(
            rec.Party(
                name=partner.organisation.name,
                sector=partner.organisation.sector.value,
                contribution=found.description if found else "",
            )
        )
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
