"""Sign in and sign out, on django-allauth's views with NHS.UK templates (ADR 0032).

Failed sign-ins are counted by allauth's `login_failed` limit in the shared cache; a locked
sign-in is answered with our own page (429), for the admin too, whose sign-in is this one.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from allauth.account import views as allauth_views
from allauth.socialaccount.providers.openid_connect import views as openid_connect_views
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST
from requests import RequestException

from triplewin.accounts.adapters import PROVIDER_DOWN, refused
from triplewin.accounts.models import IdentityProvider
from triplewin.accounts.throttling import cool_off, duration, locked


class SignInView(allauth_views.LoginView):
    template_name = "accounts/sign_in.jinja"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        response = super().dispatch(request, *args, **kwargs)
        # A provider's button posts here and is redirected to the provider: browsers check the
        # whole chain against form-action, so the policy names each enabled provider's origin.
        origins = sorted({origin(p.issuer) for p in providers()})
        if origins:
            response._csp_update = {"form-action": origins}
        return response

    def form_invalid(self, form: Form) -> HttpResponse:
        if locked(form):
            return locked_out(self.request)
        response: HttpResponse = super().form_invalid(form)
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(
            page_title="Sign in",
            nav="sign-in",
            form_has_errors=bool(form.errors),
            next=context.get("redirect_field_value") or "",
            providers=providers(),
        )
        return context


class SignOutView(allauth_views.LogoutView):
    pass


def locked_out(request: HttpRequest) -> HttpResponse:
    """Too many failed sign-ins: say so plainly, and for how long (429 Too Many Requests)."""
    return render(
        request,
        "accounts/locked_out.jinja",
        {"page_title": "Too many failed sign-ins", "nav": "sign-in", "wait": duration(cool_off())},
        status=429,
    )


@require_POST
def sso_start(request: HttpRequest, slug: str) -> HttpResponse:
    """Send the person to their organisation's provider; say so plainly if it does not answer.

    allauth fetches the provider's discovery document here and would fail with a server error
    when the provider is down.
    """
    provider = get_object_or_404(IdentityProvider, slug=slug, enabled=True)
    try:
        response: HttpResponse = openid_connect_views.login(request, provider_id=provider.slug)
    except RequestException:
        return refused(request, PROVIDER_DOWN, status=502)
    return response


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def providers() -> list[IdentityProvider]:
    return list(IdentityProvider.objects.filter(enabled=True).select_related("organisation"))
