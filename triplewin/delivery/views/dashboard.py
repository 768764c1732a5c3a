"""The delivery dashboard, the RAG override, and the status report for steering meetings."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from triplewin.core.lifecycle import State
from triplewin.delivery import services
from triplewin.delivery.forms.status import RagClearForm, RagOverrideForm
from triplewin.delivery.models import Termination
from triplewin.delivery.presenters.dashboard import DeliveryPresenter
from triplewin.delivery.presenters.rows import RagPresenter
from triplewin.delivery.selectors import rag_status
from triplewin.delivery.views._common import back_to_dashboard
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.partnerships.visibility import Visibility
from triplewin.submissions.once import one_time_form, saving_once


def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    can_edit = access.can_edit(request.user, project)
    termination = Termination.objects.filter(project=project).first()
    return page(
        request,
        "delivery/dashboard.jinja",
        title=f"Delivery: {project.title}",
        nav="projects",
        project=project,
        p=DeliveryPresenter(Visibility.of(request.user, project), timezone.localdate()),
        is_open=services.delivery_open(project),
        can_edit=can_edit and services.delivery_open(project),
        can_close=can_edit and project.state_enum is State.IN_DELIVERY,
        termination=termination,
        termination_steps=list(termination.steps.all()) if termination else [],
        back_link={
            "href": reverse("partnerships:detail", args=[project.pk]),
            "text": "Back to project",
        },
    )


def status_report(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "delivery/report.jinja",
        title=f"Status report: {project.title}",
        nav="projects",
        project=project,
        # Read out to the whole steering committee, so it holds what every partner may see.
        p=DeliveryPresenter(Visibility.shared(project), timezone.localdate()),
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def rag_override(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = RagOverrideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.rag_override_set(
                    actor=actor(request),
                    project=project,
                    rating=form.cleaned_data["rating"],
                    reason=form.cleaned_data["reason"],
                    expires_on=form.cleaned_data["expires_on"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The status override is recorded.")
            return redirect("delivery:dashboard", pk=project.pk)
    return page(
        request,
        "delivery/rag_override.jinja",
        title=f"Override the RAG status: {project.title}",
        nav="projects",
        project=project,
        form=form,
        rag=RagPresenter(rag_status(Visibility.of(request.user, project), timezone.localdate())),
        back_link=back_to_dashboard(project),
    )


@require_http_methods(["GET", "POST"])
def rag_clear(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = RagClearForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.rag_override_clear(
                actor=actor(request), project=project, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The override is cleared; the computed status shows again.")
            return redirect("delivery:dashboard", pk=project.pk)
    return page(
        request,
        "delivery/rag_clear.jinja",
        title=f"Clear the RAG override: {project.title}",
        nav="projects",
        project=project,
        form=form,
        rag=RagPresenter(rag_status(Visibility.of(request.user, project), timezone.localdate())),
        back_link=back_to_dashboard(project),
    )
