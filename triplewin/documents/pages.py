"""Display logic for the documents pages: what each row and button shows."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from triplewin.core.documents.model import Status
from triplewin.documents.kinds import KINDS, Kind, Subject
from triplewin.documents.models import DocumentVersion
from triplewin.documents.selectors import VersionStatus, statuses_of
from triplewin.partnerships.models import Project

TAG_COLOURS = {
    Status.DRAFT: "grey",
    Status.SUBMITTED: "blue",
    Status.CERTIFIED: "aqua-green",
    Status.APPROVED: "green",
    Status.PUBLISHED: "green",
    Status.SUPERSEDED: "white",
}


def tag(status: Status) -> dict[str, str]:
    return {"text": status.label, "classes": f"nhsuk-tag--{TAG_COLOURS[status]}"}


@dataclass(frozen=True)
class DocumentRow:
    kind: Kind
    subject: Subject
    versions: tuple[VersionStatus, ...]
    project_pk: int

    @property
    def title(self) -> str:
        return self.subject.title

    @property
    def current(self) -> VersionStatus | None:
        return self.versions[-1] if self.versions else None

    @property
    def url(self) -> str:
        return reverse("documents:document", args=[self.project_pk, self.subject.key])

    def file_url(self, fmt: str) -> str:
        assert self.current is not None
        return reverse(
            f"documents:{fmt}",
            args=[self.project_pk, self.subject.key, self.current.version.number],
        )


def document_rows(project: Project) -> list[DocumentRow]:
    by_document: dict[str, list[DocumentVersion]] = {}
    for v in DocumentVersion.objects.filter(project=project).order_by("number"):
        by_document.setdefault(v.document, []).append(v)
    rows = []
    for kind in KINDS:
        for subject in kind.subjects(project):
            versions = by_document.get(subject.key, [])
            rows.append(
                DocumentRow(kind, subject, tuple(statuses_of(kind, project, versions)), project.pk)
            )
    return rows
