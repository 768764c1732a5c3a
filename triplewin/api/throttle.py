"""Request limits for the API, counted in the shared cache by django-ratelimit.

The same library and cache as the verification page's limit (ADR 0015), so every worker
counts against one total: per token for partners, per address for the public endpoints.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited
from ninja.errors import Throttled

from triplewin.api.models import ApiToken


def by_address(request: HttpRequest) -> None:
    if is_ratelimited(
        request, group="api:public", key="ip", rate=settings.API_PUBLIC_RATE, increment=True
    ):
        raise Throttled(60)


def by_token(request: HttpRequest, token: ApiToken) -> None:
    if is_ratelimited(
        request,
        group="api:token",
        key=lambda group, req: token.prefix,
        rate=settings.API_TOKEN_RATE,
        increment=True,
    ):
        raise Throttled(60)
