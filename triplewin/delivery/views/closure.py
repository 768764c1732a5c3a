"""Completing a project, or terminating it under its exit strategy."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from triplewin.core.dates import long_date
from triplewin.core.lifecycle import State
from triplewin.core.outcomes import due_on as outcomes_due_on
from triplewin.delivery import services
from triplewin.delivery.exit_plan import exit_plan
from triplewin.delivery.forms.status import ClosureForm, CompletionForm, TerminationForm
from triplewin.delivery.views._common import back_to_dashboard
from triplewin.partnerships import access
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.presenters.compliance import GatePanel, gate_panel
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit


def _panel(project: Project) -> GatePanel:
    return gate_panel(
        partnerships.gate_report(project, "completed"),
        partnerships.accepted_risk_ids(project, "completed"),
    )


def _not_in_delivery(request: HttpRequest, project: Project, what: str) -> HttpResponse:
    messages.error(request, f"Only a project in delivery can be {what}.")
    return redirect("delivery:dashboard", pk=project.pk)


def _stale(request: HttpRequest, project: Project) -> HttpResponse:
    messages.error(request, "The project changed while you were looking at it. Check its status.")
    return redirect("delivery:dashboard", pk=project.pk)


def _mark_unaccepted(form: ClosureForm, error: GateBlocked) -> None:
    form.add_error(None, str(error))
    for result in error.unaccepted:
        key = f"risk_{result.rule.id}"
        if key in form.fields:
            form.add_error(key, "Give a reason for accepting this risk, or fix it first.")


@require_http_methods(["GET", "POST"])
def complete(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    if project.state_enum is not State.IN_DELIVERY:
        return _not_in_delivery(request, project, "completed")
    panel = _panel(project)
    form = CompletionForm(
        request.POST if request.method == "POST" else None,
        risk_ids=[r.id for r in panel.rows if r.is_open_risk],
        ask_start=project.actual_start is None,
        initial={"expected_state": project.state, "actual_end": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.project_complete(
                actor=actor(request),
                project=project,
                actual_end=form.cleaned_data["actual_end"],
                actual_start=form.cleaned_data.get("actual_start"),
                expected_state=form.cleaned_data["expected_state"],
                risk_reasons=form.risk_reasons(),
            )
        except StaleEdit:
            return _stale(request, project)
        except GateBlocked as error:
            _mark_unaccepted(form, error)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            due = long_date(outcomes_due_on(form.cleaned_data["actual_end"]))
            messages.success(
                request, f"The project is completed. Its outcomes summary is due by {due}."
            )
            return redirect("delivery:dashboard", pk=project.pk)
    return page(
        request,
        "delivery/complete.jinja",
        title=f"Record completion: {project.title}",
        nav="projects",
        project=project,
        form=form,
        panel=panel,
        # The end date this form asks for is not among them: its rule is asked at the step.
        failing=panel.failing,
        back_link=back_to_dashboard(project),
    )


@require_http_methods(["GET", "POST"])
def terminate(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    if project.state_enum is not State.IN_DELIVERY:
        return _not_in_delivery(request, project, "terminated")
    form = TerminationForm(
        request.POST if request.method == "POST" else None,
        steps=exit_plan(project),
        initial={"expected_state": project.state, "ended_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.project_terminate(
                actor=actor(request),
                project=project,
                reason=form.cleaned_data["reason"],
                ended_on=form.cleaned_data["ended_on"],
                done=form.done(),
                expected_state=form.cleaned_data["expected_state"],
            )
        except StaleEdit:
            return _stale(request, project)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The project is terminated and the exit steps are recorded.")
            return redirect("delivery:dashboard", pk=project.pk)
    return page(
        request,
        "delivery/terminate.jinja",
        title=f"Terminate the project: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link=back_to_dashboard(project),
    )
