"""Display logic for the PID overview and its printable form."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from triplewin.concept.selectors import content_hash
from triplewin.core.dates import long_date
from triplewin.partnerships.models import Project
from triplewin.pid.models import Pid, PidVersion
from triplewin.pid.presenters.document import SectionView, section_views
from triplewin.pid.presenters.signoff import SignOffRow, certification_row, decision_rows
from triplewin.pid.sections import assemble, to_snapshot
from triplewin.pid.selectors import DOCUMENT, SUBJECT, VersionState, missing_sections
from triplewin.signoff import selectors as signoff


@dataclass(frozen=True)
class Status:
    text: str
    tag_colour: str
    explanation: str


@dataclass(frozen=True)
class VersionRow:
    number: int
    created: str
    created_by: str
    note: str
    short_hash: str
    is_latest: bool


class PidPresenter:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.pid = Pid.objects.filter(project=project).first()
        self.sections = assemble(project)
        self.current_hash = content_hash(to_snapshot(self.sections))
        self.missing = missing_sections(project, self.pid)
        self.versions = list(PidVersion.objects.filter(project=project).order_by("-number"))
        self.latest = self.versions[0] if self.versions else None

    @property
    def exists(self) -> bool:
        return self.pid is not None

    @property
    def short_hash(self) -> str:
        return self.current_hash[:12]

    @cached_property
    def _sign_off(self) -> signoff.Current | None:
        # The same engine answer that the PID rules and the PID document read.
        return signoff.current(self.project, DOCUMENT, SUBJECT)

    @cached_property
    def latest_state(self) -> VersionState | None:
        found = self._sign_off
        if self.latest is None or found is None:
            return None
        return VersionState(self.latest, found.state)

    @property
    def latest_is_current(self) -> bool:
        return self.latest is not None and self.latest.content_hash == self.current_hash

    @property
    def changed_since_approval(self) -> bool:
        found = self._sign_off
        return found is not None and found.changed_since_sign_off

    @property
    def status(self) -> Status:
        state = self.latest_state
        if self.pid is None:
            return Status("Not started", "grey", "No one has written the PID yet.")
        if self.changed_since_approval:
            return Status(
                "Changed since approval",
                "red",
                "Something the PID draws on changed after it was approved. Submit a new version "
                "and collect certification and approvals again.",
            )
        if state is None:
            if self.missing:
                return Status("Incomplete", "orange", "Complete the missing sections, then submit.")
            return Status("Ready to submit", "blue", "Submit the PID to freeze it for sign-off.")
        if not self.latest_is_current:
            return Status(
                "Changed since submission",
                "orange",
                f"The PID has changed since version {state.version.number} was submitted. "
                "Submit a new version for sign-off.",
            )
        if state.signed_off:
            return Status(
                "Approved",
                "green",
                f"Version {state.version.number} is certified and approved by every body.",
            )
        if state.sign_off.rejected_by:
            return Status(
                "Rejected", "red", "A body rejected the latest version; see the reasons below."
            )
        return Status(
            "Awaiting sign-off",
            "blue",
            f"Version {state.version.number} is waiting for certification or approvals.",
        )

    def document(self) -> list[SectionView]:
        return section_views(self.sections)

    def version_rows(self) -> list[VersionRow]:
        return [
            VersionRow(
                v.number,
                f"{long_date(v.created_at)}",
                v.created_by_label,
                v.note,
                v.content_hash[:12],
                v is self.latest,
            )
            for v in self.versions
        ]

    def certification(self) -> SignOffRow | None:
        state = self.latest_state
        return certification_row(state, current=self.latest_is_current) if state else None

    def decisions(self) -> list[SignOffRow]:
        state = self.latest_state
        if state is None:
            return []
        return decision_rows(self.project, state, current=self.latest_is_current)
