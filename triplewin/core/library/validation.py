"""Validation of one case-study record, whatever file it came from.

JSON gives real lists, objects, numbers and booleans; a CSV cell gives text, with list values
separated by semicolons and repeating groups encoded as in `records.encode_entries`. Every field
accepts both shapes, so the two file formats share one set of rules and one set of messages,
and every problem in a record is reported, not just the first. Every value goes through the
input guard before its own rules, so an NHS number or a control character anywhere in a record
is a problem on that field, and the file imports nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar

from triplewin.core import input_guard
from triplewin.core.library import vocabulary as v
from triplewin.core.library.records import (
    FIELDS,
    PARTS,
    CaseStudyRecord,
    Lesson,
    Outcome,
    Party,
    Problem,
    Source,
    decode_entries,
)

T = TypeVar("T")

TEXT_LIMIT: Final = 8000
MAX_ENTRIES: Final = 20
KEY_PATTERN: Final = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
URL_PATTERN: Final = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)


class _Invalid(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class _Reader:
    raw: Mapping[str, Any]
    warnings: bool = True
    problems: list[Problem] = field(default_factory=list)

    def get(self, name: str, parse: Callable[[Any], T], default: T) -> T:
        refused = _refused(self.raw.get(name), warnings=self.warnings)
        if refused:
            self.problems.extend(Problem(name, message) for message in refused)
            return default
        try:
            return parse(self.raw.get(name))
        except _Invalid as error:
            self.problems.append(Problem(name, error.message))
            return default


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, Mapping):
        return [leaf for key, item in value.items() for leaf in (key, *_leaves(item))]
    if isinstance(value, list | tuple):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def _refused(value: Any, *, warnings: bool) -> list[str]:
    """The input guard on every text and number in a field, entries and their parts included."""
    found: list[str] = []
    for leaf in _leaves(value):
        messages = input_guard.cell_messages(leaf, warnings=warnings)
        found.extend(m for m in messages if m not in found)
    return found


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(limit: int, *, required: str = "") -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if _blank(value):
            if required:
                raise _Invalid(required)
            return ""
        if not isinstance(value, str):
            raise _Invalid("Write this as text.")
        cleaned = value.strip()
        if len(cleaned) > limit:
            raise _Invalid(f"Keep this under {limit:,} characters (it has {len(cleaned):,}).")
        return cleaned

    return parse


def _allowed(vocabulary: v.Vocabulary) -> str:
    return ", ".join(code for code in vocabulary if code)


def _choice(
    vocabulary: v.Vocabulary, *, required: str = "", default: str = ""
) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if _blank(value):
            if required:
                raise _Invalid(required)
            return default
        code = v.code_for(vocabulary, str(value))
        if code is None:
            raise _Invalid(f"'{value}' is not one of: {_allowed(vocabulary)}.")
        return code

    return parse


def _many(vocabulary: v.Vocabulary, *, required: str = "") -> Callable[[Any], tuple[str, ...]]:
    def parse(value: Any) -> tuple[str, ...]:
        items = value if isinstance(value, list) else str(value or "").split(";")
        cleaned = [str(item).strip() for item in items if not _blank(item)]
        if not cleaned:
            if required:
                raise _Invalid(required)
            return ()
        codes: list[str] = []
        for item in cleaned:
            code = v.code_for(vocabulary, item)
            if code is None or not code:
                raise _Invalid(f"'{item}' is not one of: {_allowed(vocabulary)}.")
            if code not in codes:
                codes.append(code)
        return v.in_order(vocabulary, codes)

    return parse


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if _blank(value):
        return False
    text = str(value).strip().casefold()
    if text in {"yes", "y", "true", "1"}:
        return True
    if text in {"no", "n", "false", "0"}:
        return False
    raise _Invalid(f"Write yes or no, not '{value}'.")


def _date(value: Any) -> dt.date | None:
    if _blank(value):
        return None
    try:
        day = dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise _Invalid(f"Write the date as YYYY-MM-DD, like 2023-09-30, not '{value}'.") from None
    problem = input_guard.date_problem(day)
    if problem:
        raise _Invalid(problem)
    return day


def _number(value: Any) -> Decimal | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise _Invalid("Write a number.")
    text = str(value).strip().replace(",", "")
    if text.endswith("%"):
        raise _Invalid(f"Write '{value}' without the % sign and put % in the unit.")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _Invalid(f"'{value}' is not a number.") from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 12:
        raise _Invalid(f"'{value}' is not a number Triple Win can store.")
    return number


def _key(value: Any) -> str:
    if _blank(value):
        return ""
    text = str(value).strip()
    if not KEY_PATTERN.fullmatch(text):
        raise _Invalid(
            "Use lowercase letters, digits and hyphens only (up to 80), like logic-copd."
        )
    return text


def _entries(
    name: str, build: Callable[[Mapping[str, Any], int], T], *, required: str = ""
) -> Callable[[Any], tuple[T, ...]]:
    def parse(value: Any) -> tuple[T, ...]:
        if _blank(value) or value == []:
            if required:
                raise _Invalid(required)
            return ()
        if isinstance(value, str):
            try:
                raw_entries: list[Any] = decode_entries(value, PARTS[name])
            except ValueError as error:
                raise _Invalid(str(error)) from None
        elif isinstance(value, list):
            raw_entries = value
        else:
            raise _Invalid("Give a list of entries.")
        if len(raw_entries) > MAX_ENTRIES:
            raise _Invalid(f"Give at most {MAX_ENTRIES} entries (there are {len(raw_entries)}).")
        built = []
        for number, entry in enumerate(raw_entries, start=1):
            if not isinstance(entry, Mapping):
                raise _Invalid(f"Entry {number} is not an object with {', '.join(PARTS[name])}.")
            unknown = sorted(set(entry) - set(PARTS[name]))
            if unknown:
                raise _Invalid(f"Entry {number} has unknown parts: {', '.join(unknown)}.")
            try:
                built.append(build(entry, number))
            except _Invalid as error:
                raise _Invalid(f"Entry {number}: {error.message}") from None
        return tuple(built)

    return parse


def _part(entry: Mapping[str, Any], name: str, parse: Callable[[Any], T]) -> T:
    try:
        return parse(entry.get(name))
    except _Invalid as error:
        raise _Invalid(f"{name.replace('_', ' ')}: {error.message}") from None


def _party(entry: Mapping[str, Any], _: int) -> Party:
    return Party(
        name=_part(entry, "name", _text(255, required="Give the organisation's name.")),
        sector=_part(entry, "sector", _choice(v.SECTORS, required="Say nhs, industry or other.")),
        contribution=_part(entry, "contribution", _text(2000)),
    )


def _outcome(entry: Mapping[str, Any], _: int) -> Outcome:
    outcome = Outcome(
        measure=_part(entry, "measure", _text(200, required="Say what was measured.")),
        unit=_part(entry, "unit", _text(40)),
        before=_part(entry, "before", _number),
        after=_part(entry, "after", _number),
        period=_part(entry, "period", _text(100)),
        narrative=_part(entry, "narrative", _text(1000)),
    )
    if outcome.before is None and outcome.after is None and not outcome.narrative:
        raise _Invalid("give a before or after figure, or a sentence about the result.")
    return outcome


def _lesson(entry: Mapping[str, Any], _: int) -> Lesson:
    return Lesson(
        lesson=_part(entry, "lesson", _text(2000, required="Write the lesson.")),
        barrier=_part(entry, "barrier", _choice(v.BARRIERS)),
        how_overcome=_part(entry, "how_overcome", _text(2000)),
    )


def _source(entry: Mapping[str, Any], _: int) -> Source:
    url = _part(entry, "url", _text(500, required="Give the link."))
    if not URL_PATTERN.fullmatch(url):
        raise _Invalid(f"url: '{url}' is not a web address starting http:// or https://.")
    return Source(url=url, title=_part(entry, "title", _text(300)))


def parse_record(
    raw: Mapping[str, Any], *, warnings: bool = True
) -> tuple[CaseStudyRecord | None, list[Problem]]:
    """A valid record and no problems, or None and every problem found (never just the first).

    A file cannot confirm the input guard's warnings, so they refuse a record; the editing
    pages pass `warnings=False` because their forms raised them and had them confirmed.
    """
    r = _Reader(raw, warnings=warnings)
    unknown = sorted(k for k in raw if k not in FIELDS)
    r.problems.extend(
        Problem(input_guard.safe_text(str(k)), "This is not a case study field.") for k in unknown
    )
    record = CaseStudyRecord(
        key=r.get("key", _key, ""),
        title=r.get("title", _text(200, required="Give the case study a title."), ""),
        status=r.get("status", _choice(v.STATUSES, required="Say draft or published."), ""),
        summary=r.get("summary", _text(2000, required="Write a short summary."), ""),
        working_type=r.get("working_type", _choice(v.WORKING_TYPES), ""),
        setting=r.get("setting", _choice(v.SETTINGS, required="Say which care setting."), ""),
        nation=r.get("nation", _choice(v.NATIONS, required="Say which nation."), ""),
        region=r.get("region", _choice(v.REGIONS), ""),
        icb=r.get("icb", _text(200), ""),
        therapy_areas=r.get(
            "therapy_areas", _many(v.THERAPY_AREAS, required="Give at least one therapy area."), ()
        ),
        condition=r.get("condition", _text(200), ""),
        interventions=r.get("interventions", _many(v.INTERVENTIONS), ()),
        inequalities_focus=r.get("inequalities_focus", _flag, False),
        inequalities_how=r.get("inequalities_how", _text(TEXT_LIMIT), ""),
        start_date=r.get("start_date", _date, None),
        end_date=r.get("end_date", _date, None),
        dates_approximate=r.get("dates_approximate", _flag, False),
        background=r.get("background", _text(TEXT_LIMIT), ""),
        objectives=r.get("objectives", _text(TEXT_LIMIT, required="Write the objectives."), ""),
        what_was_done=r.get("what_was_done", _text(TEXT_LIMIT), ""),
        outcomes_narrative=r.get("outcomes_narrative", _text(TEXT_LIMIT), ""),
        what_happened_next=r.get(
            "what_happened_next", _choice(v.NEXT_STEPS, default="unknown"), "unknown"
        ),
        what_happened_next_detail=r.get("what_happened_next_detail", _text(TEXT_LIMIT), ""),
        partners=r.get(
            "partners", _entries("partners", _party, required="Name at least one partner."), ()
        ),
        outcomes=r.get("outcomes", _entries("outcomes", _outcome), ()),
        lessons=r.get("lessons", _entries("lessons", _lesson), ()),
        sources=r.get("sources", _entries("sources", _source), ()),
    )
    if record.start_date and record.end_date and record.end_date < record.start_date:
        r.problems.append(Problem("end_date", "The end date is before the start date."))
    if record.region and record.nation not in ("england", ""):
        r.problems.append(
            Problem("region", "Regions are NHS England regions: leave it blank outside England.")
        )
    if record.inequalities_how and not record.inequalities_focus:
        r.problems.append(
            Problem(
                "inequalities_focus",
                "Say yes here if the study describes how it tackled inequalities.",
            )
        )
    return (None, r.problems) if r.problems else (record, [])
