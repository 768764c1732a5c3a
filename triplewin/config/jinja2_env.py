"""The Jinja2 environment: NHS.UK frontend macros plus a few project globals."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader

from triplewin.config import filters
from triplewin.config.form_fields import error_summary_items, make_field
from triplewin.submissions.once import submission_token


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def oversees(user: Any) -> bool:
    """Whether to offer the oversight dashboard in the navigation."""
    from triplewin.oversight.access import is_oversight_lead

    return is_oversight_lead(user)


def environment(**options: Any) -> Environment:
    loader = options.pop("loader")
    options.pop("undefined", None)
    options.pop("autoescape", None)
    options.setdefault("extensions", [])
    env = Environment(
        loader=ChoiceLoader([loader, PackageLoader("nhsuk_frontend_jinja")]),
        undefined=ChainableUndefined,
        autoescape=True,
        **options,
    )
    env.globals.update(
        {
            "static": static,
            # A directory has no entry in the hashed manifest, so asset folders use the plain URL.
            "static_url": settings.STATIC_URL,
            "url": url,
            "oversees": oversees,
            "get_messages": get_messages,
            "field": make_field(env),
            "error_summary_items": error_summary_items,
            "submission_token": submission_token,
        }
    )
    env.filters.update(filters.FILTERS)
    return env
