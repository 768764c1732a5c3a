"""Approving the outcomes summary; certifying and publishing are the shared pages of
`signoff.views`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.presenters import decision_notice
from triplewin.outcomes import services
from triplewin.outcomes.forms import DecisionForm
from triplewin.outcomes.selectors import summary_for
from triplewin.outcomes.views.summary import presenter
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.signoff import authority
from triplewin.signoff.views import SummaryPages, certify_view, publish_view


@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    bodies = authority.approval_bodies(request.user, project, "outcomes")
    if not bodies:
        raise PermissionDenied(
            "Only the project team's chair or project manager, or a member of a partner's "
            "governance committee, can approve the outcomes summary."
        )
    summary = summary_for(project)
    if summary is None:
        return PAGES.nothing_yet(request, project, "approve")
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        bodies=[(b.key, b.label) for b in bodies],
        initial={"row_version": summary.row_version},
    )
    if request.method == "POST" and form.is_valid():
        chosen = next(b for b in bodies if b.key == form.cleaned_data["body"])
        try:
            services.outcomes_decide(
                actor=actor(request),
                project=project,
                body=chosen.body,
                organisation=chosen.organisation,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"The decision of the {chosen.label.lower()} is recorded.")
            return redirect("outcomes:detail", pk=project.pk)
    return page(
        request,
        "outcomes/decide.jinja",
        title=f"Approve or reject the outcomes summary: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.OUTCOMES_APPROVAL),
        project=project,
        o=presenter(project),
        form=form,
        back_link=PAGES.back(project),
    )


PAGES = SummaryPages(
    namespace="outcomes",
    noun="outcomes summary",
    path="outcomes",
    context_name="o",
    load=summary_for,
    presenter=presenter,
    certify=services.outcomes_certify,
    publish=services.outcomes_publish,
    publish_gate=services.PUBLISH_GATE,
    publish_report=services.publish_report,
    certify_decision=DecisionKind.OUTCOMES_CERTIFICATION,
    publish_decision=DecisionKind.OUTCOMES_PUBLICATION,
)

certify = certify_view(PAGES)
publish = publish_view(PAGES)
