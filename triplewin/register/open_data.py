"""The register as open data: one record per published partnership, as CSV and JSON.

FIELDS documents every field; the fields page, the CSV header and the JSON keys all come
from it, so the documentation cannot drift from the files. The Atom feed is in `register.feed`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse

from triplewin.core.input_guard import safe_text
from triplewin.core.obligations import Kind
from triplewin.outcomes.selectors import FIELD_LABELS as OUTCOMES_LABELS
from triplewin.outcomes.selectors import TEXT_FIELDS as OUTCOMES_TEXT
from triplewin.register.presenters import KPI_RESULT_FIELDS, RegisterEntry
from triplewin.register.selectors import all_entries


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def entry_url(pk: int) -> str:
    # reverse() once rather than once per row: the whole register has thousands of rows.
    return _entry_prefix(settings.SITE_URL) + f"{pk}/"


@functools.lru_cache(maxsize=4)
def _entry_prefix(site_url: str) -> str:
    return site_url.rstrip("/") + reverse("register:entry", args=[1]).removesuffix("1/")


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _obligation(entry: RegisterEntry, kind: Kind) -> tuple[str, str]:
    """(due date, status) of the entry's single obligation of this kind."""
    found = entry.of_kind(kind)
    if not found:
        return "", ""
    return _date(found[0].due_on), found[0].status.value


def _tov_by_year(entry: RegisterEntry) -> str:
    return "; ".join(f"{y.year}: {y.total_value:.2f}" for y in entry.years())


def _disclosures(entry: RegisterEntry) -> str:
    return "; ".join(f"{o.year}: {o.status.value}" for o in entry.of_kind(Kind.DISCLOSURE))


@dataclass(frozen=True)
class Field:
    name: str
    description: str
    value: Callable[[RegisterEntry], Any]
    # The JSON file's value, where it is richer than the CSV cell (a list of objects).
    structured: Callable[[RegisterEntry], Any] | None = None


def _summary(name: str) -> Callable[[RegisterEntry], Any]:
    return lambda e: getattr(e.summary, name)


def _outcomes(name: str) -> Callable[[RegisterEntry], Any]:
    return lambda e: getattr(e.outcomes.summary, name) if e.outcomes else ""


def _outcomes_name(name: str) -> str:
    return name if name.startswith("outcomes_") else f"outcomes_{name}"


def _outcomes_pdf(entry: RegisterEntry) -> str:
    return absolute(entry.outcomes.pdf_path) if entry.outcomes else ""


def _kpi_text(entry: RegisterEntry) -> str:
    return " | ".join(k.as_text() for k in entry.outcomes.kpi_results) if entry.outcomes else ""


def _kpi_objects(entry: RegisterEntry) -> list[dict[str, str]]:
    if not entry.outcomes:
        return []
    return [{n: getattr(k, n) for n in KPI_RESULT_FIELDS} for k in entry.outcomes.kpi_results]


OUTCOMES_FIELDS: tuple[Field, ...] = (
    Field(
        "outcomes_published_on",
        "The day the summary of outcomes was published (YYYY-MM-DD); empty until it is.",
        lambda e: _date(e.outcomes.published_on) if e.outcomes else "",
    ),
    Field(
        "outcomes_pdf",
        "Where to download the summary of outcomes as certified (PDF); empty until it is published.",
        _outcomes_pdf,
    ),
    *(
        Field(
            _outcomes_name(name),
            f"Summary of outcomes, as published: {OUTCOMES_LABELS[name].lower()}",
            _outcomes(name),
        )
        for name in OUTCOMES_TEXT
    ),
    Field(
        "kpi_results",
        "Each shared KPI's result with the summary of outcomes: name, unit, baseline, latest "
        "value, target and whether it was met. In the CSV, one KPI after another separated by "
        "' | '; in the JSON, a list of objects with the keys "
        + ", ".join(KPI_RESULT_FIELDS)
        + ". Empty until the summary of outcomes is published.",
        _kpi_text,
        _kpi_objects,
    ),
)


FIELDS: tuple[Field, ...] = (
    Field("id", "Triple Win's number for the partnership; stable.", lambda e: e.pk),
    Field(
        "url",
        "The partnership's page on the public register.",
        lambda e: entry_url(e.pk),
    ),
    Field(
        "title",
        "The title as certified and published in the executive summary (the project's own "
        "title where the summary was recorded without one).",
        lambda e: e.title,
    ),
    Field(
        "type",
        "cw (collaborative working), jw (joint working) or empty if not stated.",
        lambda e: e.project.intended_type,
    ),
    Field(
        "status",
        "Where the project is in its lifecycle, for example in_delivery or completed.",
        lambda e: e.project.state,
    ),
    Field(
        "setting",
        "Where the idea came from: primary, secondary or system.",
        lambda e: e.project.origin_setting,
    ),
    Field(
        "therapy_area", "The clinical area, as the partners describe it.", lambda e: e.therapy_area
    ),
    Field(
        "partners",
        "Every partner organisation, separated by semicolons.",
        lambda e: "; ".join(e.partners),
    ),
    Field(
        "nhs_partners",
        "The NHS partner organisations, separated by semicolons.",
        lambda e: "; ".join(e.nhs_partners),
    ),
    Field(
        "companies",
        "The pharmaceutical company partners, separated by semicolons.",
        lambda e: "; ".join(e.companies),
    ),
    Field(
        "start_date",
        "Actual start date, or the planned one if delivery has not started (YYYY-MM-DD).",
        lambda e: _date(e.start),
    ),
    Field("end_date", "Actual end date, or the planned one (YYYY-MM-DD).", lambda e: _date(e.end)),
    Field(
        "summary_published_on",
        "The day the executive summary was published (YYYY-MM-DD).",
        lambda e: _date(e.published_on),
    ),
    Field("summary_title", "The executive summary's title.", _summary("title")),
    Field("rationale", "Why the project exists.", _summary("rationale")),
    Field("objectives", "What it aims to achieve.", _summary("objectives")),
    Field("benefits_patients", "Intended benefits to patients.", _summary("benefits_patients")),
    Field("benefits_nhs", "Intended benefits to the NHS.", _summary("benefits_nhs")),
    Field("benefits_industry", "Intended benefits to industry.", _summary("benefits_industry")),
    Field("period", "The period as written in the summary.", _summary("period")),
    Field(
        "financial_arrangements",
        "Financial arrangements as written in the summary.",
        _summary("financial_arrangements"),
    ),
    Field(
        "publication_plans",
        "How and where results will be published.",
        _summary("publication_plans"),
    ),
    Field("contacts", "Accountable contacts for each organisation.", _summary("contacts")),
    Field("roles", "Roles and responsibilities.", _summary("roles")),
    Field(
        "summary_before_start",
        "yes if the summary was published on or before the start date, no if after, empty if no start date is recorded.",
        lambda e: {"met": "yes", "met_late": "no"}.get(_obligation(e, Kind.SUMMARY)[1], ""),
    ),
    Field(
        "outcomes_due_on",
        "When the summary of outcomes is due: six months after delivery ends (YYYY-MM-DD; empty while delivery runs).",
        lambda e: _obligation(e, Kind.OUTCOMES)[0],
    ),
    Field(
        "outcomes_status",
        "not_yet_due, due, overdue, met or met_late.",
        lambda e: _obligation(e, Kind.OUTCOMES)[1],
    ),
    *OUTCOMES_FIELDS,
    Field(
        "tov_total",
        "All transfers of value on the project, money plus benefits in kind, in pounds.",
        lambda e: f"{e.tov_total.total:.2f}",
    ),
    Field(
        "tov_money", "The money part of tov_total, in pounds.", lambda e: f"{e.tov_total.money:.2f}"
    ),
    Field(
        "tov_benefits_in_kind",
        "The benefits-in-kind part of tov_total, in pounds.",
        lambda e: f"{e.tov_total.benefits:.2f}",
    ),
    Field(
        "tov_by_year",
        "Total per calendar year, as year: pounds, separated by semicolons.",
        _tov_by_year,
    ),
    Field(
        "disclosures",
        "Disclosure UK status per year with transfers (due by 30 June the following year), as year: status.",
        _disclosures,
    ),
)
HEADER = tuple(f.name for f in FIELDS)


def _safe(value: Any) -> Any:
    # Public output: no control characters (JSON and XML readers choke) or NHS numbers.
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, list):
        return [_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _safe(v) for k, v in value.items()}
    return value


def record(entry: RegisterEntry) -> dict[str, Any]:
    return {f.name: _safe((f.structured or f.value)(entry)) for f in FIELDS}


def csv_rows(today: dt.date) -> Iterator[list[Any]]:
    for entry in all_entries(today):
        yield [f.value(entry) for f in FIELDS]


def json_chunks(today: dt.date) -> Iterator[str]:
    head = {
        "generated_on": today.isoformat(),
        "source": absolute(reverse("register:index")),
        "fields": absolute(reverse("register:open-data")),
    }
    yield json.dumps(head)[:-1] + ', "partnerships": ['
    first = True
    for entry in all_entries(today):
        yield ("" if first else ",\n") + json.dumps(record(entry), ensure_ascii=False)
        first = False
    yield "]}\n"
