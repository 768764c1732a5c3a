"""The list of amendments, raising and editing one, and moving it to and from sign-off."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.amendments import services
from triplewin.amendments.forms.amendments import AmendmentForm, VersionForm
from triplewin.amendments.models import Amendment, AmendmentStatus
from triplewin.amendments.presenters.amendment import AmendmentPresenter
from triplewin.amendments.selectors import amendments_of, may_raise
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.signoff import authority
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.submissions.versions import without_version


def get_amendment(project: Project, number: int) -> Amendment:
    return get_object_or_404(
        Amendment.objects.select_related("project", "produced_version", "base_version"),
        project=project,
        number=number,
    )


def back_to(amendment: Amendment) -> dict[str, str]:
    return {
        "href": reverse("amendments:detail", args=[amendment.project_id, amendment.number]),
        "text": "Back to the amendment",
    }


def amendment_list(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    rows = [AmendmentPresenter(a) for a in amendments_of(project)]
    return page(
        request,
        "amendments/list.jinja",
        title=f"Amendments: {project.title}",
        nav="projects",
        project=project,
        rows=rows,
        cannot_raise=may_raise(project),
        can_edit=access.can_edit(request.user, project),
        back_link={
            "href": reverse("delivery:dashboard", args=[project.pk]),
            "text": "Back to delivery",
        },
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def amendment_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = without_version(
        AmendmentForm.for_amendment(None, request.POST if request.method == "POST" else None)
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                amendment = services.amendment_create(
                    actor=actor(request), project=project, fields=form.values()
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, f"Amendment {amendment.number} raised. Now say what it changes."
            )
            return redirect("amendments:detail", pk=project.pk, number=amendment.number)
    return page(
        request,
        "amendments/form.jinja",
        title=f"Raise an amendment: {project.title}",
        nav="projects",
        project=project,
        form=form,
        heading="Raise an amendment",
        cannot_raise=may_raise(project),
        back_link={
            "href": reverse("amendments:list", args=[project.pk]),
            "text": "Back to amendments",
        },
    )


def amendment_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    amendment = get_amendment(project, number)
    p = AmendmentPresenter(amendment)
    editor = access.can_edit(request.user, project) and not may_raise(project)
    signing = p.is_submitted and not p.stale and not may_raise(project)
    return page(
        request,
        "amendments/detail.jinja",
        title=f"{amendment}: {project.title}",
        nav="projects",
        project=project,
        a=amendment,
        p=p,
        can_edit=editor and p.is_draft,
        can_reopen=editor and p.is_submitted,
        can_certify=signing and bool(authority.certifying_organisations(request.user, project)),
        can_decide=signing and bool(authority.approval_bodies(request.user, project, "amendment")),
        can_record_signatures=access.can_edit(request.user, project) and bool(p.signatures),
        back_link={
            "href": reverse("amendments:list", args=[project.pk]),
            "text": "Back to amendments",
        },
    )


@require_http_methods(["GET", "POST"])
def amendment_edit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    amendment = get_amendment(project, number)
    form = AmendmentForm.for_amendment(
        amendment, request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.amendment_update(
                actor=actor(request),
                amendment=amendment,
                fields=form.values(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Amendment saved.")
            return redirect("amendments:detail", pk=project.pk, number=amendment.number)
    return page(
        request,
        "amendments/form.jinja",
        title=f"Edit {amendment}: {project.title}",
        nav="projects",
        project=project,
        form=form,
        heading=f"Edit amendment {amendment.number}",
        cannot_raise=""
        if amendment.status == AmendmentStatus.DRAFT
        else "Only a draft can be edited.",
        back_link=back_to(amendment),
    )


@require_http_methods(["GET", "POST"])
def amendment_submit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    amendment = get_amendment(project, number)
    form = VersionForm(
        request.POST if request.method == "POST" else None,
        initial={"row_version": amendment.row_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.amendment_submit(
                actor=actor(request),
                amendment=amendment,
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{amendment} is submitted for certification and approval.")
            return redirect("amendments:detail", pk=project.pk, number=amendment.number)
    return page(
        request,
        "amendments/submit.jinja",
        title=f"Submit {amendment}: {project.title}",
        nav="projects",
        project=project,
        a=amendment,
        p=AmendmentPresenter(amendment),
        form=form,
        back_link=back_to(amendment),
    )


@require_POST
def amendment_reopen(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    amendment = get_amendment(project, number)
    try:
        services.amendment_reopen(actor=actor(request), amendment=amendment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"{amendment} is back in draft. Earlier decisions no longer count."
        )
    return redirect("amendments:detail", pk=project.pk, number=amendment.number)
