"""The risk log and the issue log: each a table, an add page and an edit page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from triplewin.delivery import services
from triplewin.delivery.forms.logs import IssueForm, RiskForm
from triplewin.delivery.models import Issue, Risk
from triplewin.delivery.presenters.rows import issue_row, risk_row
from triplewin.delivery.selectors import issues_of, risks_by_score
from triplewin.delivery.views._common import back_to_dashboard, log_form_page
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, page, require_edit
from triplewin.submissions.once import one_time_form
from triplewin.submissions.versions import without_version


def _may_edit(request: HttpRequest, project: Project) -> bool:
    return access.can_edit(request.user, project) and services.delivery_open(project)


def risk_log(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "delivery/risks.jinja",
        title=f"Risk log: {project.title}",
        nav="projects",
        project=project,
        rows=[risk_row(r) for r in risks_by_score(project)],
        can_edit=_may_edit(request, project),
        back_link=back_to_dashboard(project),
    )


def _back_to_risks(project: Project) -> dict[str, str]:
    return {"href": reverse("delivery:risks", args=[project.pk]), "text": "Back to the risk log"}


@one_time_form
@require_http_methods(["GET", "POST"])
def risk_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    return log_form_page(
        request,
        project=project,
        form=without_version(
            RiskForm.for_row(None, request.POST if request.method == "POST" else None)
        ),
        save=lambda form: services.risk_add(
            actor=actor(request), project=project, fields=form.values()
        ),
        template="delivery/risk_form.jinja",
        title="Add a risk",
        done_message="Risk added to the log.",
        done_url=reverse("delivery:risks", args=[project.pk]),
        back_link=_back_to_risks(project),
        submit_text="Add to the risk log",
    )


@require_http_methods(["GET", "POST"])
def risk_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    risk = get_object_or_404(Risk, pk=item_pk, project=project)
    return log_form_page(
        request,
        project=project,
        form=RiskForm.for_row(risk, request.POST if request.method == "POST" else None),
        save=lambda form: services.risk_update(
            actor=actor(request),
            project=project,
            risk=risk,
            fields=form.values(),
            expected_version=form.version(),
        ),
        template="delivery/risk_form.jinja",
        title="Update a risk",
        done_message="Risk saved.",
        done_url=reverse("delivery:risks", args=[project.pk]),
        back_link=_back_to_risks(project),
        submit_text="Save the risk",
    )


def issue_log(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "delivery/issues.jinja",
        title=f"Issue log: {project.title}",
        nav="projects",
        project=project,
        rows=[issue_row(i) for i in issues_of(project)],
        can_edit=_may_edit(request, project),
        back_link=back_to_dashboard(project),
    )


def _back_to_issues(project: Project) -> dict[str, str]:
    return {"href": reverse("delivery:issues", args=[project.pk]), "text": "Back to the issue log"}


@one_time_form
@require_http_methods(["GET", "POST"])
def issue_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    return log_form_page(
        request,
        project=project,
        form=without_version(
            IssueForm.for_row(None, request.POST if request.method == "POST" else None)
        ),
        save=lambda form: services.issue_add(
            actor=actor(request), project=project, fields=form.values()
        ),
        template="delivery/issue_form.jinja",
        title="Raise an issue",
        done_message="Issue added to the log.",
        done_url=reverse("delivery:issues", args=[project.pk]),
        back_link=_back_to_issues(project),
        submit_text="Add to the issue log",
    )


@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    issue = get_object_or_404(Issue, pk=item_pk, project=project)
    return log_form_page(
        request,
        project=project,
        form=IssueForm.for_row(issue, request.POST if request.method == "POST" else None),
        save=lambda form: services.issue_update(
            actor=actor(request),
            project=project,
            issue=issue,
            fields=form.values(),
            expected_version=form.version(),
        ),
        template="delivery/issue_form.jinja",
        title="Update an issue",
        done_message="Issue saved.",
        done_url=reverse("delivery:issues", args=[project.pk]),
        back_link=_back_to_issues(project),
        submit_text="Save the issue",
    )
