"""The error page when something fails: 503 while the database is unreachable, else 500.

Django calls `handler500` from inside the `except` block that caught the failure, so the
exception is still at hand. A database that is down, restarting or refusing connections raises
OperationalError or InterfaceError; that is not a fault in the app and it passes, so the user
is told to try again shortly, with a Retry-After for machines (issue 19). Neither page touches
the database or the session: they are plain files rendered without a request context.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again; about a database restart's length.
RETRY_AFTER = 30
UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(error: BaseException | None) -> bool:
    """Whether the failure, or any failure it came from, is the database being out of reach."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, UNAVAILABLE):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request: HttpRequest) -> HttpResponse:
    if database_unavailable(sys.exc_info()[1]):
        logger.warning("database_unavailable", extra={"path": request.path})
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)
