"""The scoping decision guide: a task list of sections, each saved as you go."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.core import scoping_guide
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.scoping import services
from triplewin.scoping.forms import ScopingSectionForm
from triplewin.scoping.models import ScopingGuide
from triplewin.scoping.presenters import section_rows
from triplewin.submissions.versions import version_of


def guide(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    record = ScopingGuide.objects.filter(project=project).first()
    answers = record.answers if record else {}
    overall = scoping_guide.completeness(answers, medicines=project.involves_medicines)
    return page(
        request,
        "scoping/guide.jinja",
        title=f"Scoping guide: {project.title}",
        nav="projects",
        project=project,
        rows=section_rows(answers, medicines=project.involves_medicines),
        overall=overall,
        answers=answers,
        questions=scoping_guide.applicable(
            scoping_guide.QUESTIONS, medicines=project.involves_medicines
        ),
        can_edit=access.can_edit(request.user, project),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


@require_http_methods(["GET", "POST"])
def section(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    spec = scoping_guide.SECTIONS_BY_SLUG.get(slug)
    if spec is None or not scoping_guide.applicable(
        spec.questions, medicines=project.involves_medicines
    ):
        raise Http404("No such section.")
    record = ScopingGuide.objects.filter(project=project).first()
    initial = {
        **(record.answers if record else {}),
        "row_version": version_of(record),
    }
    form = ScopingSectionForm(
        request.POST or None, initial=initial, section=spec, medicines=project.involves_medicines
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.scoping_save_section(
                actor=actor(request),
                project=project,
                section=slug,
                answers=form.answers(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Saved: {spec.title}.")
            return redirect("scoping:guide", pk=project.pk)
    return page(
        request,
        "scoping/section.jinja",
        title=spec.title,
        nav="projects",
        project=project,
        section=spec,
        form=form,
        back_link={"href": f"/projects/{project.pk}/scoping/", "text": "Back to the scoping guide"},
    )
