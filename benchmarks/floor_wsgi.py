"""The app as production serves it, plus one trivial view: the framework floor for `scale`.

`benchmarks/scale.py` asks what share of the machine the cached register home page gets
compared with the least a Django request can cost here. That least is a view that does nothing
but return "ok", reached through everything else a real request goes through: the same
settings (production mode), the same middleware (sessions, CSRF, allauth, two-factor, CSP,
structured logs, Prometheus), the same gunicorn.conf.py and worker count, in the same
processes and at the same moment as the pages it is compared with.

Why the app's own servers rather than a separate one: a third gunicorn with its own workers
would compete differently for the two CPUs, and its numbers would not be comparable. So the two
app servers in the benchmark run this module instead of `triplewin.config.wsgi`; its URL list is
the app's, unchanged, with `/_floor/` in front. The one extra pattern costs the app's pages a
single failed regular-expression match each, which nothing can measure. Production never
imports this module.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "triplewin.config.settings")
application = get_wsgi_application()


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def _urlpatterns() -> list[URLPattern | URLResolver]:
    from triplewin.config import urls

    return [path("_floor/", floor), *urls.urlpatterns]


urlpatterns = _urlpatterns()
handler500 = "triplewin.monitoring.errors.server_error"

# Set once, in gunicorn's master before it forks (preload_app), never while a request runs.
settings.ROOT_URLCONF = __name__
