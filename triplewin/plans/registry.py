"""The five plans as data: one definition each drives the services, pages and the PID."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from triplewin.partnerships.models import Project
from triplewin.plans.models import (
    CommunicationItem,
    DataItem,
    DigitalTool,
    EvaluationEntry,
    PatientEngagementActivity,
    PlanEntry,
    RaciEntry,
    StakeholderEntry,
    SustainabilityEntry,
)


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def _stakeholder(e: Any) -> dict[str, str]:
    flags = [
        label
        for on, label in (
            (e.impacted, "impacted"),
            (e.can_help_or_block, "able to help or block"),
            (e.to_involve, "to involve"),
            (e.to_keep_informed, "to keep informed"),
        )
        if on
    ]
    return {
        "Stakeholder": e.name,
        "Internal or external": "Internal" if e.scope == "internal" else "External",
        "Interest": ", ".join(flags).capitalize() if flags else "None marked",
        "Notes": e.notes,
    }


def _communication(e: Any) -> dict[str, str]:
    return {
        "Audience": e.audience,
        "Message or purpose": e.message,
        "Channel": e.channel,
        "Frequency or timing": e.timing,
        "Owner": e.owner,
    }


def _data(e: Any) -> dict[str, str]:
    return {
        "Data collected": e.what,
        "Source": e.source,
        "Collected by": e.collected_by,
        "Frequency": e.frequency,
        "A company sees it": _yes_no(e.shared_with_company),
        "Anonymised": _yes_no(e.anonymised),
        "Aggregated": _yes_no(e.aggregated),
        "Data controller": e.controller,
        "Sharing covered by": (
            f"{e.get_sharing_basis_display()}: {e.sharing_reference}".rstrip(": ")
            if e.sharing_basis
            else ""
        ),
        "DPIA": e.get_dpia_display() if e.dpia else "",
    }


def _engagement(e: Any) -> dict[str, str]:
    return {
        "Kind of activity": e.get_kind_display(),
        "Description": e.description,
        "When": e.timing,
    }


def _raci(e: Any) -> dict[str, str]:
    return {
        "Activity": e.activity,
        "Responsible": e.responsible,
        "Accountable": e.accountable,
        "Consulted": e.consulted,
        "Informed": e.informed,
    }


def _digital_tool(e: Any) -> dict[str, str]:
    return {
        "Digital tool": e.name,
        "Supplier": e.supplier,
        "Used for": e.use,
        "Clinical safety officer": e.safety_officer,
        "DCB0160 record": e.dcb0160_record,
        "Record approved by the clinical safety officer": _yes_no(e.dcb0160_approved),
    }


def _evaluation(e: Any) -> dict[str, str]:
    return {
        "Who evaluates": e.evaluator,
        "How independent": e.get_independence_display() if e.independence else "",
        "Methods": e.methods,
        "When they report": e.reporting,
    }


def _sustainability(e: Any) -> dict[str, str]:
    return {
        "What continues": e.service,
        "Who commissions it afterwards": e.commissioner,
        "Evidence the commissioner needs": e.evidence_needed,
        "Handing over skills and knowledge": e.handover,
    }


@dataclass(frozen=True)
class PlanSpec:
    slug: str
    name: str
    entry_noun: str
    purpose: str
    model: type[PlanEntry]
    fields: tuple[str, ...]
    describe: Callable[[Any], dict[str, str]]
    # Plain-English messages for the fields that must be filled in.
    required: Mapping[str, str]
    # An optional plan may stay empty (a project with no digital tool has none to list).
    optional: bool = False
    # A plan kept current through delivery, not only until it starts.
    open_in_delivery: bool = False

    def entries(self, project: Project) -> list[PlanEntry]:
        return list(self.model._default_manager.filter(project=project).order_by("pk"))


PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(
        "stakeholders",
        "Stakeholder map",
        "stakeholder",
        "Who the project touches, inside and outside the partners, and how to treat each of them.",
        StakeholderEntry,
        (
            "name",
            "scope",
            "impacted",
            "can_help_or_block",
            "to_involve",
            "to_keep_informed",
            "notes",
        ),
        _stakeholder,
        {
            "name": "Enter the stakeholder's name or group, for example 'Practice nurses'.",
            "scope": "Say whether the stakeholder is internal or external.",
        },
    ),
    PlanSpec(
        "communications",
        "Communications plan",
        "communication",
        "Who hears what, how, how often and from whom.",
        CommunicationItem,
        ("audience", "message", "channel", "timing", "owner"),
        _communication,
        {
            "audience": "Say who the communication is for.",
            "message": "Say what the message is, or what it is for.",
            "channel": "Say how it will be sent, for example a newsletter or a meeting.",
            "timing": "Say how often or when it will be sent.",
            "owner": "Say who is responsible for sending it.",
        },
    ),
    PlanSpec(
        "data",
        "Data collection plan",
        "data item",
        "Which data is collected, where from, by whom, and whether a company partner sees it.",
        DataItem,
        (
            "what",
            "source",
            "collected_by",
            "frequency",
            "shared_with_company",
            "anonymised",
            "aggregated",
            "controller",
            "sharing_basis",
            "sharing_reference",
            "dpia",
        ),
        _data,
        {
            "what": "Say what data is collected, for example 'Number of reviews completed'.",
            "source": "Say where the data comes from, for example GP records.",
            "collected_by": "Say who collects the data.",
            "frequency": "Say how often the data is collected.",
        },
    ),
    PlanSpec(
        "patient-engagement",
        "Patient engagement plan",
        "activity",
        "How patients shape the project and are heard before, during and after it.",
        PatientEngagementActivity,
        ("kind", "description", "timing"),
        _engagement,
        {
            "kind": "Choose the kind of patient engagement.",
            "description": "Describe the activity.",
            "timing": "Say when the activity happens.",
        },
    ),
    PlanSpec(
        "raci",
        "RACI chart",
        "activity",
        "For each activity: who does it, who signs it off, who is asked and who is told.",
        RaciEntry,
        ("activity", "responsible", "accountable", "consulted", "informed"),
        _raci,
        {
            "activity": "Name the activity or decision.",
            "responsible": "Say who does the work.",
            "accountable": "Say who signs the work off.",
        },
    ),
    PlanSpec(
        "digital-tools",
        "Digital tools",
        "digital tool",
        "Each digital tool used in patient care, with the NHS organisation's clinical safety "
        "officer and its DCB0160 clinical risk management record. Leave empty if there is none.",
        DigitalTool,
        (
            "name",
            "supplier",
            "use",
            "safety_officer",
            "dcb0160_record",
            "dcb0160_approved",
        ),
        _digital_tool,
        {
            "name": "Name the digital tool.",
            "supplier": "Name the tool's supplier.",
            "use": "Say what the tool is used for.",
        },
        optional=True,
    ),
    PlanSpec(
        "evaluation",
        "Evaluation plan",
        "evaluation",
        "Who evaluates the project, how independent they are of the partners, and which "
        "methods they use.",
        EvaluationEntry,
        ("evaluator", "independence", "methods", "reporting"),
        _evaluation,
        {
            "evaluator": "Say who evaluates the project, for example a university team.",
            "independence": "Say how independent the evaluator is of the partners.",
            "methods": "Describe the evaluation methods.",
        },
    ),
    PlanSpec(
        "sustainability",
        "Sustainability and handover plan",
        "entry",
        "What continues when company support ends: who commissions it, what evidence they "
        "need, and how skills and knowledge pass to the staff who carry on.",
        SustainabilityEntry,
        ("service", "commissioner", "evidence_needed", "handover"),
        _sustainability,
        {
            "service": "Say what continues after the project, for example the clinic.",
            "commissioner": "Say who will commission it afterwards, for example the ICB.",
            "evidence_needed": "Say what evidence the commissioner will need.",
            "handover": "Say how skills and knowledge will be handed over.",
        },
        optional=True,
        open_in_delivery=True,
    ),
)

PLANS_BY_SLUG: dict[str, PlanSpec] = {p.slug: p for p in PLANS}


def spec_for(entry: PlanEntry) -> PlanSpec:
    return next(p for p in PLANS if isinstance(entry, p.model))
