"""Drafting the outcomes summary from the project's records.

Only facts are drafted: the partners, the actual dates, the published aims, the success
criteria with the KPI results, and the agreed contributions. The judgements (did the vision
hold, was trust kept, is it ready to scale) are left for the partners to write; the edit page
shows what was intended beside each one.
"""

from __future__ import annotations

from collections.abc import Mapping

from triplewin.contributions.models import Contribution
from triplewin.core.dates import long_date
from triplewin.core.library.learning import months_between
from triplewin.delivery.models import Termination
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.outcomes.selectors import ended_on, kpi_results
from triplewin.partnerships.models import PartyRole, Project
from triplewin.pid.models import Pid
from triplewin.pid.sections import from_snapshot
from triplewin.pid.sections.base import find_value
from triplewin.pid.selectors import latest_version

LABEL_KEYS = ("name", "kpi", "title", "measure")
VERDICT_KEYS = ("met", "status", "result")
# Already part of each value ("65%"), so not repeated on its own.
HIDDEN_KEYS = frozenset({"unit"})
SUCCESS_PARTS = (
    ("success_what", "What counts as success"),
    ("success_measure", "How it is measured"),
    ("success_when", "When it is measured"),
    ("success_by_whom", "Who measures it"),
)


def partners_text(project: Project) -> str:
    """Lead NHS partner first, then other NHS partners, industry and anyone else."""
    rank = {role.value: i for i, role in enumerate(PartyRole)}
    partners = sorted(
        project.partners.select_related("organisation"),
        key=lambda p: (rank.get(p.party_role, len(rank)), p.organisation.name),
    )
    return "\n".join(f"{p.organisation.name} ({p.get_party_role_display()})" for p in partners)


def duration_text(project: Project) -> str:
    start, end = project.actual_start, ended_on(project) or project.actual_end
    early = " (stopped early)" if Termination.objects.filter(project=project).exists() else ""
    if start and end and end >= start:
        months = months_between(start, end)
        return (
            f"{long_date(start)} to {long_date(end)} "
            f"({months} month{'s' if months != 1 else ''}){early}"
        )
    if end:
        return f"Ended on {long_date(end)}{early}"
    return ""


def overview_text(project: Project) -> str:
    summary = ExecutiveSummary.objects.filter(project=project).first()
    parts = [summary.rationale, summary.objectives] if summary else []
    termination = Termination.objects.filter(project=project).first()
    if termination is not None:
        # A closure summary says plainly that, and why, the project stopped early.
        parts.append(
            f"The project was stopped early on {long_date(termination.ended_on)}. "
            f"Reason: {termination.reason}"
        )
    return "\n\n".join(part for part in parts if part.strip())


def success_criteria(project: Project) -> list[tuple[str, str]]:
    """The PID's success criteria: from its latest version, or the working PID if none."""
    version = latest_version(project)
    if version is not None:
        sections = from_snapshot(version.snapshot)
        values = {key: find_value(sections, "success", key) for key, _ in SUCCESS_PARTS}
    else:
        pid = Pid.objects.filter(project=project).first()
        values = {key: getattr(pid, key) if pid else "" for key, _ in SUCCESS_PARTS}
    return [(label, values[key].strip()) for key, label in SUCCESS_PARTS if values[key].strip()]


def _key_label(key: str) -> str:
    return key.replace("_", " ").strip().lower()


def kpi_line(row: Mapping[str, str]) -> str:
    """One KPI result as a sentence, whatever fields the KPI app chose to give.

    For example "Reviews done (Delivery): baseline 0; latest 412; target 400. Met."
    """
    label_key = next((k for k in LABEL_KEYS if row.get(k)), None)
    verdict_key = next((k for k in VERDICT_KEYS if row.get(k)), None)
    skip = {label_key, verdict_key, "category", *HIDDEN_KEYS}
    parts = "; ".join(f"{_key_label(k)} {v}" for k, v in row.items() if k not in skip and v)
    name = row[label_key] if label_key else "KPI"
    category = f" ({row['category']})" if row.get("category") else ""
    verdict = f" {row[verdict_key].rstrip('.')}." if verdict_key else ""
    return f"{name}{category}: {parts}.{verdict}" if parts else f"{name}{category}.{verdict}"


def results_text(project: Project) -> str:
    lines = [f"{label}: {value}" for label, value in success_criteria(project)]
    rows = kpi_results(project) or []
    if rows:
        if lines:
            lines.append("")
        lines.append("KPI results:")
        lines.extend(f"- {kpi_line(row)}" for row in rows)
    return "\n".join(lines)


def contributions_text(project: Project) -> str:
    rows = Contribution.objects.filter(project=project).select_related("organisation")
    lines = []
    for c in rows:
        value = f" (£{c.value:,.0f})" if c.value is not None else ""
        lines.append(f"- {c.organisation.name}: {c.description}{value}")
    return "Agreed contributions:\n" + "\n".join(lines) if lines else ""


def draft(project: Project) -> dict[str, str]:
    """The drafted fields; everything not named here is left for the partners to write."""
    return {
        "partners": partners_text(project),
        "duration": duration_text(project)[:200],
        "overview": overview_text(project),
        "results": results_text(project),
        "contributions": contributions_text(project),
    }
