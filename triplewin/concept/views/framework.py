"""Viewing and editing the Project Concept Framework."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.concept import services
from triplewin.concept.forms import ConceptForm
from triplewin.concept.models import ConceptFramework
from triplewin.concept.presenters import ConceptPresenter
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.scoping.presenters import checklist_summary
from triplewin.submissions.versions import version_of


def concept_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    concept = ConceptFramework.objects.filter(project=project).first()
    return page(
        request,
        "concept/detail.jinja",
        title=f"Concept framework: {project.title}",
        nav="projects",
        project=project,
        c=ConceptPresenter(project, concept),
        checklist_review=checklist_summary(project),
        can_edit=access.can_edit(request.user, project),
        can_decide=bool(access.decision_organisations(request.user, project)),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


@require_http_methods(["GET", "POST"])
def concept_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    concept = ConceptFramework.objects.filter(project=project).first() or ConceptFramework(
        project=project
    )
    partners = list(project.partners.select_related("organisation"))
    form = ConceptForm(
        request.POST or None,
        instance=concept,
        partners=partners,
        initial={"row_version": version_of(concept)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.concept_save(
                actor=actor(request),
                project=project,
                fields=form.concept_fields(),
                contributions=form.contributions(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Concept framework saved.")
            return redirect("concept:detail", pk=project.pk)
    return page(
        request,
        "concept/edit.jinja",
        title=f"Edit concept framework: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link={"href": f"/projects/{project.pk}/concept/", "text": "Back to the concept"},
    )
