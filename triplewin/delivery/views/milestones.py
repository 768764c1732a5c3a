"""Adding and editing milestones."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from triplewin.delivery import services
from triplewin.delivery.forms.logs import MilestoneForm
from triplewin.delivery.models import Milestone
from triplewin.delivery.views._common import back_to_dashboard, log_form_page
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, require_edit
from triplewin.submissions.once import one_time_form
from triplewin.submissions.versions import without_version


@one_time_form
@require_http_methods(["GET", "POST"])
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    return log_form_page(
        request,
        project=project,
        form=without_version(
            MilestoneForm.for_row(None, request.POST if request.method == "POST" else None)
        ),
        save=lambda form: services.milestone_add(
            actor=actor(request), project=project, fields=form.values()
        ),
        template="delivery/milestone_form.jinja",
        title="Add a milestone",
        done_message="Milestone added.",
        done_url=reverse("delivery:dashboard", args=[project.pk]),
        back_link=back_to_dashboard(project),
        submit_text="Add the milestone",
    )


@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    milestone = get_object_or_404(Milestone, pk=item_pk, project=project)
    return log_form_page(
        request,
        project=project,
        form=MilestoneForm.for_row(milestone, request.POST if request.method == "POST" else None),
        save=lambda form: services.milestone_update(
            actor=actor(request),
            project=project,
            milestone=milestone,
            fields=form.values(),
            expected_version=form.version(),
        ),
        template="delivery/milestone_form.jinja",
        title="Update a milestone",
        done_message="Milestone saved.",
        done_url=reverse("delivery:dashboard", args=[project.pk]),
        back_link=back_to_dashboard(project),
        submit_text="Save the milestone",
    )
