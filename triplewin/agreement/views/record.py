"""The agreement page, its edit form and the required-clauses checklist."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.agreement import services
from triplewin.agreement.forms import AgreementForm
from triplewin.agreement.models import Agreement
from triplewin.agreement.presenters import AgreementPresenter
from triplewin.agreement.selectors import drawn_from_pid
from triplewin.agreement.views._shared import back_to_agreement
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.versions import version_of


def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "agreement/detail.jinja",
        title=f"Agreement: {project.title}",
        nav="projects",
        project=project,
        a=AgreementPresenter(project),
        can_edit=access.can_edit(request.user, project),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


def agreement_clauses(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "agreement/clauses.jinja",
        title=f"Required clauses: {project.title}",
        nav="projects",
        project=project,
        a=AgreementPresenter(project),
        back_link=back_to_agreement(project),
    )


@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    agreement = Agreement.objects.filter(project=project).first() or Agreement(
        project=project, working_type=project.intended_type or "cw"
    )
    initial: dict[str, object] = {"row_version": version_of(agreement)}
    # Project information not yet written is drawn from the approved PID, as the guidance asks.
    initial.update(
        (name, value)
        for name, value in drawn_from_pid(project).items()
        if agreement.pk is None or getattr(agreement, name) in (None, "")
    )
    form = AgreementForm(
        request.POST if request.method == "POST" else None,
        instance=agreement,
        involves_medicines=project.involves_medicines,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_save(
                actor=actor(request),
                project=project,
                fields=form.agreement_fields(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Agreement saved.")
            return redirect("agreement:detail", pk=project.pk)
    return page(
        request,
        "agreement/edit.jinja",
        title=f"Record the agreement: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link=back_to_agreement(project),
    )
