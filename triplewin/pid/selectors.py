"""Reads about the PID: the assembled document, its hash, what is missing, and sign-off.

Sign-off itself is the engine's (`triplewin.signoff`): the PID registers its versions with it
(`PidVersions`) and every page, rule and document reads the PID's sign-off through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triplewin.concept.models import ConceptFramework
from triplewin.concept.selectors import content_hash
from triplewin.contributions.models import Contribution
from triplewin.core import signoff as core
from triplewin.partnerships.models import Project
from triplewin.pid.models import PID_FIELDS, Methodology, Pid, PidVersion
from triplewin.pid.sections import assemble, to_snapshot
from triplewin.signoff import selectors as signoff
from triplewin.signoff.sources import Version
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


DOCUMENT = "pid"
SUBJECT = "pid"


def latest_version(project: Project) -> PidVersion | None:
    return PidVersion.objects.filter(project=project).order_by("-number").first()


class PidVersions:
    """The PID's versions as the sign-off engine sees them."""

    noun = "PID"

    def versions(self, project: Project, subject: str) -> list[Version]:
        return [
            Version(number, digest)
            for number, digest in PidVersion.objects.filter(project=project)
            .order_by("number")
            .values_list("number", "content_hash")
        ]

    def live_hash(self, project: Project, subject: str) -> str:
        return current_hash(project)


def as_version(version: PidVersion) -> Version:
    return Version(version.number, version.content_hash)


@dataclass(frozen=True)
class VersionState:
    """One PID version and where its sign-off stands, as the engine judges it."""

    version: PidVersion
    sign_off: core.VersionSignOff

    @property
    def certification(self) -> core.ActRecord | None:
        return self.sign_off.certification

    @property
    def decisions(self) -> tuple[core.BodyDecision, ...]:
        return self.sign_off.decisions

    @property
    def certified(self) -> bool:
        return self.sign_off.certified

    @property
    def approved_by_all(self) -> bool:
        return self.sign_off.approved_by_all

    @property
    def signed_off(self) -> bool:
        """Certified and approved by every body, all against this version's hash."""
        return self.sign_off.signed_off


def version_state(
    project: Project, version: PidVersion, *, live_hash: str | None = None
) -> VersionState:
    state = signoff.sign_off(project, DOCUMENT, SUBJECT, as_version(version), live_hash=live_hash)
    return VersionState(version, state)


def latest_signed_off_version(project: Project) -> PidVersion | None:
    """The newest version that was certified and approved by everyone, changed since or not."""
    found = signoff.last_signed_off(project, DOCUMENT, SUBJECT)
    if found is None or found.number is None:
        return None
    return PidVersion.objects.get(project=project, number=found.number)


@dataclass(frozen=True)
class PidStatus:
    missing_sections: tuple[str, ...] | None
    certified: bool | None
    approved: bool | None
    changed_since_approval: bool


def pid_status(project: Project) -> PidStatus:
    """What the rules need to know: None means the record does not exist yet.

    Certified and approved mean "of the PID as it stands now": a certification of a version
    the PID has since moved away from is out of date, on the PID page and in the rules alike.
    """
    pid = Pid.objects.filter(project=project).first()
    missing = missing_sections(project, pid)
    found = signoff.current(project, DOCUMENT, SUBJECT)
    if found is None:
        return PidStatus(missing, None, None, False)
    state = found.state
    return PidStatus(
        missing,
        state.certified and not state.changed_since,
        state.current,
        found.changed_since_sign_off,
    )
