"""The Jinja2 environment: NHS.UK frontend macros plus a few project globals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader, Undefined
from markupsafe import Markup, escape

from triplewin.config import filters
from triplewin.config.form_fields import error_summary_items, make_field
from triplewin.core import glossary
from triplewin.core.input_guard import safe_text
from triplewin.submissions.once import submission_token


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def term(slug: str, text: str | None = None) -> Markup:
    """A link to a word's entry in the glossary, for the first place a page uses it."""
    entry = glossary.lookup(slug)
    href = escape(f"{reverse('guide:glossary')}#{entry.slug}")
    return Markup('<a class="tw-term" href="{}">{}</a>').format(href, text or entry.term)


def oversees(user: Any) -> bool:
    """Whether to offer the oversight dashboard in the navigation."""
    from triplewin.oversight.access import is_oversight_lead

    return is_oversight_lead(user)


def manages_people(user: Any) -> bool:
    """Whether to offer the people pages in the navigation (organisation administrators)."""
    from triplewin.organisations import access

    return access.manages_people(user)


def safe_output(value: Any) -> Any:
    """Every value a template prints: stored text loses control characters, and an NHS number
    stored before the input guard existed is masked (ADR 0011).

    Markup is left alone: it is either the output of a template, cleaned here as it was made,
    or HTML built in code from escaped parts. Numbers and dates cannot hold either.
    """
    if value is None or hasattr(value, "__html__") or isinstance(value, Undefined):
        return value
    if isinstance(value, int | float | Decimal | dt.date):
        return value
    # type(), not isinstance: a lazy object (the CSP nonce) passes isinstance(str) as the
    # string it will become, but is not one until str() makes it.
    return safe_text(value if type(value) is str else str(value))


def environment(**options: Any) -> Environment:
    loader = options.pop("loader")
    options.pop("undefined", None)
    options.pop("autoescape", None)
    options.setdefault("extensions", [])
    env = Environment(
        loader=ChoiceLoader([loader, PackageLoader("nhsuk_frontend_jinja")]),
        undefined=ChainableUndefined,
        autoescape=True,
        finalize=safe_output,
        **options,
    )
    env.globals.update(
        {
            "static": static,
            # A directory has no entry in the hashed manifest, so asset folders use the plain URL.
            "static_url": settings.STATIC_URL,
            "url": url,
            "oversees": oversees,
            "manages_people": manages_people,
            "term": term,
            "get_messages": get_messages,
            "field": make_field(env),
            "error_summary_items": error_summary_items,
            "submission_token": submission_token,
        }
    )
    env.filters.update(filters.FILTERS)
    return env
