"""The project's documents page, one document with its versions, and generating a version."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from triplewin.core.documents.model import Status
from triplewin.core.documents.normalise import content_hash
from triplewin.documents import services
from triplewin.documents.imprint import imprint
from triplewin.documents.pages import document_rows, tag
from triplewin.documents.presenters import DocumentView
from triplewin.documents.selectors import statuses_of, versions_of
from triplewin.documents.views._shared import kind_or_404
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, page, require_edit
from triplewin.signoff import authority


@require_GET
def index(request: HttpRequest, project_id: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, project_id)
    services.document_sync(project=project)
    rows = document_rows(project)
    return page(
        request,
        "documents/index.jinja",
        title=f"Documents: {project.title}",
        nav="projects",
        project=project,
        rows=rows,
        tag=tag,
        has_versions=any(r.versions for r in rows),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


@require_GET
def document(request: HttpRequest, project_id: int, document: str) -> HttpResponse:
    project = access.visible_project_or_404(request.user, project_id)
    kind = kind_or_404(project, document)
    services.document_sync(project=project)
    versions = statuses_of(kind, project, versions_of(project, document))
    snapshot = kind.current(project, document)
    digest = content_hash(snapshot.document)
    preview = DocumentView(
        snapshot.document, None, Status.DRAFT, digest, **imprint(project, document, None, None)
    )
    latest = versions[-1] if versions else None
    can_certify = bool(
        kind.signed_off_here
        and latest is not None
        and authority.certifying_organisations(request.user, project)
    )
    can_approve = bool(
        kind.signed_off_here
        and latest is not None
        and latest.status is Status.CERTIFIED
        and access.decision_organisations(request.user, project)
    )
    return page(
        request,
        "documents/document.jinja",
        title=f"{kind.definition.title}: {project.title}",
        nav="projects",
        project=project,
        kind=kind,
        document=document,
        versions=list(reversed(versions)),
        latest=latest,
        preview=preview,
        changed=latest is None or latest.version.content_hash != digest,
        owner_url=kind.owner_url(project, document),
        can_generate=access.can_edit(request.user, project),
        can_certify=can_certify,
        can_approve=can_approve,
        tag=tag,
        back_link={"href": f"/projects/{project.pk}/documents/", "text": "Back to documents"},
    )


@require_POST
def generate(request: HttpRequest, project_id: int, document: str) -> HttpResponse:
    project = access.visible_project_or_404(request.user, project_id)
    kind_or_404(project, document)
    require_edit(request, project)
    try:
        version, created = services.document_generate(
            actor=actor(request), project=project, document=document
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("documents:document", project.pk, document)
    if created:
        messages.success(request, f"Version {version.number} generated.")
    else:
        messages.info(
            request,
            f"Nothing has changed since version {version.number}, so no new version was made.",
        )
    return redirect("documents:version", project.pk, document, version.number)
