"""The team page, and adding and removing members."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.core import resources
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.team import selectors, services
from triplewin.team.forms import MemberAddForm, RemoveForm
from triplewin.team.models import TeamMember
from triplewin.team.presenters import TeamPresenter


def back_to_team(project: Project) -> dict[str, str]:
    return {"href": reverse("team:detail", args=[project.pk]), "text": "Back to the team"}


def team_page(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "team/detail.jinja",
        title=f"Project team: {project.title}",
        nav="projects",
        project=project,
        t=TeamPresenter(project),
        trust=resources.TRUST_STEPS,
        trust_source=resources.TRUST_SOURCE,
        can_edit=access.can_edit(request.user, project),
        can_object=bool(access.decision_organisations(request.user, project)),
        back_link={
            "href": reverse("partnerships:detail", args=[project.pk]),
            "text": "Back to project",
        },
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = MemberAddForm(
        request.POST if request.method == "POST" else None,
        people=selectors.partner_people(project),
        partners=[p.organisation for p in project.partners.all()],
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                member = services.team_member_add(
                    actor=actor(request),
                    project=project,
                    user=form.chosen_user(),
                    organisation=form.chosen_organisation(),
                    project_role=form.cleaned_data["project_role"],
                    joined_on=form.cleaned_data["joined_on"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{selectors.display_name(member.user)} added to the team.")
            return redirect("team:detail", pk=project.pk)
    return page(
        request,
        "team/add.jinja",
        title=f"Add a team member: {project.title}",
        nav="projects",
        project=project,
        form=form,
        can_change=services.team_changes_allowed(project),
        back_link=back_to_team(project),
    )


@require_http_methods(["GET", "POST"])
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    member = get_object_or_404(
        TeamMember.objects.select_related("user", "organisation"), pk=member_pk, project=project
    )
    others = {
        m.pk: m
        for m in TeamMember.objects.active()
        .filter(project=project)
        .exclude(pk=member.pk)
        .select_related("user", "organisation")
    }
    form = RemoveForm(
        request.POST if request.method == "POST" else None,
        others=[
            (pk, f"{selectors.display_name(m.user)} ({m.organisation.name})")
            for pk, m in others.items()
        ],
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["successor"]
        try:
            services.team_member_remove(
                actor=actor(request),
                project=project,
                member=member,
                reason=form.cleaned_data["reason"],
                successor=others.get(chosen) if chosen is not None else None,
                handover_note=form.cleaned_data["handover_note"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{selectors.display_name(member.user)} left the team.")
            return redirect("team:detail", pk=project.pk)
    return page(
        request,
        "team/remove.jinja",
        title=f"Remove a team member: {project.title}",
        nav="projects",
        project=project,
        member=member,
        name=selectors.display_name(member.user),
        is_lead=selectors.is_named_lead(member),
        form=form,
        back_link=back_to_team(project),
    )


@require_POST
def ask_to_declare(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    """Email a team member with no current declaration a link to their register."""
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    member = get_object_or_404(
        TeamMember.objects.select_related("user"), pk=member_pk, project=project
    )
    name = selectors.display_name(member.user)
    try:
        services.declaration_request(actor=actor(request), project=project, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{name} has been emailed a link to declare their interests.")
    return redirect("team:detail", pk=project.pk)
