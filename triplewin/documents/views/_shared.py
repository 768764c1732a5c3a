"""Helpers shared by the documents views: finding the document and version a URL names."""

from __future__ import annotations

from django.http import Http404, HttpResponse

from triplewin.documents.kinds import Kind, kind_for
from triplewin.documents.models import DocumentVersion
from triplewin.partnerships.models import Project


def kind_or_404(project: Project, document: str) -> Kind:
    kind = kind_for(document)
    if kind is None or document not in {s.key for s in kind.subjects(project)}:
        raise Http404("No such document.")
    return kind


def version_or_404(project: Project, document: str, number: int) -> DocumentVersion:
    version = DocumentVersion.objects.filter(
        project=project, document=document, number=number
    ).first()
    if version is None:
        raise Http404("No such version.")
    return version


def download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
