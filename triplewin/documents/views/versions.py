"""One version on screen, as PDF and as Word, and a comparison of two versions."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from triplewin.core.documents.diff import compare as compare_documents
from triplewin.documents import services
from triplewin.documents.forms import CompareForm
from triplewin.documents.pages import tag
from triplewin.documents.render.docx import render_docx
from triplewin.documents.render.pdf import render_pdf
from triplewin.documents.selectors import document_of, versions_of
from triplewin.documents.services.copies import view_of
from triplewin.documents.views._shared import download, kind_or_404, version_or_404
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import page

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _filename(project_id: int, document: str, number: int, ext: str) -> str:
    return f"project-{project_id}-{slugify(document)}-v{number}.{ext}"


@require_GET
def version_detail(
    request: HttpRequest, project_id: int, document: str, number: int
) -> HttpResponse:
    project = access.visible_project_or_404(request.user, project_id)
    kind = kind_or_404(project, document)
    version = version_or_404(project, document, number)
    view = view_of(project, version)
    return page(
        request,
        "documents/version.jinja",
        title=f"{kind.definition.title}, version {number}: {project.title}",
        nav="projects",
        project=project,
        document=document,
        version=version,
        view=view,
        tag=tag,
        back_link={
            "href": f"/projects/{project.pk}/documents/{document}/",
            "text": f"Back to the {kind.definition.title}",
        },
    )


@require_GET
def version_pdf(request: HttpRequest, project_id: int, document: str, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, project_id)
    kind_or_404(project, document)
    version = version_or_404(project, document, number)
    copy = services.certified_copy_for(project=project, version=version)
    content = bytes(copy.pdf) if copy is not None else render_pdf(view_of(project, version))
    return download(
        content,
        filename=_filename(project.pk, document, number, "pdf"),
        content_type="application/pdf",
    )


@require_GET
def version_docx(request: HttpRequest, project_id: int, document: str, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, project_id)
    kind_or_404(project, document)
    version = version_or_404(project, document, number)
    return download(
        render_docx(view_of(project, version)),
        filename=_filename(project.pk, document, number, "docx"),
        content_type=DOCX,
    )


@require_GET
def compare(request: HttpRequest, project_id: int, document: str) -> HttpResponse:
    project = access.visible_project_or_404(request.user, project_id)
    kind = kind_or_404(project, document)
    versions = {v.number: v for v in versions_of(project, document)}
    numbers = sorted(versions)
    bound = "older" in request.GET or "newer" in request.GET
    initial = {"older": numbers[-2], "newer": numbers[-1]} if len(numbers) >= 2 else {}
    form = CompareForm(request.GET if bound else None, numbers=numbers, initial=initial)
    comparison = None
    pair = (
        (form.cleaned_data["older"], form.cleaned_data["newer"])
        if bound and form.is_valid()
        else ((numbers[-2], numbers[-1]) if not bound and len(numbers) >= 2 else None)
    )
    if pair is not None:
        older, newer = sorted(pair)
        changes = compare_documents(document_of(versions[older]), document_of(versions[newer]))
        comparison = {"older": older, "newer": newer, "changes": changes}
    return page(
        request,
        "documents/compare.jinja",
        title=f"Compare versions of the {kind.definition.title}: {project.title}",
        nav="projects",
        project=project,
        kind=kind,
        form=form,
        enough=len(numbers) >= 2,
        comparison=comparison,
        back_link={
            "href": f"/projects/{project.pk}/documents/{document}/",
            "text": f"Back to the {kind.definition.title}",
        },
    )
