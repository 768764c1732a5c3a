"""Stage 3 of the demo: delivery, KPIs, reporting, money, amendments, outcomes and learning.

Every record goes through the app's own services, in the order a real project would make
them: the delivery logs and KPIs while the project runs, then completion, then the outcomes
summary and the look back. Loaded once every stage 2 record exists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError

from triplewin.demo.data.stage3_types import Stage3Spec
from triplewin.demo.data.types import IMPORT_REASON_FICTIONAL
from triplewin.demo.stage2.lookup import DemoDataError, Lookup
from triplewin.demo.stage3.amendments import load_amendment
from triplewin.demo.stage3.closing import complete, load_learning, load_outcomes
from triplewin.demo.stage3.delivery import load_logs, load_reporting
from triplewin.demo.stage3.kpis import load_kpis
from triplewin.demo.stage3.money import load_transfers
from triplewin.partnerships import services as project_services
from triplewin.partnerships.errors import GateBlocked
from triplewin.partnerships.models import Project
from triplewin.plans import services as plan_services

__all__ = ["load_stage3"]


def _build(spec: Stage3Spec, project: Project, lookup: Lookup, where: str) -> None:
    actor = lookup.user(spec.recorded_by, where)
    if spec.history_days_ago:
        steps = [(name, lookup.today - dt.timedelta(days=d)) for name, d in spec.history_days_ago]
        project_services.project_import_history(
            actor=actor, project=project, steps=steps, reason=IMPORT_REASON_FICTIONAL
        )
        project.refresh_from_db()
    load_logs(spec, project, actor, lookup)
    if spec.kpis:
        load_kpis(spec, project, actor, lookup)
    if spec.reporting is not None:
        load_reporting(spec.reporting, project, lookup, where)
    if spec.transfers is not None:
        load_transfers(spec.transfers, project, lookup, where)
    for amendment in spec.amendments:
        load_amendment(amendment, project, lookup, where)
    for entry in spec.sustainability:
        plan_services.plan_entry_add(
            actor=actor, project=project, plan="sustainability", fields=entry
        )
    if spec.completed_days_ago is not None:
        complete(project, spec.recorded_by, spec.completed_days_ago, lookup, where)
    if spec.outcomes is not None:
        load_outcomes(spec.outcomes, project, lookup, where)
    if spec.learning is not None:
        load_learning(spec.learning, project, lookup, where)


def load_one(spec: Stage3Spec, lookup: Lookup) -> Project:
    project = lookup.project(spec.project)
    where = f"Stage 3 of {spec.project}"
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
    if spec.expect_state and project.state != spec.expect_state:
        raise DemoDataError(f"{where} ended in '{project.state}', not '{spec.expect_state}'.")
    return project


def load_stage3(specs: Iterable[Stage3Spec], lookup: Lookup) -> dict[str, Project]:
    return {spec.project: load_one(spec, lookup) for spec in specs}
