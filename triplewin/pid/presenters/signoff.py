"""Where sign-off stands for the latest version: certification and each body's decision."""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.core import signoff as core
from triplewin.core.dates import long_date
from triplewin.partnerships.models import Project
from triplewin.pid.models import PidVersion
from triplewin.pid.selectors import DOCUMENT, SUBJECT, VersionState
from triplewin.signoff.models import SignOffAct


@dataclass(frozen=True)
class SignOffRow:
    body: str
    status: str
    tag_colour: str
    detail: str


def certification_row(state: VersionState, *, current: bool) -> SignOffRow:
    cert = state.certification
    if cert is None:
        return SignOffRow(
            "Certification by the industry partner", "Waiting", "grey", "Not certified yet."
        )
    detail = (
        f"Certified for {cert.organisation_name} by {cert.actor_label} on {long_date(cert.at)}."
    )
    if not current:
        return SignOffRow(
            "Certification by the industry partner",
            "Out of date",
            "orange",
            f"{detail} The PID has changed since.",
        )
    return SignOffRow("Certification by the industry partner", "Certified", "green", detail)


def _earlier(project: Project, version: PidVersion) -> dict[str, int]:
    """The version each body last decided on before this one, to show who must decide again."""
    found: dict[str, int] = {}
    for act in SignOffAct.objects.filter(
        project=project,
        document=DOCUMENT,
        subject=SUBJECT,
        version__lt=version.number,
        act__in=[a.value for a in core.DECISIONS],
    ).order_by("version", "at", "id"):
        found[core.body_key(act.body, act.organisation_id)] = act.version or 0
    return found


def decision_rows(project: Project, state: VersionState, *, current: bool) -> list[SignOffRow]:
    earlier = _earlier(project, state.version)
    rows = []
    for d in state.decisions:
        label = d.body.label
        latest = d.latest
        if latest is None:
            before = earlier.get(d.body.key)
            detail = (
                f"Decided on version {before}; version {state.version.number} needs a decision."
                if before
                else "No decision yet."
            )
            colour, status = ("orange", "Needs re-approval") if before else ("grey", "Waiting")
            rows.append(SignOffRow(label, status, colour, detail))
            continue
        verb = "Approved" if d.approved else "Rejected"
        detail = f"{verb} by {latest.actor_label} on {long_date(latest.at)}."
        if latest.reason:
            detail = f"{detail} {latest.reason}"
        if not current:
            rows.append(
                SignOffRow(label, "Out of date", "orange", f"{detail} The PID has changed since.")
            )
        elif d.approved:
            rows.append(SignOffRow(label, "Approved", "green", detail))
        else:
            rows.append(SignOffRow(label, "Rejected", "red", detail))
    return rows
