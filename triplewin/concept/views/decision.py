"""A partner approves or rejects exactly the version of the concept on screen."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.concept import services
from triplewin.concept.forms import DecisionForm
from triplewin.concept.models import ConceptFramework
from triplewin.concept.presenters import ConceptPresenter
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.presenters import decision_notice
from triplewin.partnerships import access
from triplewin.partnerships import services as partnership_services
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.partnerships.presenters.compliance import gate_panel
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.scoping.presenters import checklist_summary


@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    organisations = access.decision_organisations(request.user, project)
    if not organisations:
        raise PermissionDenied("Only an authorised person from a partner organisation can decide.")
    concept = ConceptFramework.objects.filter(project=project).first()
    presenter = ConceptPresenter(project, concept)
    report = services.decision_report(project)
    panel = gate_panel(
        report, partnership_services.accepted_risk_ids(project, services.APPROVAL_GATE)
    )
    form = DecisionForm(
        request.POST or None,
        organisations=[(o.pk, o.name) for o in organisations],
        risk_ids=[r.id for r in panel.rows if r.is_open_risk],
        initial={"content_hash": presenter.current_hash},
    )
    if request.method == "POST" and form.is_valid():
        chosen = next(o for o in organisations if o.pk == form.cleaned_data["organisation"])
        try:
            services.concept_decide(
                actor=actor(request),
                project=project,
                organisation=chosen,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                risk_reasons=form.risk_reasons(),
                expected_hash=form.cleaned_data["content_hash"],
            )
        except StaleEdit:
            form.add_error(
                None,
                "The concept changed after you opened this page, so your decision was not recorded. "
                "Read the current version below and decide again.",
            )
            refreshed = request.POST.copy()
            refreshed["content_hash"] = presenter.current_hash
            form.data = refreshed
        except GateBlocked as error:
            form.add_error(None, f"{error} Your approval has not been recorded.")
            panel = gate_panel(
                error.report,
                partnership_services.accepted_risk_ids(project, services.APPROVAL_GATE),
            )
            for result in error.unaccepted:
                if f"risk_{result.rule.id}" in form.fields:
                    form.add_error(
                        f"risk_{result.rule.id}", "Give a reason for accepting this risk."
                    )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Your decision for {chosen} has been recorded.")
            return redirect("concept:detail", pk=project.pk)
    return page(
        request,
        "concept/decide.jinja",
        title=f"Decide on the concept: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.CONCEPT),
        project=project,
        c=presenter,
        panel=panel,
        form=form,
        checklist_review=checklist_summary(project),
        back_link={"href": f"/projects/{project.pk}/concept/", "text": "Back to the concept"},
    )
