"""The five plans as data: one definition each drives the services, pages and the PID."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from triplewin.partnerships.models import Project
from triplewin.plans.models import (
    CommunicationItem,
    DataItem,
    PatientEngagementActivity,
    PlanEntry,
    RaciEntry,
    StakeholderEntry,
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
)

PLANS_BY_SLUG: dict[str, PlanSpec] = {p.slug: p for p in PLANS}


def spec_for(entry: PlanEntry) -> PlanSpec:
    return next(p for p in PLANS if isinstance(entry, p.model))
