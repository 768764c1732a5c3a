"""The public register: search and filters, one partnership, one organisation, about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from markupsafe import Markup

from triplewin.config.pagination import paginate, paginate_counted
from triplewin.documents.views._shared import download
from triplewin.executive_summary.website import live_pages
from triplewin.organisations.models import Organisation
from triplewin.partnerships.views._helpers import page
from triplewin.register import caching, certified
from triplewin.register.cards import cards
from triplewin.register.filters import Filters, Options, options, selects
from triplewin.register.presenters import flow_rows, grand_total
from triplewin.register.selectors import entries, ordered, published, search_page
from triplewin.transfers.models import TransferOfValue
from triplewin.transfers.selectors import grouped

PAGE_SIZE = 20


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str
    remove_href: str


FILTER_LABELS = (
    ("organisation", "organisations", "Organisation"),
    ("company", "companies", "Company"),
    ("icb", "icbs", "ICB"),
    ("region", "regions", "Region"),
    ("setting", "settings", "Setting"),
    ("therapy_area", "therapy_areas", "Therapy area"),
    ("type", "types", "Type"),
    ("status", "statuses", "Status"),
    ("year", "years", "Year"),
)


def _active(filters: Filters, opts: Options) -> list[ActiveFilter]:
    found = []
    if filters.q:
        found.append(ActiveFilter("Search", filters.q, "?" + filters.query_string(q="")))
    for name, choices, label in FILTER_LABELS:
        value = getattr(filters, name)
        shown = opts.label(choices, value) if value else ""
        if name == "therapy_area" and value and not shown:
            shown = next(
                (c.label for c in opts.therapy_areas if c.value.lower() == value.lower()), ""
            )
        if shown:
            found.append(ActiveFilter(label, shown, "?" + filters.query_string(**{name: ""})))
    return found


def _body(request: HttpRequest, filters: Filters, today: dt.date) -> str:
    opts = caching.cached(
        caching.key("options", today.isoformat()), lambda: options(published(today), today)
    )
    page_obj, pagination = paginate_counted(
        request,
        lambda offset, limit: search_page(filters, today, offset, limit),
        PAGE_SIZE,
    )
    return render_to_string(
        "register/_body.jinja",
        {
            "filters": filters,
            "selects": selects(filters, opts),
            "cards": cards(list(page_obj), today),
            "active": _active(filters, opts),
            "query": filters.q,
            "pagination": pagination,
            "total": page_obj.paginator.count,
        },
        request,
    )


def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    filters = Filters.from_params(request.GET)
    body = caching.cached(
        caching.key("index", today.isoformat(), request.get_full_path()),
        lambda: _body(request, filters, today),
    )
    # Rendered by our own autoescaping template, so already safe.
    content = Markup(body)  # noqa: S704
    return page(
        request,
        "register/index.jinja",
        title="Public register of partnerships",
        nav="register",
        body=content,
    )


def _entry_body(request: HttpRequest, pk: int, today: dt.date) -> tuple[str, str] | None:
    """One published partnership's page content and title, or None if none has that number."""
    project = ordered(published(today)).filter(pk=pk).first()
    if project is None:
        return None
    (found,) = entries([project], today, with_kpis=True)
    flows = grouped(
        TransferOfValue.objects.filter(project=project), "year", "recipient_id", "recipient__name"
    )
    body = render_to_string(
        "register/_entry_body.jinja",
        {
            "e": found,
            "flows": flow_rows(flows, name="recipient__name", pk="recipient_id"),
            "pages": live_pages(project, today),
        },
        request,
    )
    return found.title, body


def entry(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    # Public by definition, like the results pages: kept for a minute (register/caching.py).
    found = caching.cached(
        caching.key("entry", today.isoformat(), str(pk)), lambda: _entry_body(request, pk, today)
    )
    if found is None:
        raise Http404("No published partnership has that number.")
    title, body = found
    return page(
        request,
        "register/entry.jinja",
        title=title,
        nav="register",
        # Rendered by our own autoescaping template, so already safe.
        body=Markup(body),  # noqa: S704
        back_link={"href": reverse("register:index"), "text": "Back to the register"},
    )


def outcomes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The certified PDF of a published summary of outcomes: the frozen bytes, nothing else."""
    today = timezone.localdate()
    project = published(today).filter(pk=pk).first()
    copy = certified.certified_outcomes_copy(project, today) if project else None
    if copy is None:
        raise Http404("No published summary of outcomes has that number.")
    return download(
        bytes(copy.pdf),
        filename=f"triplewin-{pk}-summary-of-outcomes.pdf",
        content_type="application/pdf",
    )


def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    org = Organisation.objects.select_related("system").filter(pk=pk).first()
    projects = ordered(published(today).filter(partners__organisation_id=pk))
    # An organisation is public only through a published partnership.
    if org is None or not projects.exists():
        raise Http404("No organisation on the register has that number.")
    public = TransferOfValue.objects.public(today)
    if org.is_pharmaceutical:
        other = "recipient"
        flows = grouped(public.filter(company=org), "year", "recipient_id", "recipient__name")
    else:
        other = "company"
        flows = grouped(public.filter(recipient=org), "year", "company_id", "company__name")
    page_obj, pagination = paginate(request, projects.values_list("pk", flat=True), PAGE_SIZE)
    return page(
        request,
        "register/organisation.jinja",
        title=org.name,
        nav="register",
        org=org,
        cards=cards(list(page_obj), today),
        pagination=pagination,
        total=page_obj.paginator.count,
        flows=flow_rows(flows, name=f"{other}__name", pk=f"{other}_id"),
        flows_heading="Transfers of value made"
        if org.is_pharmaceutical
        else "Transfers of value received",
        other_label="To" if org.is_pharmaceutical else "From",
        grand=grand_total(flows),
        back_link={"href": reverse("register:index"), "text": "Back to the register"},
    )


def about(request: HttpRequest) -> HttpResponse:
    return page(request, "register/about.jinja", title="About Triple Win", nav="register")
