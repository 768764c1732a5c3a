"""Sections drawn from the project record and its approved concept framework."""

from __future__ import annotations

from triplewin.pid.sections.base import Field, Section, section, text
from triplewin.pid.sections.sources import Sources, person


def the_project(src: Sources) -> Section:
    project = src.project
    return section(
        "project",
        "The project",
        [
            Field("title", "Title", text(project.title)),
            Field("type", "Type of partnership", text(project.get_intended_type_display())),
            Field("therapy_area", "Therapy area", text(project.therapy_area)),
            Field(
                "setting", "Where the idea came from", text(project.get_origin_setting_display())
            ),
        ],
    )


def partners_and_stakeholders(src: Sources) -> Section:
    fields = []
    for partner in src.partners:
        role = partner.get_party_role_display()
        lead = person(partner.lead)
        value = f"{role}. Named lead: {lead}." if lead else f"{role}. No named lead yet."
        fields.append(Field(f"partner-{partner.organisation_id}", partner.organisation.name, value))
    stakeholders = src.concept.key_stakeholders if src.concept else ""
    fields.append(Field("key_stakeholders", "Other key stakeholders", text(stakeholders)))
    return section("partners", "Partners and stakeholders", fields)


def purpose_and_objectives(src: Sources) -> Section:
    concept, pid = src.concept, src.pid
    return section(
        "purpose",
        "Purpose and objectives",
        [
            Field(
                "purpose_background",
                "Purpose and background",
                text(concept.purpose_background if concept else ""),
            ),
            Field(
                "concept_objectives",
                "Objectives agreed in the concept",
                text(concept.objectives if concept else ""),
            ),
            Field(
                "objectives",
                "Objectives and intended outcomes",
                text(pid.objectives if pid else ""),
            ),
        ],
    )


def benefits(src: Sources) -> Section:
    concept = src.concept
    prescribing = text(concept.expected_prescribing_effect if concept else "")
    return section(
        "benefits",
        "Intended benefits",
        [
            Field("patients", "To patients", text(concept.benefit_patients if concept else "")),
            Field("nhs", "To the NHS", text(concept.benefit_nhs if concept else "")),
            Field("industry", "To industry", text(concept.benefit_industry if concept else "")),
            # Shown only once recorded, so PIDs approved before the field existed (issue 13)
            # keep their content, and their approvals, unchanged.
            *(
                [Field("prescribing", "Expected effect on prescribing", prescribing)]
                if prescribing
                else []
            ),
        ],
    )


def timing(src: Sources) -> Section:
    concept, project = src.concept, src.project
    start = ""
    if concept and concept.start_year:
        start = (
            f"Quarter {concept.start_quarter} {concept.start_year}"
            if concept.start_quarter
            else str(concept.start_year)
        )
    length = f"{concept.duration_months} months" if concept and concept.duration_months else ""
    fields = [
        Field("anticipated_start", "Anticipated start", start),
        Field("length", "Length", length),
    ]
    if project.planned_start:
        fields.append(
            Field("planned_start", "Planned start date", project.planned_start.isoformat())
        )
    if project.planned_end:
        fields.append(Field("planned_end", "Planned end date", project.planned_end.isoformat()))
    return section("timing", "Timing", fields)
