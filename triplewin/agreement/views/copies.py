"""Uploading signed copies, and downloading them only through an access check."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from triplewin.agreement import services
from triplewin.agreement.forms import UploadForm
from triplewin.agreement.models import SignedCopy
from triplewin.agreement.views._shared import back_to_agreement
from triplewin.operations.storage import STORAGE_ERRORS, private_storage
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once

logger = logging.getLogger(__name__)


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
def copy_download(request: HttpRequest, pk: int, copy_pk: int) -> HttpResponseBase:
    """Streams the file through this view, after the access check, from whichever storage holds
    it; never a redirect to the storage's own address (ADR 0040)."""
    project = access.visible_project_or_404(request.user, pk)
    copy = SignedCopy.objects.filter(pk=copy_pk, agreement__project=project).first()
    if copy is None:
        raise Http404("No such signed copy.")
    storage = private_storage()
    try:
        if not storage.exists(copy.stored_name):
            raise Http404("The stored file is missing.")
        stored = storage.open(copy.stored_name, "rb")
        # Seeking makes a remote backend fetch the file now, so a failure is answered here
        # rather than half-way through the download.
        stored.seek(0)
    except STORAGE_ERRORS:
        logger.warning("Reading signed copy %s failed", copy.pk, exc_info=True)
        return HttpResponse(
            "The signed copy cannot be read just now. Try again in a few minutes.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = FileResponse(
        stored, as_attachment=True, filename=copy.original_name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
