"""Small helpers shared by the project views."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from triplewin.partnerships import access
from triplewin.partnerships.models import Project


def actor(request: HttpRequest) -> User:
    """The signed-in user who is making a change; every writing view requires sign-in."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("Sign in first.")
    return user


def require_edit(request: HttpRequest, project: Project) -> None:
    if not access.can_edit(request.user, project):
        raise PermissionDenied(
            "Only the partnership leads of a partner organisation can make changes."
        )


def apply_validation_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError next to the matching field, or at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def page(
    request: HttpRequest, template: str, *, title: str, status: int = 200, **context: Any
) -> HttpResponse:
    has_errors = any(isinstance(v, forms.BaseForm) and v.errors for v in context.values())
    return render(
        request,
        template,
        {"page_title": title, "form_has_errors": has_errors, **context},
        status=400 if has_errors and request.method == "POST" and status == 200 else status,
    )
