"""Files in and out: CSV and JSON export (public), import (staff), the ABPI Word document."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from triplewin.core.library import interchange
from triplewin.core.library.records import FIELDS, CaseStudyRecord
from triplewin.library import access, selectors, services
from triplewin.library.documents import abpi_submission
from triplewin.library.forms import ImportForm
from triplewin.library.search import search
from triplewin.library.views.browse import query_from
from triplewin.partnerships.views._helpers import actor, page
from triplewin.submissions.once import one_time_form, saving_once

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _records(request: HttpRequest) -> list[CaseStudyRecord]:
    """The published studies the person is looking at: the same query and filters as the page."""
    query, filters, order = query_from(request)
    results = search(query, filters, "title" if order == "similar" else order, with_facets=False)
    return [selectors.as_record(cs) for cs in selectors.everything_in_order(results.hits.ids())]


def _download(body: str | bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    body = interchange.write_csv(_records(request))
    return _download(body, "text/csv; charset=utf-8", f"case-studies-{timezone.localdate()}.csv")


@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    body = interchange.write_json(_records(request))
    return _download(
        body, "application/json; charset=utf-8", f"case-studies-{timezone.localdate()}.json"
    )


@require_GET
def abpi_docx(request: HttpRequest, pk: int) -> HttpResponse:
    study = access.case_study_or_404(request.user, pk)
    name = slugify(study.title)[:60] or f"case-study-{study.pk}"
    return _download(abpi_submission(study), DOCX, f"abpi-submission-{name}.docx")


@one_time_form
@login_required
@require_http_methods(["GET", "POST"])
def import_file(request: HttpRequest) -> HttpResponse:
    if not access.is_staff(request.user):
        raise PermissionDenied("Only Triple Win staff can import case studies.")
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    report: tuple[interchange.RowProblem, ...] = ()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            raw = interchange.read(upload.read(), filename=upload.name or "")
        except interchange.FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            checked = interchange.validate(raw)
            try:
                if not checked.ok:
                    raise services.ImportRejected(checked.problems)
                with saving_once(request):
                    created = services.case_studies_import(
                        actor=actor(request), entries=checked.entries
                    )
            except services.ImportRejected as rejected:
                report = rejected.problems
                rows = len({p.record for p in report})
                form.add_error(
                    "file",
                    f"Nothing was imported: {len(report)} problem{'s' if len(report) != 1 else ''} "
                    f"in {rows} row{'s' if rows != 1 else ''}. Each one is listed below.",
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(
                    request,
                    f"Imported {len(created)} case stud{'ies' if len(created) != 1 else 'y'}.",
                )
                return redirect("library:index")
    return page(
        request,
        "library/import.jinja",
        title="Import case studies",
        nav="library",
        form=form,
        report=report,
        columns=FIELDS,
        back_link={"href": "/library/", "text": "Back to the library"},
    )
