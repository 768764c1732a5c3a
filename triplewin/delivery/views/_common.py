"""The add-or-edit page every delivery log shares: one form, one service call, one redirect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from triplewin.delivery.forms.logs import LogForm
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import apply_validation_error, page
from triplewin.submissions.once import saving_once


def back_to_dashboard(project: Project) -> dict[str, str]:
    return {"href": reverse("delivery:dashboard", args=[project.pk]), "text": "Back to delivery"}


def log_form_page(
    request: HttpRequest,
    *,
    project: Project,
    form: LogForm,
    save: Callable[[LogForm], object],
    template: str,
    title: str,
    done_message: str,
    done_url: str,
    back_link: dict[str, str],
    **context: Any,
) -> HttpResponse:
    """Validate, call `save(form)`, and show any refusal next to the field."""
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                save(form)
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, done_message)
            return redirect(done_url)
    return page(
        request,
        template,
        title=f"{title}: {project.title}",
        nav="projects",
        project=project,
        form=form,
        heading=title,
        back_link=back_link,
        **context,
    )
