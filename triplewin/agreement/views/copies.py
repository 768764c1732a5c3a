"""Uploading signed copies, and downloading them only through an access check."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from triplewin.agreement import services
from triplewin.agreement.forms import UploadForm
from triplewin.agreement.models import SignedCopy
from triplewin.agreement.views._shared import back_to_agreement
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once


@one_time_form
@require_http_methods(["GET", "POST"])
def copy_upload(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = UploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                copy = services.signed_copy_upload(
                    actor=actor(request), project=project, upload=form.cleaned_data["file"]
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Signed copy '{copy.original_name}' uploaded.")
            return redirect("agreement:detail", pk=project.pk)
    return page(
        request,
        "agreement/upload.jinja",
        title=f"Upload the signed agreement: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link=back_to_agreement(project),
    )


@require_GET
def copy_download(request: HttpRequest, pk: int, copy_pk: int) -> FileResponse:
    project = access.visible_project_or_404(request.user, pk)
    copy = SignedCopy.objects.filter(pk=copy_pk, agreement__project=project).first()
    if copy is None:
        raise Http404("No such signed copy.")
    storage = services.private_storage()
    if not storage.exists(copy.stored_name):
        raise Http404("The stored file is missing.")
    response = FileResponse(
        storage.open(copy.stored_name, "rb"),
        as_attachment=True,
        filename=copy.original_name,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
