"""Saying what an amendment changes in the PID: choose a part, then write its new text."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.amendments import services
from triplewin.amendments.fields import amendable_fields
from triplewin.amendments.forms.amendments import ChangeForm, ChooseFieldForm
from triplewin.amendments.models import AmendmentChange
from triplewin.amendments.views.amendments import back_to, get_amendment
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit


@require_http_methods(["GET", "POST"])
def change_add(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    amendment = get_amendment(project, number)
    fields = amendable_fields(project)
    data = request.POST if request.method == "POST" else request.GET
    chosen_key = data.get("field_key") or data.get("field")
    chosen = next((f for f in fields if f.key == chosen_key), None)
    if chosen is None:
        choose = ChooseFieldForm(request.GET if "field" in request.GET else None, fields=fields)
        choose.is_valid()
        return page(
            request,
            "amendments/change_choose.jinja",
            title=f"What does {amendment} change: {project.title}",
            status=400 if choose.errors or request.method == "POST" else 200,
            nav="projects",
            project=project,
            a=amendment,
            form=choose,
            back_link=back_to(amendment),
        )
    existing = amendment.changes.filter(field_key=chosen.key).first()
    initial_after = existing.after if existing else chosen.current
    form = ChangeForm(
        request.POST if request.method == "POST" else None,
        field=chosen,
        initial={
            "field_key": chosen.key,
            "after": initial_after,
            "row_version": amendment.row_version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.amendment_change_set(
                actor=actor(request),
                amendment=amendment,
                field_key=chosen.key,
                after=form.after_text(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"The change to {chosen.label} is saved.")
            return redirect("amendments:detail", pk=project.pk, number=amendment.number)
    return page(
        request,
        "amendments/change_form.jinja",
        title=f"Change {chosen.label}: {project.title}",
        nav="projects",
        project=project,
        a=amendment,
        chosen=chosen,
        form=form,
        back_link=back_to(amendment),
    )


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
