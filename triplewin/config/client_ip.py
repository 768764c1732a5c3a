"""The address a request came from, for throttling sign-ins and the verification page.

Without a proxy it is REMOTE_ADDR. Behind a reverse proxy every request seems to come from the
proxy, so `CLIENT_IP_HEADER` names the header the proxy writes the client's address into. Only
the right-most address counts: that is the one our own proxy added, while anything to its left
came from the client and could be made up to dodge the limit.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    header: str | None = getattr(settings, "CLIENT_IP_HEADER", None)
    if header:
        found = _address(request.META.get(header, "").split(",")[-1])
        if found:
            return found
    # A request with no usable address (a Unix socket, say) still needs a key, or it would
    # escape every limit: all such requests share one.
    return _address(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104
