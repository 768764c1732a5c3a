"""Stage 2 of the demo: set-up and governance records, every one written through a service.

`load_registers` runs first, because nobody joins a team without a current declaration or nil
return; then `load_setup` builds each project's records in the order a real project would.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from triplewin.core.lifecycle import transitions_from
from triplewin.demo.data.setup_types import SetupSpec
from triplewin.demo.stage2.documents import load_agreement, load_pid, load_summary
from triplewin.demo.stage2.lookup import DemoDataError, Lookup
from triplewin.demo.stage2.meetings import load_meeting
from triplewin.demo.stage2.registers import load_registers
from triplewin.demo.stage2.team import load_contributions, load_plans, load_team
from triplewin.partnerships import services as project_services
from triplewin.partnerships.errors import GateBlocked
from triplewin.partnerships.models import Project

__all__ = ["DemoDataError", "Lookup", "load_registers", "load_setup"]


def _held_back_by(project: Project) -> str:
    """The rules that stop the project's next step on the main path, for the error message."""
    for transition in transitions_from(project.state_enum):
        if transition.gate and not transition.name.startswith("withdraw"):
            report = project_services.gate_report(project, transition.gate)
            failing = (*report.failed_blockers, *report.failed_risks)
            return ", ".join(f"{r.rule.id} ({r.detail})" for r in failing) or "nothing"
    return "nothing"


def _build(spec: SetupSpec, project: Project, lookup: Lookup, where: str) -> None:
    actor = lookup.user(spec.recorded_by, where)
    load_team(spec, project, actor, lookup)
    load_contributions(spec, project, actor, lookup)
    load_plans(spec, project, actor)
    for meeting in spec.meetings:
        load_meeting(meeting, project, lookup)
    if spec.pid is not None:
        load_pid(spec.pid, project, actor, lookup, where)
    if spec.agreement is not None:
        load_agreement(spec.agreement, project, actor, lookup, where)
    if spec.summary is not None:
        load_summary(spec.summary, project, actor, lookup, where)


def load_setup(spec: SetupSpec, lookup: Lookup) -> Project:
    project = lookup.project(spec.project)
    where = f"Stage 2 of {spec.project}"
    try:
        _build(spec, project, lookup, where)
    except GateBlocked as blocked:
        failing = ", ".join(
            r.rule.id for r in (*blocked.report.failed_blockers, *blocked.unaccepted)
        )
        raise DemoDataError(f"{where}: a gate held: {failing}.") from blocked
    except ValidationError as refused:
        raise DemoDataError(f"{where}: a service refused a step: {refused}") from refused
    project.refresh_from_db()
    if project.state != spec.expect_state:
        raise DemoDataError(
            f"{where} ended in '{project.state}', not '{spec.expect_state}'. "
            f"Held back by: {_held_back_by(project)}."
        )
    return project
