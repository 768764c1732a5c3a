"""The sites a multi-site project measures at."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.kpis import services
from triplewin.kpis.forms import SiteForm
from triplewin.kpis.models import Site
from triplewin.kpis.views._shared import abilities, back_to_dashboard
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once


@one_time_form
@require_http_methods(["GET", "POST"])
def sites(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    form = SiteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        require_edit(request, project)
        if form.is_valid():
            try:
                with saving_once(request):
                    site = services.site_add(
                        actor=actor(request),
                        project=project,
                        name=form.cleaned_data["name"],
                        code=form.cleaned_data["code"],
                    )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, f"Site '{site.name}' added.")
                return redirect("kpis:sites", pk=project.pk)
    return page(
        request,
        "kpis/sites.jinja",
        title=f"Sites: {project.title}",
        nav="projects",
        project=project,
        sites=list(Site.objects.filter(project=project)),
        form=form,
        back_link=back_to_dashboard(project),
        **abilities(request.user, project),
    )


@require_POST
def site_remove(request: HttpRequest, pk: int, site: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    found = Site.objects.filter(pk=site, project=project).first()
    if found is None:
        raise Http404("No such site.")
    try:
        services.site_remove(actor=actor(request), site=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Site '{found.name}' removed.")
    return redirect("kpis:sites", pk=project.pk)
