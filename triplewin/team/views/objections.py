"""A partner objects to a team member; a partnership lead decides the objection."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.presenters import decision_notice
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.team import selectors, services
from triplewin.team.forms import ObjectionDecisionForm, ObjectionForm
from triplewin.team.models import Objection, TeamMember
from triplewin.team.views.members import back_to_team


@one_time_form
@require_http_methods(["GET", "POST"])
def objection_raise(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    organisations = access.decision_organisations(request.user, project)
    if not organisations:
        raise PermissionDenied("Only an authorised person from a partner organisation can object.")
    member = get_object_or_404(
        TeamMember.objects.select_related("user", "organisation"), pk=member_pk, project=project
    )
    form = ObjectionForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.objection_raise(
                    actor=actor(request),
                    project=project,
                    member=member,
                    organisation=form.chosen_organisation(),
                    reason=form.cleaned_data["reason"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Your objection has been recorded.")
            return redirect("team:detail", pk=project.pk)
    return page(
        request,
        "team/object.jinja",
        title=f"Object to a team member: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.OBJECTION),
        project=project,
        name=selectors.display_name(member.user),
        member=member,
        form=form,
        back_link=back_to_team(project),
    )


@require_http_methods(["GET", "POST"])
def objection_decide(request: HttpRequest, pk: int, objection_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    objection = get_object_or_404(
        Objection.objects.select_related(
            "member__user", "member__organisation", "raised_for_organisation", "raised_by"
        ),
        pk=objection_pk,
        project=project,
    )
    form = ObjectionDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.objection_decide(
                actor=actor(request),
                project=project,
                objection=objection,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The decision on the objection has been recorded.")
            return redirect("team:detail", pk=project.pk)
    return page(
        request,
        "team/decide.jinja",
        title=f"Decide an objection: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.OBJECTION),
        project=project,
        objection=objection,
        name=selectors.display_name(objection.member.user),
        raised_by=selectors.display_name(objection.raised_by),
        form=form,
        back_link=back_to_team(project),
    )
