"""Two-factor first: a person whose roles need it sets it up before anything else (ADR 0032)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from triplewin.accounts import two_factor

# What such a person may still reach: signing out, the two-factor and password pages (setting
# up TOTP asks for the password again), and the files those pages need. The health and metrics
# endpoints answer machines, not people, so they are never redirected (ADR 0037).
ALLOWED_PREFIXES = (
    "/accounts/",
    settings.STATIC_URL,
    "/health/",
    "/metrics",
)
SET_UP_FIRST = (
    "Your role needs two-factor authentication. Set it up with an authenticator app before "
    "you carry on."
)


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(ALLOWED_PREFIXES) and two_factor.missing(request.user):
            messages.info(request, SET_UP_FIRST)
            return redirect("mfa_activate_totp")
        return self.get_response(request)
