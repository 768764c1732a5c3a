"""The project plan in the PID: its milestones, and the risks and issues known at set-up.

The guidance wants clear milestones and timelines in the plan, and issue and risk management
from the concept onwards ("Accelerating transformation" 2024, stage 3: monitoring, and the
case studies' "risk management": plans included from the outset in the concept document).
So the logs open at scoping, and the PID carries what they hold.

Until the PID is approved these sections read the live logs, so certification binds to the
plan as it stands. From then on the logs keep changing through delivery while the approved
PID must not, so the sections are read from the latest PID version (an amendment makes a new
one); a version approved before the PID carried them has none, and none is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from triplewin.core import risk_matrix
from triplewin.core.dates import long_date
from triplewin.core.lifecycle import State
from triplewin.delivery.models import Issue, IssueStatus, Milestone, Risk, RiskStatus
from triplewin.pid.models import PidVersion
from triplewin.pid.sections.base import Field, Section, from_snapshot, section, text
from triplewin.pid.sections.sources import Sources

# While the PID is being prepared, the plan is read from the logs as they are.
LIVE_STATES = frozenset({State.IDEA, State.SCOPING, State.CONCEPT_APPROVED, State.SETUP})
KEYS = ("milestones", "risks")


def _milestones(src: Sources) -> Section:
    fields = [
        Field(
            f"milestone-{m.pk}",
            m.title,
            "\n".join(
                line
                for line in (
                    f"Planned for {long_date(m.planned_on)}",
                    f"Owner: {text(m.owner)}" if m.owner else "",
                    text(m.notes),
                )
                if line
            ),
        )
        for m in Milestone.objects.filter(project=src.project).order_by("planned_on", "id")
    ]
    return section(
        "milestones", "Milestones", fields, empty_text="No milestones have been planned yet."
    )


def _risk_line(r: Risk) -> str:
    value = risk_matrix.score(r.likelihood, r.impact)
    rating = risk_matrix.BAND_INFO[risk_matrix.band(value)].label
    lines = [
        f"Score {value} ({rating}): likelihood {r.likelihood}, impact {r.impact}",
        f"Owner: {text(r.owner)}",
        f"Mitigation: {text(r.mitigation)}" if r.mitigation.strip() else "",
    ]
    return "\n".join(line for line in lines if line)


def _risks(src: Sources) -> Section:
    fields = [
        Field(f"risk-{r.pk}", text(r.description)[:200], _risk_line(r))
        for r in Risk.objects.filter(project=src.project)
        .exclude(status=RiskStatus.CLOSED)
        .order_by("id")
    ]
    fields.extend(
        Field(
            f"issue-{i.pk}",
            f"Issue: {text(i.description)[:200]}",
            "\n".join(
                line
                for line in (
                    f"Raised on {long_date(i.raised_on)} by {text(i.raised_by)}",
                    f"Owner: {text(i.owner)}",
                    f"Resolution: {text(i.resolution)}" if i.resolution.strip() else "",
                )
                if line
            ),
        )
        for i in Issue.objects.filter(project=src.project, status=IssueStatus.OPEN).order_by("id")
    )
    return section(
        "risks",
        "Risks and issues",
        fields,
        empty_text="No risks or issues have been recorded yet.",
    )


def live_until_approved(
    src: Sources, keys: tuple[str, ...], build: Callable[[], list[Section]]
) -> list[Section]:
    """Sections read live while the PID is prepared, then from its latest version.

    Records that keep changing through delivery (the logs, contacts, KPIs) must not change an
    approved PID. A version approved before the PID carried a section has none to show.
    """
    if src.project.state_enum in LIVE_STATES:
        return build()
    latest = PidVersion.objects.filter(project=src.project).order_by("-number").first()
    if latest is None:
        return build()
    return [s for s in from_snapshot(latest.snapshot) if s.key in keys]


def plan(src: Sources) -> list[Section]:
    return live_until_approved(src, KEYS, lambda: [_milestones(src), _risks(src)])
