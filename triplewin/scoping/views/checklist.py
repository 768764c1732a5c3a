"""The classification checklist and its verdict."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.core import checklist
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.facts import parties
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.scoping import services
from triplewin.scoping.forms import ChecklistForm
from triplewin.scoping.models import ClassificationChecklist
from triplewin.scoping.presenters import VerdictView
from triplewin.submissions.versions import version_of


@require_http_methods(["GET", "POST"])
def checklist_form(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    record = ClassificationChecklist.objects.filter(project=project).first()
    initial = {
        **checklist.upgrade_answers(record.answers if record else {}),
        "row_version": version_of(record),
    }
    form = ChecklistForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.checklist_save(
                actor=actor(request),
                project=project,
                answers=form.answers(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Checklist saved.")
            return redirect("scoping:verdict", pk=project.pk)
    return page(
        request,
        "scoping/checklist.jinja",
        title=f"Classification checklist: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


def verdict(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    record = ClassificationChecklist.objects.filter(project=project).first()
    result = checklist.classify(
        checklist.upgrade_answers(record.answers if record else {}), parties=parties(project)
    )
    return page(
        request,
        "scoping/verdict.jinja",
        title=f"Checklist verdict: {project.title}",
        nav="projects",
        project=project,
        v=VerdictView(result),
        can_edit=access.can_edit(request.user, project),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )
