"""The PID: its sections are the PID app's own assembly, so both apps read the same words.

Versions submitted in the PID app are frozen there; certification and approvals are acts in
the sign-off engine (`triplewin.signoff`). This kind only reads them: a document version whose source hash is a PID version's
content hash shows that version's sign-off.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from triplewin.core.documents import catalogue
from triplewin.core.documents.model import Document, Field, Section, Status
from triplewin.documents.kinds.base import Decided, Kind, Signer, Snapshot
from triplewin.organisations.models import Role
from triplewin.partnerships.models import Project
from triplewin.pid.models import PidVersion
from triplewin.pid.sections import Section as PidSection
from triplewin.pid.sections import assemble, from_snapshot, to_snapshot
from triplewin.pid.selectors import current_hash, version_state

# Written only when they apply: the planned dates and the notes on an "other" methodology.
OPTIONAL_FIELDS = frozenset({"planned_start", "planned_end", "methodology_notes"})


def _document(project: Project, sections: Iterable[PidSection]) -> Document:
    converted = []
    for s in sections:
        is_plan = s.key.startswith("plan-")
        converted.append(
            Section(
                key=s.key,
                title=s.title,
                level=2 if is_plan else 1,
                required=not s.empty_text,
                empty_text=s.empty_text,
                fields=tuple(
                    Field(f.key, f.label, f.value, f.key not in OPTIONAL_FIELDS) for f in s.fields
                ),
            )
        )
    first_plan = next((i for i, s in enumerate(converted) if s.key.startswith("plan-")), None)
    if first_plan is not None:
        converted.insert(first_plan, Section("plans", "Set-up plans", required=False))
    return Document(
        kind=catalogue.PID.kind,
        title=catalogue.PID.title,
        project=project.title,
        sections=tuple(converted),
    )


class PidKind(Kind):
    definition = catalogue.PID
    owner_url_name = "pid:overview"

    def current(self, project: Project, subject: str) -> Snapshot:
        from triplewin.concept.selectors import content_hash

        sections = assemble(project)
        return Snapshot(_document(project, sections), content_hash(to_snapshot(sections)))

    def _frozen(self, project: Project, snapshot: Any) -> Document:
        return _document(project, from_snapshot(snapshot))

    def signed_off(self, project: Project, subject: str) -> list[Snapshot]:
        found = []
        live = current_hash(project)
        for version in PidVersion.objects.filter(project=project).order_by("number"):
            if version_state(project, version, live_hash=live).certified:
                found.append(
                    Snapshot(self._frozen(project, version.snapshot), version.content_hash)
                )
        return found

    def status_of(
        self, project: Project, subject: str, source_hash: str, content_hash: str
    ) -> Decided | None:
        version = (
            PidVersion.objects.filter(project=project, content_hash=source_hash)
            .order_by("-number")
            .first()
        )
        if version is None:
            return None
        # Only the acts on that version are read here; whether the PID has moved on since is
        # the documents engine's own question (a new source hash), so no live hash is needed.
        state = version_state(project, version, live_hash=version.content_hash)
        if state.certification is None:
            return Decided(
                Status.SUBMITTED,
                version.created_by_label,
                version.created_at,
                record=state.sign_off,
            )
        cert = state.certification
        status = Status.APPROVED if state.signed_off else Status.CERTIFIED
        signer = Signer(cert.actor_id, cert.organisation_id, Role.CERTIFICATION_SIGNATORY)
        return Decided(status, cert.actor_label, cert.at, signer, state.sign_off)
