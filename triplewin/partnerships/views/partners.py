"""Adding and removing partner organisations while a project is being scoped."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.partnerships import access, services
from triplewin.partnerships.forms import PartnerAddForm
from triplewin.partnerships.models import ProjectPartner
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once


@one_time_form
@require_http_methods(["GET", "POST"])
def partners(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    current = list(project.partners.select_related("organisation", "lead"))
    form = PartnerAddForm(request.POST or None, exclude=[p.organisation_id for p in current])
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.partner_add(
                    actor=actor(request),
                    project=project,
                    organisation=form.cleaned_data["organisation"],
                    party_role=form.cleaned_data["party_role"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['organisation']} added as a partner.")
            return redirect("partnerships:partners", pk=project.pk)
    return page(
        request,
        "partnerships/partners.jinja",
        title=f"Partners: {project.title}",
        nav="projects",
        project=project,
        partners=current,
        form=form,
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


@require_POST
def partner_remove(request: HttpRequest, pk: int, partner_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    partner = get_object_or_404(ProjectPartner, pk=partner_pk, project=project)
    try:
        services.partner_remove(actor=actor(request), project=project, partner=partner)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{partner.organisation} removed.")
    return redirect("partnerships:partners", pk=project.pk)
