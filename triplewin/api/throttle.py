"""Request limits for the API, counted by the one throttle: allauth's rate limits over the
shared cache (ADR 0032), as sign-in and the verification page are. Every worker counts
against one total: per token for partners' systems, per address for the public endpoints.
The rates are settings.ACCOUNT_RATE_LIMITS["api_token"] and ["api_public"].
"""

from __future__ import annotations

from allauth.core import ratelimit
from django.http import HttpRequest
from ninja.errors import Throttled

from triplewin.api.models import ApiToken


def by_address(request: HttpRequest) -> None:
    if not ratelimit.consume(request, action="api_public"):
        raise Throttled(60)


def by_token(request: HttpRequest, token: ApiToken) -> None:
    if not ratelimit.consume(request, action="api_token", key=token.prefix):
        raise Throttled(60)
