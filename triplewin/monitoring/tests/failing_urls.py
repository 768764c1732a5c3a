"""The site's URLs plus views that fail the ways a database outage makes them fail."""

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path

from triplewin.config.urls import handler500
from triplewin.config.urls import urlpatterns as site


def refused(request: HttpRequest) -> HttpResponse:
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: refused')


def closed(request: HttpRequest) -> HttpResponse:
    raise InterfaceError("connection already closed")


def wrapped(request: HttpRequest) -> HttpResponse:
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError as error:
        raise RuntimeError("could not render the page") from error


def broken(request: HttpRequest) -> HttpResponse:
    raise ZeroDivisionError("a bug, not an outage")


urlpatterns = [
    path("fail/refused/", refused),
    path("fail/closed/", closed),
    path("fail/wrapped/", wrapped),
    path("fail/broken/", broken),
    *site,
]
__all__ = ["handler500", "urlpatterns"]
