"""Saying what an amendment changes in the PID: every part on one page, each as it will read."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.amendments import services
from triplewin.amendments.fields import amendable_fields
from triplewin.amendments.forms.amendments import ChangesForm
from triplewin.amendments.models import AmendmentChange
from triplewin.amendments.views.amendments import back_to, get_amendment
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit


@require_http_methods(["GET", "POST"])
def change_add(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """Every part of the PID the amendment can change, on one page, saved together."""
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    amendment = get_amendment(project, number)
    form = ChangesForm(
        request.POST if request.method == "POST" else None,
        fields=amendable_fields(project),
        afters={c.field_key: c.after for c in amendment.changes.all()},
        initial={"row_version": amendment.row_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed, taken_back = services.amendment_changes_save(
                actor=actor(request),
                amendment=amendment,
                afters=form.afters(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _saved(changed, taken_back))
            return redirect("amendments:detail", pk=project.pk, number=amendment.number)
    return page(
        request,
        "amendments/change_form.jinja",
        title=f"What {amendment} changes: {project.title}",
        nav="projects",
        project=project,
        a=amendment,
        form=form,
        back_link=back_to(amendment),
    )


def _saved(changed: int, taken_back: int) -> str:
    if not changed and not taken_back:
        return "Nothing was changed."
    parts = []
    if changed:
        parts.append(f"{changed} change{'s' if changed != 1 else ''} to the PID saved")
    if taken_back:
        parts.append(f"{taken_back} taken back")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


@require_POST
def change_remove(request: HttpRequest, pk: int, number: int, change_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    amendment = get_amendment(project, number)
    change = get_object_or_404(AmendmentChange, pk=change_pk, amendment=amendment)
    try:
        services.amendment_change_remove(actor=actor(request), amendment=amendment, change=change)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The change to {change.field_label} is removed.")
    return redirect("amendments:detail", pk=project.pk, number=amendment.number)
