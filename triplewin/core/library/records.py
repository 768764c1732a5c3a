"""One case study as plain data: the shape every import, export and seed shares.

A record's repeating groups (partners, outcomes, lessons, sources) travel in a CSV cell as one
entry per line with parts separated by " | " (see `encode_entries`); in JSON they are lists of
objects. `validation.parse_record` accepts both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final


@dataclass(frozen=True)
class Party:
    name: str
    sector: str
    contribution: str = ""


@dataclass(frozen=True)
class Outcome:
    measure: str
    unit: str = ""
    before: Decimal | None = None
    after: Decimal | None = None
    period: str = ""
    narrative: str = ""


@dataclass(frozen=True)
class Lesson:
    lesson: str
    barrier: str = ""
    how_overcome: str = ""


@dataclass(frozen=True)
class Source:
    url: str
    title: str = ""


@dataclass(frozen=True)
class CaseStudyRecord:
    title: str
    summary: str
    status: str
    setting: str
    nation: str
    therapy_areas: tuple[str, ...]
    objectives: str
    partners: tuple[Party, ...]
    key: str = ""
    working_type: str = ""
    region: str = ""
    icb: str = ""
    condition: str = ""
    interventions: tuple[str, ...] = ()
    inequalities_focus: bool = False
    inequalities_how: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    dates_approximate: bool = False
    background: str = ""
    what_was_done: str = ""
    outcomes_narrative: str = ""
    what_happened_next: str = "unknown"
    what_happened_next_detail: str = ""
    outcomes: tuple[Outcome, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    sources: tuple[Source, ...] = ()


# Column order for files; the nested groups come last because they are the widest.
FIELDS: Final = (
    "key",
    "title",
    "status",
    "summary",
    "working_type",
    "setting",
    "nation",
    "region",
    "icb",
    "therapy_areas",
    "condition",
    "interventions",
    "inequalities_focus",
    "inequalities_how",
    "start_date",
    "end_date",
    "dates_approximate",
    "background",
    "objectives",
    "what_was_done",
    "outcomes_narrative",
    "what_happened_next",
    "what_happened_next_detail",
    "partners",
    "outcomes",
    "lessons",
    "sources",
)
REQUIRED: Final = (
    "title",
    "status",
    "summary",
    "setting",
    "nation",
    "therapy_areas",
    "objectives",
    "partners",
)
PARTS: Final[dict[str, tuple[str, ...]]] = {
    "partners": ("sector", "name", "contribution"),
    "outcomes": ("measure", "unit", "before", "after", "period", "narrative"),
    "lessons": ("barrier", "lesson", "how_overcome"),
    "sources": ("url", "title"),
}


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


def decode_entries(cell: str, parts: Sequence[str]) -> list[dict[str, str]]:
    """One entry per line, parts separated by ' | '; '\\|', '\\n' and '\\\\' are escapes."""
    entries = []
    for number, line in enumerate((ln for ln in cell.splitlines() if ln.strip()), start=1):
        values = [_unescape(p).strip() for p in re.split(r"(?<!\\)\|", line)]
        if len(values) > len(parts):
            raise ValueError(
                f"Entry {number} has {len(values)} parts; it should have at most "
                f"{len(parts)}: {' | '.join(parts)}."
            )
        entries.append(dict(zip(parts, values + [""] * (len(parts) - len(values)), strict=True)))
    return entries


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "\\n")


def encode_entries(entries: Sequence[Mapping[str, str]], parts: Sequence[str]) -> str:
    return "\n".join(" | ".join(_escape(entry.get(p, "")) for p in parts) for entry in entries)


def _plain_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def to_json_ready(record: CaseStudyRecord) -> dict[str, Any]:
    """The record as JSON-ready values, in file column order; it parses back unchanged."""
    values: dict[str, Any] = {
        "key": record.key,
        "title": record.title,
        "status": record.status,
        "summary": record.summary,
        "working_type": record.working_type,
        "setting": record.setting,
        "nation": record.nation,
        "region": record.region,
        "icb": record.icb,
        "therapy_areas": list(record.therapy_areas),
        "condition": record.condition,
        "interventions": list(record.interventions),
        "inequalities_focus": record.inequalities_focus,
        "inequalities_how": record.inequalities_how,
        "start_date": record.start_date.isoformat() if record.start_date else None,
        "end_date": record.end_date.isoformat() if record.end_date else None,
        "dates_approximate": record.dates_approximate,
        "background": record.background,
        "objectives": record.objectives,
        "what_was_done": record.what_was_done,
        "outcomes_narrative": record.outcomes_narrative,
        "what_happened_next": record.what_happened_next,
        "what_happened_next_detail": record.what_happened_next_detail,
        "partners": [
            {"sector": p.sector, "name": p.name, "contribution": p.contribution}
            for p in record.partners
        ],
        "outcomes": [
            {
                "measure": o.measure,
                "unit": o.unit,
                "before": _plain_number(o.before),
                "after": _plain_number(o.after),
                "period": o.period,
                "narrative": o.narrative,
            }
            for o in record.outcomes
        ],
        "lessons": [
            {"barrier": x.barrier, "lesson": x.lesson, "how_overcome": x.how_overcome}
            for x in record.lessons
        ],
        "sources": [{"url": s.url, "title": s.title} for s in record.sources],
    }
    return values


def to_cells(record: CaseStudyRecord) -> dict[str, str]:
    """The record as CSV cells (before any spreadsheet neutralising)."""
    ready = to_json_ready(record)
    cells: dict[str, str] = {}
    for name in FIELDS:
        value = ready[name]
        if name in PARTS:
            cells[name] = encode_entries(
                [{k: "" if x is None else str(x) for k, x in entry.items()} for entry in value],
                PARTS[name],
            )
        elif isinstance(value, list):
            cells[name] = "; ".join(value)
        elif isinstance(value, bool):
            cells[name] = "yes" if value else "no"
        else:
            cells[name] = "" if value is None else str(value)
    return cells


def missing_for_publication(record: CaseStudyRecord) -> list[str]:
    """What a reader of the library needs that this case study does not yet say."""
    missing = []
    if not record.summary:
        missing.append("a summary")
    if not record.objectives:
        missing.append("the objectives")
    if not record.what_was_done:
        missing.append("what was done")
    if not record.therapy_areas:
        missing.append("a therapy area")
    if not any(p.sector == "nhs" for p in record.partners):
        missing.append("an NHS partner")
    if not any(p.sector == "industry" for p in record.partners):
        missing.append("an industry partner")
    if not record.outcomes and not record.outcomes_narrative:
        missing.append("at least one outcome")
    return missing
