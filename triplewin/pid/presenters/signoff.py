"""Where sign-off stands for the latest version: certification and each body's decision."""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.core.dates import long_date
from triplewin.partnerships.models import Project
from triplewin.pid.models import Decision, PidApproval, PidVersion
from triplewin.pid.selectors import VersionState, body_key


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
    detail = f"Certified for {cert.organisation.name} by {cert.certified_by_label} on {long_date(cert.at)}."
    if not current:
        return SignOffRow(
            "Certification by the industry partner",
            "Out of date",
            "orange",
            f"{detail} The PID has changed since.",
        )
    return SignOffRow("Certification by the industry partner", "Certified", "green", detail)


def _earlier(project: Project, version: PidVersion) -> dict[str, PidApproval]:
    """Each body's latest decision on an earlier version, to show who must decide again."""
    found: dict[str, PidApproval] = {}
    for approval in (
        PidApproval.objects.filter(version__project=project, version__number__lt=version.number)
        .select_related("version", "organisation")
        .order_by("version__number", "at", "id")
    ):
        found[body_key(approval)] = approval
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
                f"Decided on version {before.version.number}; version {state.version.number} "
                "needs a decision."
                if before
                else "No decision yet."
            )
            colour, status = ("orange", "Needs re-approval") if before else ("grey", "Waiting")
            rows.append(SignOffRow(label, status, colour, detail))
            continue
        verb = "Approved" if latest.decision == Decision.APPROVE else "Rejected"
        detail = f"{verb} by {latest.approved_by_label} on {long_date(latest.at)}."
        if latest.reason:
            detail = f"{detail} {latest.reason}"
        if not current:
            rows.append(
                SignOffRow(label, "Out of date", "orange", f"{detail} The PID has changed since.")
            )
        elif latest.decision == Decision.APPROVE:
            rows.append(SignOffRow(label, "Approved", "green", detail))
        else:
            rows.append(SignOffRow(label, "Rejected", "red", detail))
    return rows
