"""Request limits for the API, counted by the one throttle: allauth's rate limits over the
shared cache (ADR 0032), as sign-in and the verification page are. Every worker counts
against one total: per token for partners' systems, per address for the public endpoints.
The rates are settings.ACCOUNT_RATE_LIMITS["api_token"] and ["api_public"].
"""

from __future__ import annotations

from allauth.core.internal import ratelimit
from django.http import HttpRequest
from ninja.errors import Throttled

from triplewin.api.models import ApiToken

# allauth's public `consume` counts only posts; the API's reads count too (`limit_get`).
APP = "allauth.account"


def by_address(request: HttpRequest) -> None:
    if not ratelimit.consume(request, app=APP, action="api_public", limit_get=True):
        raise Throttled(60)


def by_token(request: HttpRequest, token: ApiToken) -> None:
    if not ratelimit.consume(
        request, app=APP, action="api_token", key=token.prefix, limit_get=True
    ):
        raise Throttled(60)
