"""The after-action review: its entries, and adding, changing and removing them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.learning import selectors, services
from triplewin.learning.forms import ConfirmForm, ReviewEntryForm
from triplewin.learning.models import ReviewEntry
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.submissions.versions import without_version


def _back(project: Project) -> dict[str, str]:
    return {"href": f"/projects/{project.pk}/learning/review/", "text": "Back to the review"}


def _entry_or_404(project: Project, entry_id: int) -> ReviewEntry:
    entry = ReviewEntry.objects.filter(project=project, pk=entry_id).first()
    if entry is None:
        raise Http404("No such entry.")
    return entry


def review(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "learning/review.jinja",
        title=f"After-action review: {project.title}",
        nav="projects",
        project=project,
        entries=selectors.review_entries(project),
        can_edit=access.can_edit(request.user, project),
        back_link={"href": f"/projects/{project.pk}/learning/", "text": "Back to learning"},
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = without_version(ReviewEntryForm(request.POST or None))
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.review_entry_add(
                    actor=actor(request), project=project, fields=form.entry_fields()
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Entry added to the after-action review.")
            return redirect("learning:review", pk=project.pk)
    return page(
        request,
        "learning/review_form.jinja",
        title=f"Add to the after-action review: {project.title}",
        nav="projects",
        project=project,
        form=form,
        heading="Add to the after-action review",
        back_link=_back(project),
    )


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    entry = _entry_or_404(project, entry_id)
    form = ReviewEntryForm(
        request.POST or None, instance=entry, initial={"row_version": entry.row_version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.review_entry_update(
                actor=actor(request),
                project=project,
                entry_id=entry.pk,
                fields=form.entry_fields(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Entry saved.")
            return redirect("learning:review", pk=project.pk)
    return page(
        request,
        "learning/review_form.jinja",
        title=f"Change an after-action review entry: {project.title}",
        nav="projects",
        project=project,
        form=form,
        heading="Change an entry",
        back_link=_back(project),
    )


@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    entry = _entry_or_404(project, entry_id)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_entry_delete(actor=actor(request), project=project, entry_id=entry.pk)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"“{entry.topic}” removed from the review.")
            return redirect("learning:review", pk=project.pk)
    return page(
        request,
        "learning/review_delete.jinja",
        title=f"Remove an after-action review entry: {project.title}",
        nav="projects",
        project=project,
        entry=entry,
        form=form,
        back_link=_back(project),
    )
