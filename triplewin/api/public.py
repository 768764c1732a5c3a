"""Public endpoints, no token: what the register, open data and library already publish.

Each answer is built by the code that builds the public pages and open data files: register
entries are `register.open_data.record`, filtered by `register.filters.Filters` as the
register page filters; nothing private can reach them that the pages do not show.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.db.models import Q
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field, create_model

from triplewin.api import paging
from triplewin.api.problems import Problem, ProblemOut
from triplewin.api.throttle import by_address
from triplewin.core.library.records import CaseStudyRecord
from triplewin.core.lifecycle import State
from triplewin.library import selectors as library
from triplewin.library.models import CaseStudy
from triplewin.partnerships.models import Setting, WorkingType
from triplewin.register import audit_heads, open_data
from triplewin.register.filters import Filters
from triplewin.register.presenters import KPI_RESULT_FIELDS
from triplewin.register.selectors import entries, ordered, published, search

router = Router(tags=["Public register"])

ERRORS: dict[int | tuple[int, ...], Any] = {(400, 404, 422, 429): ProblemOut}
CURSOR = "The next_cursor of the previous page; empty for the first page."
LIMIT = f"Items per page, 1 to {paging.MAX_LIMIT}."


class KpiResultOut(Schema):
    name: str
    category: str
    unit: str
    baseline: str
    latest: str
    target: str
    met: str


assert tuple(KpiResultOut.model_fields) == KPI_RESULT_FIELDS


def _field_type(name: str) -> Any:
    return {"id": int, "kpi_results": list[KpiResultOut]}.get(name, str)


# One field per open data field, with its documentation: the API and the files cannot drift.
RegisterEntryOut: Any = create_model(  # type: ignore[call-overload]
    "RegisterEntry",
    __base__=Schema,
    **{f.name: (_field_type(f.name), Field(description=f.description)) for f in open_data.FIELDS},
)


class PublishedDocument(Schema):
    kind: Literal["outcomes_summary"]
    title: str
    published_on: dt.date
    url: str = Field(description="Where to download the document as certified (PDF).")


class RegisterEntryDetail(RegisterEntryOut):
    documents: list[PublishedDocument]


class RegisterPage(Schema):
    items: list[RegisterEntryOut]
    next_cursor: str | None = Field(
        description="Pass as ?cursor= for the next page; null on the last page."
    )


class RegisterFilters(Schema):
    """The register page's filters, with the same meaning."""

    q: str = Field("", max_length=200, description="Words in the title, text or partners' names.")
    organisation: int | None = Field(None, ge=1, le=2**62, description="A partner's id.")
    company: int | None = Field(None, ge=1, le=2**62, description="A company partner's id.")
    icb: int | None = Field(None, ge=1, le=2**62, description="An ICB, or its system's partners.")
    region: str = Field("", max_length=200, description="A partner's NHS region, by name.")
    setting: Literal["", *Setting.values] = Field(  # type: ignore[valid-type]
        "", description="Where the idea came from."
    )
    therapy_area: str = Field("", max_length=200, description="The clinical area, exactly.")
    type: Literal["", *WorkingType.values] = Field(  # type: ignore[valid-type]
        "", description="cw: collaborative working; jw: joint working."
    )
    status: Literal["", *(s.value for s in State)] = Field(  # type: ignore[valid-type]
        "", description="Where the project is in its lifecycle."
    )
    year: int | None = Field(
        None, ge=1900, le=2999, description="Running in that year, or with transfers in it."
    )
    cursor: str = Field("", max_length=200, description=CURSOR)
    limit: int = Field(paging.DEFAULT_LIMIT, ge=1, le=paging.MAX_LIMIT, description=LIMIT)


def _filters(given: RegisterFilters) -> Filters:
    params = QueryDict(mutable=True)
    for name, value in given.model_dump(exclude={"cursor", "limit"}).items():
        if value not in ("", None):
            params[name] = str(value)
    return Filters.from_params(params)


def _after(cursor: str) -> Q:
    published_on, pk = paging.decode(cursor, parts=2)
    day = paging.day(published_on)
    if day is None or not isinstance(pk, int):
        raise Problem(400, "The cursor is not one this API gave. Start again without a cursor.")
    field = "executive_summary__published_on"
    return Q(**{f"{field}__lt": day}) | Q(**{field: day, "pk__lt": pk})


@router.get(
    "/register",
    response={200: RegisterPage, 304: None, **ERRORS},
    summary="Register entries, newest first",
    auth=None,
)
def register_list(request: HttpRequest, filters: Query[RegisterFilters]) -> HttpResponse:
    by_address(request)
    today = timezone.localdate()
    found = ordered(search(_filters(filters), today))
    if filters.cursor:
        found = found.filter(_after(filters.cursor))
    batch = list(found[: filters.limit + 1])
    more = len(batch) > filters.limit
    batch = batch[: filters.limit]
    items = [open_data.record(e) for e in entries(batch, today)]
    last = batch[-1] if more else None
    next_cursor = (
        paging.encode(last.executive_summary.published_on, last.pk) if last is not None else None
    )
    return paging.conditional(request, {"items": items, "next_cursor": next_cursor})


def _documents(entry: Any) -> list[dict[str, Any]]:
    if not entry.outcomes or entry.outcomes.published_on is None:
        return []
    return [
        {
            "kind": "outcomes_summary",
            "title": f"Summary of project outcomes: {entry.title}",
            "published_on": entry.outcomes.published_on,
            "url": open_data.absolute(entry.outcomes.pdf_path),
        }
    ]


@router.get(
    "/register/{project_id}",
    response={200: RegisterEntryDetail, 304: None, **ERRORS},
    summary="One register entry, with its published outcomes and documents",
    auth=None,
)
def register_entry(request: HttpRequest, project_id: int) -> HttpResponse:
    by_address(request)
    today = timezone.localdate()
    project = ordered(published(today)).filter(pk=project_id).first()
    if project is None:
        raise Problem(404, "No published partnership has that number.")
    (entry,) = entries([project], today, with_kpis=True)
    return paging.conditional(request, {**open_data.record(entry), "documents": _documents(entry)})


OUTCOME_KEYS = ("id", "url", "title", *(f.name for f in open_data.OUTCOMES_FIELDS))

PublishedOutcomesOut: Any = create_model(  # type: ignore[call-overload]
    "PublishedOutcomes",
    __base__=Schema,
    **{
        f.name: (_field_type(f.name), Field(description=f.description))
        for f in open_data.FIELDS
        if f.name in OUTCOME_KEYS
    },
)


class OutcomesPage(Schema):
    items: list[PublishedOutcomesOut]
    next_cursor: str | None


class Page(Schema):
    cursor: str = Field("", max_length=200, description=CURSOR)
    limit: int = Field(paging.DEFAULT_LIMIT, ge=1, le=paging.MAX_LIMIT, description=LIMIT)


@router.get(
    "/outcomes",
    response={200: OutcomesPage, 304: None, **ERRORS},
    summary="Published summaries of project outcomes, newest first",
    auth=None,
)
def outcomes_list(request: HttpRequest, page: Query[Page]) -> HttpResponse:
    by_address(request)
    today = timezone.localdate()
    found = published(today).filter(
        outcomes_summary__published_on__isnull=False,
        outcomes_summary__published_on__lte=today,
    )
    found = ordered(found).order_by("-outcomes_summary__published_on", "-pk")
    if page.cursor:
        published_on, pk = paging.decode(page.cursor, parts=2)
        day = paging.day(published_on)
        if day is None or not isinstance(pk, int):
            raise Problem(400, "The cursor is not one this API gave. Start again without one.")
        found = found.filter(
            Q(outcomes_summary__published_on__lt=day)
            | Q(outcomes_summary__published_on=day, pk__lt=pk)
        )
    batch = list(found[: page.limit + 1])
    more = len(batch) > page.limit
    batch = batch[: page.limit]
    items = []
    for entry in entries(batch, today, with_kpis=True):
        whole = open_data.record(entry)
        items.append({k: whole[k] for k in OUTCOME_KEYS})
    last = entries(batch[-1:], today)[0] if more else None
    next_cursor = (
        paging.encode(last.outcomes.published_on, last.project.pk)
        if last is not None and last.outcomes is not None
        else None
    )
    return paging.conditional(request, {"items": items, "next_cursor": next_cursor})


class CaseStudyOut(Schema):
    id: int
    url: str
    published_at: dt.datetime | None
    study: CaseStudyRecord


class CaseStudyPage(Schema):
    items: list[CaseStudyOut]
    next_cursor: str | None


@router.get(
    "/case-studies",
    response={200: CaseStudyPage, 304: None, **ERRORS},
    summary="Published case studies in the library, in id order",
    auth=None,
)
def case_studies(request: HttpRequest, page: Query[Page]) -> HttpResponse:
    by_address(request)
    found = CaseStudy.objects.published().order_by("pk")
    if page.cursor:
        (after,) = paging.decode(page.cursor, parts=1)
        if not isinstance(after, int):
            raise Problem(400, "The cursor is not one this API gave. Start again without one.")
        found = found.filter(pk__gt=after)
    ids = list(found.values_list("pk", flat=True)[: page.limit + 1])
    more = len(ids) > page.limit
    studies = library.everything_in_order(ids[: page.limit])
    items = [
        CaseStudyOut(
            id=s.pk,
            url=open_data.absolute(reverse("library:detail", args=[s.pk])),
            published_at=s.published_at,
            study=library.as_record(s),
        ).model_dump(mode="json")
        for s in studies
    ]
    next_cursor = paging.encode(ids[page.limit - 1]) if more else None
    return paging.conditional(request, {"items": items, "next_cursor": next_cursor})


AuditHeadOut: Any = create_model(  # type: ignore[call-overload]
    "AuditHead",
    __base__=Schema,
    **{
        f.name: (
            int if f.name in {"sequence", "event_id"} else str,
            Field(description=f.description),
        )
        for f in audit_heads.HEAD_FIELDS
    },
)


class AuditHeadPage(Schema):
    items: list[AuditHeadOut]
    next_cursor: str | None


@router.get(
    "/audit-heads",
    response={200: AuditHeadPage, 304: None, **ERRORS},
    summary="The audit chain's verified daily heads, oldest first",
    auth=None,
)
def audit_chain_heads(request: HttpRequest, page: Query[Page]) -> HttpResponse:
    by_address(request)
    found = audit_heads.verified()
    if page.cursor:
        (after,) = paging.decode(page.cursor, parts=1)
        day = paging.day(after)
        if day is None:
            raise Problem(400, "The cursor is not one this API gave. Start again without one.")
        found = found.filter(day__gt=day)
    batch = list(found[: page.limit + 1])
    more = len(batch) > page.limit
    batch = batch[: page.limit]
    items = [{f.name: f.value(c) for f in audit_heads.HEAD_FIELDS} for c in batch]
    next_cursor = paging.encode(batch[-1].day) if more else None
    return paging.conditional(request, {"items": items, "next_cursor": next_cursor})
