"""Sections written in the PID itself: success criteria, governance, exit and confidentiality."""

from __future__ import annotations

from triplewin.pid.models import Methodology, Pid
from triplewin.pid.sections.base import Field, Section, section, text
from triplewin.pid.sections.sources import Sources


def _value(pid: Pid | None, name: str) -> str:
    return text(getattr(pid, name)) if pid is not None else ""


def success_criteria(src: Sources) -> Section:
    pid = src.pid
    return section(
        "success",
        "Success criteria",
        [
            Field("success_what", "What counts as success", _value(pid, "success_what")),
            Field("success_measure", "How it is measured", _value(pid, "success_measure")),
            Field("success_when", "When it is measured", _value(pid, "success_when")),
            Field("success_by_whom", "Who measures it", _value(pid, "success_by_whom")),
        ],
    )


def governance_and_methodology(src: Sources) -> Section:
    pid = src.pid
    method = ""
    if pid is not None and pid.methodology:
        method = Methodology(pid.methodology).label
    fields = [
        Field("governance_framework", "Governance framework", _value(pid, "governance_framework")),
        Field("methodology", "Methodology", method),
    ]
    notes = _value(pid, "methodology_notes")
    if notes or (pid is not None and pid.methodology == Methodology.OTHER):
        fields.append(Field("methodology_notes", "Notes on the methodology", notes))
    fields.append(Field("meeting_schedule", "Meeting schedule", _value(pid, "meeting_schedule")))
    return section("governance", "Governance framework and methodology", fields)


def exit_and_termination(src: Sources) -> Section:
    pid = src.pid
    duties = {r.organisation_id: r.text for r in pid.party_responsibilities.all()} if pid else {}
    fields = [Field("exit_strategy", "Exit strategy", _value(pid, "exit_strategy"))]
    fields.extend(
        Field(
            f"termination-{p.organisation_id}",
            f"If terminated, {p.organisation.name} will",
            text(duties.get(p.organisation_id, "")),
        )
        for p in src.partners
    )
    return section("exit", "Exit strategy and responsibilities on termination", fields)


def confidentiality(src: Sources) -> Section:
    return section(
        "confidentiality",
        "Confidentiality of patient information",
        [
            Field(
                "patient_confidentiality",
                "How patient information is kept confidential",
                _value(src.pid, "patient_confidentiality"),
            )
        ],
    )
