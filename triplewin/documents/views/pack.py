"""The document pack download for governance committees, auditors and oversight."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from triplewin.documents import services
from triplewin.documents.pack import build_pack
from triplewin.documents.views._shared import download
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor


@require_GET
def pack(request: HttpRequest, project_id: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, project_id)
    services.document_sync(project=project)
    return download(
        build_pack(project, actor=actor(request)),
        filename=f"project-{project.pk}-document-pack.zip",
        content_type="application/zip",
    )
