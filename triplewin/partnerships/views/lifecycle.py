"""Taking a lifecycle step: shows the gate's rules, collects risk acceptances and reasons."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.core.lifecycle import STATES, IllegalTransition, find_transition
from triplewin.partnerships import access, services
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.partnerships.forms import TransitionForm
from triplewin.partnerships.presenters.compliance import gate_panel
from triplewin.partnerships.presenters.fixes import STEP_PAGES, step_href
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit


@require_http_methods(["GET", "POST"])
def transition(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    try:
        step = find_transition(project.state_enum, name)
    except IllegalTransition as error:
        messages.error(request, str(error))
        return redirect("partnerships:detail", pk=project.pk)
    if not step.manual:
        raise Http404("This step happens automatically.")
    if step.name in STEP_PAGES:
        # Taken where its evidence is recorded (the completion form asks for the end date);
        # this page would only offer a button the gate must refuse.
        return redirect(step_href(project.pk, step.name))
    panel = None
    if step.gate:
        panel = gate_panel(
            services.gate_report(project, step.gate), services.accepted_risk_ids(project, step.gate)
        )
    risk_ids = [r.id for r in panel.rows if r.is_open_risk] if panel else []
    form = TransitionForm(
        request.POST or None, risk_ids=risk_ids, initial={"expected_state": project.state}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.project_transition(
                actor=actor(request),
                project=project,
                name=name,
                reason=form.cleaned_data["reason"],
                risk_reasons=form.risk_reasons(),
                expected_state=form.cleaned_data["expected_state"],
            )
        except StaleEdit:
            messages.error(
                request, "The project changed while you were looking at it. Check its new status."
            )
            return redirect("partnerships:detail", pk=project.pk)
        except GateBlocked as error:
            form.add_error(None, str(error))
            panel = gate_panel(error.report, services.accepted_risk_ids(project, step.gate or ""))
            for result in error.unaccepted:
                key = f"risk_{result.rule.id}"
                if key in form.fields:
                    form.add_error(key, "Give a reason for accepting this risk, or fix it first.")
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Done: the project is now '{STATES[step.target].label}'.")
            return redirect("partnerships:detail", pk=project.pk)
    return page(
        request,
        "partnerships/transition.jinja",
        title=step.label,
        nav="projects",
        project=project,
        step=step,
        target_label=STATES[step.target].label,
        panel=panel,
        form=form,
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )
