"""Project list, creation, overview and details."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.config.pagination import paginate
from triplewin.core.lifecycle import STATES, State
from triplewin.library.selectors import case_study_link
from triplewin.partnerships import access, services
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.facts import build_facts, imported_states
from triplewin.partnerships.forms import ProjectCreateForm, ProjectEditForm
from triplewin.partnerships.models import Project, RiskAcceptance
from triplewin.partnerships.presenters.compliance import compliance_panels
from triplewin.partnerships.presenters.next_steps import project_next_steps
from triplewin.partnerships.presenters.project import ProjectPresenter
from triplewin.partnerships.presenters.stage1 import stage1_tasks
from triplewin.partnerships.presenters.stage2 import stage2_tasks
from triplewin.partnerships.presenters.stage3 import stage3_tasks
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once

PAGE_SIZE = 50


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    projects = Project.objects.visible_to(request.user).prefetch_related("partners__organisation")
    state = request.GET.get("state", "")
    if state in {s.value for s in State}:
        projects = projects.filter(state=state)
    page_obj, pagination = paginate(request, projects, PAGE_SIZE)
    rows = [ProjectPresenter(p) for p in page_obj]
    return page(
        request,
        "partnerships/list.jinja",
        title="Projects",
        nav="projects",
        rows=rows,
        pagination=pagination,
        total=page_obj.paginator.count,
        states=[(s.value, i.label) for s, i in STATES.items()],
        selected_state=state,
        can_create=access.can_create_project(request.user),
    )


@one_time_form
@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    if not access.can_create_project(request.user):
        raise PermissionDenied("Only partnership leads can record new ideas.")
    form = ProjectCreateForm(
        request.POST or None, lead_choices=access.lead_organisations(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        lead = data.pop("lead_organisation")
        partners = list(data.pop("partner_organisations"))
        try:
            with saving_once(request):
                project = services.project_create(
                    actor=actor(request),
                    lead_organisation=lead,
                    partner_organisations=partners,
                    **data,
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Your idea has been recorded.")
            return redirect("partnerships:detail", pk=project.pk)
    return page(
        request, "partnerships/create.jinja", title="Record a new idea", nav="projects", form=form
    )


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    presenter = ProjectPresenter(project)
    accepted: dict[str, set[str]] = {}
    for gate, rule_id in RiskAcceptance.objects.filter(project=project).values_list(
        "gate", "rule_id"
    ):
        accepted.setdefault(gate, set()).add(rule_id)
    facts = build_facts(project)
    imported = imported_states(project)
    panels = compliance_panels(project.state_enum, facts, accepted, project.pk)
    can_edit = access.can_edit(request.user, project)
    return page(
        request,
        "partnerships/detail.jinja",
        title=project.title,
        nav="projects",
        project=project,
        p=presenter,
        panels=panels,
        can_edit=can_edit,
        can_decide=bool(access.decision_organisations(request.user, project)),
        next_steps=project_next_steps(project, facts, accepted) if can_edit else None,
        partners=project.partners.select_related("organisation", "lead"),
        stage1_tasks=stage1_tasks(project, imported),
        stage2_tasks=stage2_tasks(project, facts, imported),
        stage3_tasks=stage3_tasks(
            project, facts, study=case_study_link(project), can_edit=can_edit
        ),
    )


@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = ProjectEditForm.for_project(project, request.POST or None)
    if request.method == "GET":
        form.initial["row_version"] = project.row_version
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("row_version")
        try:
            services.project_update(
                actor=actor(request), project=project, expected_version=version, **data
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Project details saved.")
            return redirect("partnerships:detail", pk=project.pk)
    return page(
        request,
        "partnerships/edit.jinja",
        title=f"Edit details: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )
