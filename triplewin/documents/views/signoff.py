"""Certifying and approving a version of a document this engine signs off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.presenters import decision_notice
from triplewin.documents import services
from triplewin.documents.forms import SignOffForm
from triplewin.documents.selectors import versions_of
from triplewin.documents.services.copies import view_of
from triplewin.documents.views._shared import kind_or_404
from triplewin.organisations.models import Organisation
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.signoff import authority

Allowed = Callable[[Any, Project], list[Organisation]]
PAST = {"certify": "certified", "approve": "approved"}
DECISION_KINDS = {
    "certify": DecisionKind.DOCUMENT_CERTIFICATION,
    "approve": DecisionKind.DOCUMENT_APPROVAL,
}


def _sign(
    request: HttpRequest,
    project_id: int,
    document: str,
    *,
    allowed: Allowed,
    refusal: str,
    action: str,
    service: Callable[..., Any],
) -> HttpResponse:
    project = access.visible_project_or_404(request.user, project_id)
    kind = kind_or_404(project, document)
    if not kind.signed_off_here:
        raise Http404("This document is signed off on its own page.")
    organisations = allowed(request.user, project)
    if not organisations:
        raise PermissionDenied(refusal)
    versions = versions_of(project, document)
    if not versions:
        messages.error(request, "Generate a version of the document first.")
        return redirect("documents:document", project.pk, document)
    latest = versions[-1]
    form = SignOffForm(
        request.POST if request.method == "POST" else None,
        organisations=[(o.pk, o.name) for o in organisations],
        initial={"number": latest.number},
    )
    if request.method == "POST" and form.is_valid():
        chosen = next(o for o in organisations if o.pk == form.cleaned_data["organisation"])
        try:
            service(
                actor=actor(request),
                project=project,
                document=document,
                number=form.cleaned_data["number"],
                organisation=chosen,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Version {latest.number} is {PAST[action]}.")
            return redirect("documents:version", project.pk, document, latest.number)
    return page(
        request,
        "documents/signoff.jinja",
        title=f"{action.capitalize()} the {kind.definition.title}: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DECISION_KINDS[action]),
        project=project,
        kind=kind,
        document=document,
        action=action,
        view=view_of(project, latest),
        version=latest,
        form=form,
        back_link={
            "href": f"/projects/{project.pk}/documents/{document}/",
            "text": f"Back to the {kind.definition.title}",
        },
    )


@require_http_methods(["GET", "POST"])
def certify(request: HttpRequest, project_id: int, document: str) -> HttpResponse:
    return _sign(
        request,
        project_id,
        document,
        allowed=authority.certifying_organisations,
        refusal="Only a certification signatory of an industry partner in this project can certify it.",
        action="certify",
        service=services.document_certify,
    )


@require_http_methods(["GET", "POST"])
def approve(request: HttpRequest, project_id: int, document: str) -> HttpResponse:
    return _sign(
        request,
        project_id,
        document,
        allowed=access.decision_organisations,
        refusal="Only someone who may decide for a partner organisation can approve it.",
        action="approve",
        service=services.document_approve,
    )
