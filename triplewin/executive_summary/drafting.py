"""Drafting the executive summary's text from the approved PID version.

The PID version is a frozen snapshot of sections, so the summary says what was approved even
if a record has moved on since; the accountable contacts are the partners' named leads today.
"""

from __future__ import annotations

from triplewin.organisations.models import Membership
from triplewin.partnerships.models import Project
from triplewin.pid.models import PidVersion
from triplewin.pid.sections import from_snapshot
from triplewin.pid.sections.base import Section, find_section, find_value

PUBLICATION_PLANS = (
    "Before the project starts, this summary is published on the Triple Win public register "
    "and on the industry partner's website; NHS partners are encouraged to publish it too. "
    "A summary of outcomes will follow within six months of the project ending."
)


def _public_parts(value: str) -> list[str]:
    """A PID entry's "Label: text" lines, less those that say nothing to a public reader."""
    parts = []
    for line in value.splitlines():
        if not line or line.endswith(": No"):
            continue
        parts.append(line.removeprefix("Description: "))
    return parts


def _lines(section: Section | None, *, flatten: bool) -> str:
    if section is None:
        return ""
    lines = []
    for f in section.fields:
        value = "; ".join(_public_parts(f.value)) if flatten else f.value
        lines.append(f"{f.label}: {value}" if value else f.label)
    return "\n".join(lines)


def _period(sections: list[Section]) -> str:
    start = find_value(sections, "timing", "planned_start")
    end = find_value(sections, "timing", "planned_end")
    if start and end:
        return f"{start} to {end}"
    anticipated = find_value(sections, "timing", "anticipated_start")
    length = find_value(sections, "timing", "length")
    if anticipated and length:
        return f"Starting {anticipated}, for {length}"
    return anticipated or length


def _contacts(project: Project) -> str:
    lines = []
    for partner in project.partners.select_related("organisation", "lead").order_by(
        "organisation__name"
    ):
        lead = partner.lead
        if lead is None:
            lines.append(f"{partner.organisation.name}: no named lead yet")
            continue
        job = (
            Membership.objects.filter(user=lead, organisation=partner.organisation)
            .exclude(job_title="")
            .values_list("job_title", flat=True)
            .first()
        )
        name = lead.get_full_name() or lead.get_username()
        lines.append(f"{partner.organisation.name}: {name}{', ' + job if job else ''}")
    return "\n".join(lines)


def _with_prescribing(industry: str, prescribing: str) -> str:
    """The benefits to industry, with the expected effect on prescribing stated openly."""
    if not prescribing.strip():
        return industry
    line = f"Expected effect on prescribing: {prescribing.strip()}"
    return f"{industry.strip()}\n\n{line}" if industry.strip() else line


def draft(project: Project, version: PidVersion) -> dict[str, str]:
    sections = from_snapshot(version.snapshot)
    objectives = find_value(sections, "purpose", "objectives") or find_value(
        sections, "purpose", "concept_objectives"
    )
    return {
        "title": find_value(sections, "project", "title") or project.title,
        "rationale": find_value(sections, "purpose", "purpose_background"),
        "objectives": objectives,
        "benefits_patients": find_value(sections, "benefits", "patients"),
        "benefits_nhs": find_value(sections, "benefits", "nhs"),
        "benefits_industry": _with_prescribing(
            find_value(sections, "benefits", "industry"),
            find_value(sections, "benefits", "prescribing"),
        ),
        "period": _period(sections)[:200],
        "financial_arrangements": _lines(find_section(sections, "contributions"), flatten=True),
        "publication_plans": PUBLICATION_PLANS,
        "contacts": _contacts(project),
        "roles": _lines(find_section(sections, "team"), flatten=False),
    }
