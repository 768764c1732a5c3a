"""The steps a termination works through, drawn from what the partners agreed at set-up.

The PID's exit strategy, each partner's responsibilities if the project is terminated, and
every industry-funded post with its own exit strategy: one step each, in that order.
"""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.contributions.models import Contribution
from triplewin.delivery.models import StepKind
from triplewin.partnerships.models import Project
from triplewin.pid.models import Pid

NOTHING_WRITTEN = "Nothing was written down for this at set-up."


@dataclass(frozen=True)
class PlannedStep:
    key: str
    kind: StepKind
    subject: str
    planned: str

    @property
    def kind_label(self) -> str:
        return StepKind(self.kind).label


def exit_plan(project: Project) -> list[PlannedStep]:
    pid = Pid.objects.filter(project=project).first()
    duties = {r.organisation_id: r.text for r in pid.party_responsibilities.all()} if pid else {}
    steps = [
        PlannedStep(
            "exit",
            StepKind.EXIT_STRATEGY,
            "The project's exit strategy",
            (pid.exit_strategy.strip() if pid else "") or NOTHING_WRITTEN,
        )
    ]
    steps.extend(
        PlannedStep(
            f"party-{p.organisation_id}",
            StepKind.PARTY,
            p.organisation.name,
            duties.get(p.organisation_id, "").strip() or NOTHING_WRITTEN,
        )
        for p in project.partners.select_related("organisation").order_by("organisation__name")
    )
    posts = (
        Contribution.objects.filter(project=project, is_funded_post=True)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    steps.extend(
        PlannedStep(
            f"post-{c.pk}",
            StepKind.FUNDED_POST,
            f"{c.organisation.name}: {c.role or c.description[:120]}",
            c.exit_strategy.strip() or NOTHING_WRITTEN,
        )
        for c in posts
    )
    return steps
