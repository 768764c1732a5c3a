"""Each partner's own web pages for the executive summary and the outcomes summary."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from triplewin.executive_summary import website
from triplewin.executive_summary.forms import WebsitePageChangeForm, WebsitePageForm
from triplewin.executive_summary.models import Document, WebsitePublication
from triplewin.executive_summary.presenters import pages_missing, website_rows
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.submissions.once import one_time_form, saving_once

NOT_A_RECORDER = (
    "Only a partnership lead or certification signatory of a partner can record its web pages."
)


def _back(project: Project) -> dict[str, str]:
    return {"href": reverse("executive_summary:website", args=[project.pk]), "text": "Back"}


def website_pages(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    publications = list(
        WebsitePublication.objects.filter(project=project).select_related("organisation")
    )
    mine = {o.pk for o in website.recording_organisations(request.user, project)}
    return page(
        request,
        "executive_summary/website.jinja",
        title=f"Published on the partners' websites: {project.title}",
        nav="projects",
        project=project,
        rows=website_rows(publications, timezone.localdate()),
        mine=mine,
        missing=pages_missing(project, publications),
        can_record=bool(mine) and bool(website.documents_open(project)),
        back_link={
            "href": reverse("executive_summary:detail", args=[project.pk]),
            "text": "Back to the executive summary",
        },
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def website_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    organisations = website.recording_organisations(request.user, project)
    if not organisations:
        raise PermissionDenied(NOT_A_RECORDER)
    open_documents = website.documents_open(project)
    form = WebsitePageForm(
        request.POST or None,
        organisations=organisations,
        documents=[(d, Document(d).label) for d in open_documents],
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                website.publication_record(
                    actor=actor(request),
                    project=project,
                    organisation=form.chosen_organisation(),
                    document=form.cleaned_data["document"],
                    url=form.cleaned_data["url"],
                    live_on=form.cleaned_data["live_on"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Web page recorded. We will check that it answers.")
            return redirect("executive_summary:website", pk=project.pk)
    return page(
        request,
        "executive_summary/website_edit.jinja",
        title=f"Record a web page: {project.title}",
        nav="projects",
        project=project,
        form=form,
        heading="Record a page on a partner's website",
        one_time=True,
        back_link=_back(project),
    )


@require_http_methods(["GET", "POST"])
def website_change(request: HttpRequest, pk: int, page_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    row = (
        WebsitePublication.objects.filter(project=project, pk=page_pk)
        .select_related("organisation")
        .first()
    )
    if row is None:
        raise Http404("No such web page.")
    if row.organisation not in website.recording_organisations(request.user, project):
        raise PermissionDenied(NOT_A_RECORDER)
    form = WebsitePageChangeForm(
        request.POST or None,
        initial={"url": row.url, "live_on": row.live_on, "row_version": row.row_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            website.publication_change(
                actor=actor(request),
                publication=row,
                url=form.cleaned_data["url"],
                live_on=form.cleaned_data["live_on"],
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Web page saved.")
            return redirect("executive_summary:website", pk=project.pk)
    return page(
        request,
        "executive_summary/website_edit.jinja",
        title=f"Change a web page: {project.title}",
        nav="projects",
        project=project,
        form=form,
        heading=f"{row.get_document_display()} on {row.organisation.name}'s website",
        one_time=False,
        back_link=_back(project),
    )
