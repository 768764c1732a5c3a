"""Sign in and sign out, on Django's own auth views with NHS.UK templates.

Failed sign-ins are counted by django-axes (settings, ADR 0015); `locked_out` is the page it
answers with, for this sign-in and the admin's alike.
"""

from __future__ import annotations

from typing import Any

from axes.helpers import get_cool_off
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from triplewin.accounts.forms import SignInForm
from triplewin.accounts.throttling import duration


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.jinja"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(page_title="Sign in", nav="sign-in", form_has_errors=bool(form.errors))
        return context


class SignOutView(auth_views.LogoutView):
    pass


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """Too many failed sign-ins: say so plainly, and for how long (429 Too Many Requests)."""
    cool_off = get_cool_off(request)
    return render(
        request,
        "accounts/locked_out.jinja",
        {"page_title": "Too many failed sign-ins", "nav": "sign-in", "wait": duration(cool_off)},
        status=429,
    )
