"""Reads about the plans, for the rules, the overview page and the PID."""

from __future__ import annotations

from triplewin.partnerships.models import Project
from triplewin.plans.models import (
    DPIA_SETTLED,
    DataItem,
    DigitalTool,
    EvaluationEntry,
    SharingBasis,
    SustainabilityEntry,
)
from triplewin.plans.registry import PLANS


def plans_for_pid(project: Project) -> dict[str, list[dict[str, str]]]:
    """Each plan's name, in guidance order, with its entries as label -> text in display order."""
    return {spec.name: [spec.describe(e) for e in spec.entries(project)] for spec in PLANS}


def plans_missing(project: Project) -> tuple[str, ...] | None:
    """None when no plan has been started; otherwise the names of the plans still empty.

    Optional plans (digital tools, sustainability and handover) are never reported here: a
    project may have no digital tool, and the handover plan is checked before completion.
    """
    required = [spec for spec in PLANS if not spec.optional]
    empty = tuple(
        spec.name
        for spec in required
        if not spec.model._default_manager.filter(project=project).exists()
    )
    return None if len(empty) == len(required) else empty


def data_shared_not_anonymised(project: Project) -> tuple[str, ...]:
    """What each data item a company sees is, where it is not both anonymised and aggregated."""
    return tuple(
        item.what
        for item in DataItem.objects.filter(project=project, shared_with_company=True).order_by(
            "pk"
        )
        if item.company_sees_identifiable
    )


def _data_flows(project: Project) -> list[DataItem]:
    return list(DataItem.objects.filter(project=project).order_by("pk"))


def data_flow_problems(item: DataItem) -> tuple[str, ...]:
    """Why one data flow is not yet governed; empty when it is."""
    problems = []
    if not item.controller.strip():
        problems.append("no data controller named")
    if not item.sharing_basis:
        problems.append("no data sharing agreement or memorandum of understanding recorded")
    elif item.sharing_basis == SharingBasis.NOT_SHARED and item.shared_with_company:
        problems.append("a company sees it, so it is shared and needs an agreement")
    elif item.sharing_basis != SharingBasis.NOT_SHARED and not item.sharing_reference.strip():
        problems.append(f"{item.get_sharing_basis_display().lower()} is not named")
    return tuple(problems)


def data_flows_ungoverned(project: Project) -> tuple[str, ...]:
    """Each data flow lacking a controller or the agreement that covers its sharing."""
    return tuple(
        f"{item.what}: {', '.join(problems)}"
        for item in _data_flows(project)
        if (problems := data_flow_problems(item))
    )


def data_flows_without_dpia(project: Project) -> tuple[str, ...]:
    """Each data flow whose DPIA is neither signed off nor screened out."""
    return tuple(
        f"{item.what} ({item.get_dpia_display().lower() if item.dpia else 'not recorded'})"
        for item in _data_flows(project)
        if item.dpia not in DPIA_SETTLED
    )


def digital_tool_problems(tool: DigitalTool) -> tuple[str, ...]:
    problems = []
    if not tool.safety_officer.strip():
        problems.append("no clinical safety officer")
    if not tool.dcb0160_record.strip():
        problems.append("no DCB0160 record")
    elif not tool.dcb0160_approved:
        problems.append("DCB0160 record not approved by the clinical safety officer")
    return tuple(problems)


def digital_tools_without_safety(project: Project) -> tuple[str, ...]:
    return tuple(
        f"{tool.name}: {', '.join(problems)}"
        for tool in DigitalTool.objects.filter(project=project).order_by("pk")
        if (problems := digital_tool_problems(tool))
    )


def sustainability_missing(project: Project) -> tuple[str, ...] | None:
    """None when no sustainability and handover plan exists; else the parts still blank."""
    entries = list(SustainabilityEntry.objects.filter(project=project).order_by("pk"))
    if not entries:
        return None
    labels = {
        "commissioner": "who commissions it afterwards",
        "evidence_needed": "what evidence the commissioner needs",
        "handover": "how skills and knowledge are handed over",
    }
    return tuple(
        f"{e.service}: {label}"
        for e in entries
        for name, label in labels.items()
        if not str(getattr(e, name)).strip()
    )


def evaluators(project: Project) -> list[EvaluationEntry]:
    """Who evaluates the project, as the evaluation plan records them."""
    return list(EvaluationEntry.objects.filter(project=project).order_by("pk"))


def evaluation_lines(project: Project) -> list[str]:
    """Each evaluator as one line: who, how independent, and by which methods."""
    return [
        f"{e.evaluator}. Independence: {e.get_independence_display()}. Methods: {e.methods}"
        for e in evaluators(project)
    ]
