"""The document pack: one zip with the current version of every document and a manifest.

For governance committees and auditors. Signed-off versions contribute their frozen certified
copy; drafts are rendered afresh from their stored content. The manifest lists each file with
its version, status and both hashes, as JSON for machines and CSV for people.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import asdict, dataclass

from django.utils import timezone
from django.utils.text import slugify

from triplewin.documents.models import DocumentVersion
from triplewin.documents.render.docx import render_docx
from triplewin.documents.render.pdf import render_pdf
from triplewin.documents.services.copies import certified_copy_for, view_of
from triplewin.partnerships.models import Project


@dataclass(frozen=True)
class ManifestEntry:
    document: str
    title: str
    version: int
    status: str
    content_hash: str
    pdf_file: str
    pdf_sha256: str
    docx_file: str


def current_versions(project: Project) -> list[DocumentVersion]:
    latest: dict[str, DocumentVersion] = {}
    for v in DocumentVersion.objects.filter(project=project).order_by("document", "number"):
        latest[v.document] = v
    return list(latest.values())


def _manifest_csv(entries: list[ManifestEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["Document", "Title", "Version", "Status", "Content SHA-256", "PDF", "PDF SHA-256", "Word"]
    )
    for e in entries:
        writer.writerow(
            [
                e.document,
                e.title,
                e.version,
                e.status,
                e.content_hash,
                e.pdf_file,
                e.pdf_sha256,
                e.docx_file,
            ]
        )
    return out.getvalue()


def build_pack(project: Project) -> bytes:
    entries: list[ManifestEntry] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for version in current_versions(project):
            view = view_of(project, version)
            copy = certified_copy_for(project=project, version=version) if view.final else None
            pdf = bytes(copy.pdf) if copy is not None else render_pdf(view)
            stem = f"{slugify(version.document)}-v{version.number}"
            archive.writestr(f"{stem}.pdf", pdf)
            archive.writestr(f"{stem}.docx", render_docx(view))
            entries.append(
                ManifestEntry(
                    document=version.document,
                    title=view.document.title,
                    version=version.number,
                    status=view.status.value,
                    content_hash=version.content_hash,
                    pdf_file=f"{stem}.pdf",
                    pdf_sha256=hashlib.sha256(pdf).hexdigest(),
                    docx_file=f"{stem}.docx",
                )
            )
        manifest = {
            "project": project.title,
            "project_id": project.pk,
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "documents": [asdict(e) for e in entries],
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        archive.writestr("manifest.csv", _manifest_csv(entries))
    return buffer.getvalue()
