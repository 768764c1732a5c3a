"""Reads about the PID: the assembled document, its hash, what is missing, and sign-off."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triplewin.concept.models import ConceptFramework
from triplewin.concept.selectors import content_hash
from triplewin.contributions.models import Contribution
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.pid.models import (
    PID_FIELDS,
    ApprovalBody,
    Decision,
    Methodology,
    Pid,
    PidApproval,
    PidCertification,
    PidVersion,
)
from triplewin.pid.sections import assemble, to_snapshot
from triplewin.team.models import GovernanceCommitteeMember, TeamMember

FIELD_LABELS: dict[str, str] = {
    name: str(getattr(Pid._meta.get_field(name), "verbose_name", name)) for name in PID_FIELDS
}
# Notes are only needed when the methodology is "other"; everything else must be written.
ALWAYS_REQUIRED = tuple(name for name in PID_FIELDS if name != "methodology_notes")


def current_snapshot(project: Project) -> dict[str, Any]:
    return to_snapshot(assemble(project))


def current_hash(project: Project) -> str:
    return content_hash(current_snapshot(project))


def missing_sections(project: Project, pid: Pid | None) -> tuple[str, ...] | None:
    """What must still be written before the PID can be submitted; None when none exists."""
    if pid is None:
        return None
    missing = [
        FIELD_LABELS[name] for name in ALWAYS_REQUIRED if not str(getattr(pid, name)).strip()
    ]
    if pid.methodology == Methodology.OTHER and not pid.methodology_notes.strip():
        missing.append(FIELD_LABELS["methodology_notes"])
    written = {r.organisation_id for r in pid.party_responsibilities.all() if r.text.strip()}
    missing.extend(
        f"Responsibilities on termination for {p.organisation.name}"
        for p in project.partners.select_related("organisation").order_by("organisation__name")
        if p.organisation_id not in written
    )
    if not ConceptFramework.objects.filter(project=project).exists():
        missing.append("Concept framework")
    if not TeamMember.objects.active().filter(project=project).exists():
        missing.append("Project team")
    if not GovernanceCommitteeMember.objects.filter(project=project).exists():
        missing.append("Governance committees")
    if not Contribution.objects.filter(project=project).exists():
        missing.append("Contributions")
    return tuple(missing)


def latest_version(project: Project) -> PidVersion | None:
    return PidVersion.objects.filter(project=project).order_by("-number").first()


@dataclass(frozen=True)
class Body:
    """Someone whose approval the PID needs: the project team, or one party's committee."""

    body: str
    organisation: Organisation | None

    @property
    def key(self) -> str:
        return "team" if self.organisation is None else f"committee-{self.organisation.pk}"

    @property
    def label(self) -> str:
        if self.organisation is None:
            return "Project team"
        return f"Governance committee of {self.organisation.name}"


def required_bodies(project: Project) -> list[Body]:
    partners = project.partners.select_related("organisation").order_by("organisation__name")
    return [Body(ApprovalBody.PROJECT_TEAM, None)] + [
        Body(ApprovalBody.GOVERNANCE_COMMITTEE, p.organisation) for p in partners
    ]


def body_key(approval: PidApproval) -> str:
    return "team" if approval.organisation_id is None else f"committee-{approval.organisation_id}"


@dataclass(frozen=True)
class BodyDecision:
    body: Body
    latest: PidApproval | None

    @property
    def approved(self) -> bool:
        return self.latest is not None and self.latest.decision == Decision.APPROVE


@dataclass(frozen=True)
class VersionState:
    version: PidVersion
    certification: PidCertification | None
    decisions: tuple[BodyDecision, ...]

    @property
    def certified(self) -> bool:
        return self.certification is not None

    @property
    def approved_by_all(self) -> bool:
        return all(d.approved for d in self.decisions)

    @property
    def signed_off(self) -> bool:
        """Certified and approved by every body, all against this version's hash."""
        return self.certified and self.approved_by_all


def version_state(project: Project, version: PidVersion) -> VersionState:
    certification = (
        PidCertification.objects.filter(version=version, content_hash=version.content_hash)
        .order_by("at", "id")
        .first()
    )
    latest: dict[str, PidApproval] = {}
    for approval in PidApproval.objects.filter(
        version=version, content_hash=version.content_hash
    ).select_related("organisation"):
        latest[body_key(approval)] = approval
    decisions = tuple(BodyDecision(b, latest.get(b.key)) for b in required_bodies(project))
    return VersionState(version, certification, decisions)


def latest_signed_off_version(project: Project) -> PidVersion | None:
    """The newest version that was certified and approved by everyone, changed since or not."""
    for version in PidVersion.objects.filter(project=project).order_by("-number"):
        if version_state(project, version).signed_off:
            return version
    return None


@dataclass(frozen=True)
class PidStatus:
    missing_sections: tuple[str, ...] | None
    certified: bool | None
    approved: bool | None
    changed_since_approval: bool


def pid_status(project: Project) -> PidStatus:
    """What the rules need to know: None means the record does not exist yet."""
    pid = Pid.objects.filter(project=project).first()
    missing = missing_sections(project, pid)
    latest = latest_version(project)
    if latest is None:
        return PidStatus(missing, None, None, False)
    state = version_state(project, latest)
    approved = state.signed_off and current_hash(project) == latest.content_hash
    ever_signed_off = state.signed_off or latest_signed_off_version(project) is not None
    return PidStatus(missing, state.certified, approved, ever_signed_off and not approved)
