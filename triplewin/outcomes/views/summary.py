"""Reading, drafting and editing the outcomes summary."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.outcomes import services
from triplewin.outcomes.forms import ConfirmForm, OutcomesForm
from triplewin.outcomes.models import Status
from triplewin.outcomes.presenters import IntentionHints, OutcomesPresenter
from triplewin.outcomes.selectors import TEXT_FIELDS, outcomes_deadline, summary_for
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.signoff import authority
from triplewin.submissions.versions import version_of


def presenter(project: Project) -> OutcomesPresenter:
    return OutcomesPresenter(project, summary_for(project), outcomes_deadline(project))


def _back(project: Project) -> dict[str, str]:
    return {"href": f"/projects/{project.pk}/outcomes/", "text": "Back to the outcomes summary"}


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    o = presenter(project)
    lead = access.can_edit(request.user, project)
    editable = lead and not o.is_published
    return page(
        request,
        "outcomes/detail.jinja",
        title=f"Summary of project outcomes: {project.title}",
        nav="projects",
        project=project,
        o=o,
        can_generate=editable and o.is_completed,
        # Once published, the leads are offered the project's case study for the library.
        can_share=lead and o.is_published,
        can_edit=editable and o.exists,
        can_certify=(
            o.exists
            and not o.is_published
            and bool(authority.certifying_organisations(request.user, project))
        ),
        can_decide=o.is_certified
        and bool(authority.approval_bodies(request.user, project, "outcomes")),
        can_publish=editable and o.can_publish_now,
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


@require_http_methods(["GET", "POST"])
def generate(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = ConfirmForm(
        request.POST if request.method == "POST" else None,
        initial={"row_version": version_of(summary_for(project))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.outcomes_generate(
                actor=actor(request),
                project=project,
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The outcomes summary has been drafted from the records.")
            return redirect("outcomes:detail", pk=project.pk)
    return page(
        request,
        "outcomes/generate.jinja",
        title=f"Draft the outcomes summary: {project.title}",
        nav="projects",
        project=project,
        o=presenter(project),
        form=form,
        back_link=_back(project),
    )


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    summary = summary_for(project)
    if summary is None or summary.status == Status.PUBLISHED:
        messages.error(
            request,
            "Draft the outcomes summary from the project's records first."
            if summary is None
            else services.PUBLISHED_IS_FINAL,
        )
        return redirect("outcomes:detail", pk=project.pk)
    hints = IntentionHints(project)
    form = OutcomesForm(
        request.POST or None,
        instance=summary,
        initial={"row_version": summary.row_version},
        hints={name: hints.for_field(name) for name in TEXT_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.outcomes_save(
                actor=actor(request),
                project=project,
                fields=form.summary_fields(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Outcomes summary saved.")
            return redirect("outcomes:detail", pk=project.pk)
    return page(
        request,
        "outcomes/edit.jinja",
        title=f"Edit the outcomes summary: {project.title}",
        nav="projects",
        project=project,
        form=form,
        fields=TEXT_FIELDS,
        o=presenter(project),
        was_signed_off=presenter(project).is_certified,
        back_link=_back(project),
    )
