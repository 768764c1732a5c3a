"""The input guard: what may never be stored, what must be confirmed, and safe output.

The guidance says companies have no access to identifiable patient data, and everything a
partnership records here is seen by its company partners and may end up published. So text
is inspected before it is stored (every form, admin page and imported file calls
`inspect_text`) and again on the way out (`safe_text`, for exports and documents), where
data stored before the guard existed is masked instead.

What is inspected, and why (ADR 0011 gives the reasoning):

- NHS numbers block the save. Only numbers whose check digit is right count (the `nhs-number`
  package decides), so an ordinary ten-digit figure passes. The usual written forms are
  recognised: run together, in groups of 3-3-4 with spaces or dashes.
- Control characters (BEL, ESC and the like) block the save: nobody types them on purpose,
  and Word and spreadsheet files cannot carry them. Tabs and line breaks are ordinary text.
- A date introduced as a date of birth, and a full postcode beside a person's name, are
  warnings the person saving must confirm: each can identify a patient, but each also has
  honest uses, so a cue is required before either fires.

Plain Python: no Django here.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from nhs_number.validate import is_valid as nhs_number_is_valid


class Kind(StrEnum):
    NHS_NUMBER = "nhs_number"
    CONTROL_CHARACTER = "control_character"
    DATE_OF_BIRTH = "date_of_birth"
    POSTCODE = "postcode"


class Severity(StrEnum):
    # The save is refused.
    BLOCK = "block"
    # The save waits until the person confirms the text is not about a patient.
    WARN = "warn"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    severity: Severity
    # What was found, with the identifying part masked, so the message never repeats it.
    excerpt: str
    message: str
    start: int
    end: int

    @property
    def blocks(self) -> bool:
        return self.severity is Severity.BLOCK


# What refuses a save outright; the other kinds are warnings to confirm.
BLOCKING = frozenset({Kind.NHS_NUMBER, Kind.CONTROL_CHARACTER})


def _found(kind: Kind, excerpt: str, message: str, start: int, end: int) -> Finding:
    severity = Severity.BLOCK if kind in BLOCKING else Severity.WARN
    return Finding(kind, severity, excerpt, message, start, end)


def strings(value: object) -> Iterator[str]:
    """Every string inside a value: itself, or the keys and items of a mapping or list."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from strings(item)


# Where an NHS number may not be stored: said once so every message gives the same reason.
WHY = (
    "Identifiable patient data must never be recorded here: company partners can see it, "
    "and it can end up in documents and published case studies."
)
ANONYMISED = (
    'Describe patients in anonymised, aggregated terms instead, such as "a patient in their '
    '70s" or "12 patients".'
)

# --- NHS numbers --------------------------------------------------------------------------

# A separator between the 3-3-4 groups: a space (ordinary or non-breaking), a hyphen or a
# dash. Letters or digits right beside the number mean it is part of a longer code.
_SEP = "[ \u00a0\u202f\\-\u2010\u2011\u2012\u2013]"
NHS_NUMBER = re.compile(
    rf"(?<![0-9A-Za-z])(?:[0-9]{{10}}|[0-9]{{3}}{_SEP}[0-9]{{3}}{_SEP}[0-9]{{4}})(?![0-9A-Za-z])"
)


def _digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


def mask_nhs_number(digits: str) -> str:
    """'943 *** **19': enough to find the number in one's own records, not enough to use."""
    return f"{digits[:3]} *** **{digits[-2:]}"


def _nhs_numbers(text: str) -> Iterator[re.Match[str]]:
    for match in NHS_NUMBER.finditer(text):
        if nhs_number_is_valid(_digits(match.group())):
            yield match


def _nhs_number_findings(text: str) -> Iterator[Finding]:
    for match in _nhs_numbers(text):
        excerpt = mask_nhs_number(_digits(match.group()))
        yield _found(
            Kind.NHS_NUMBER,
            excerpt,
            f"This looks like an NHS number: {excerpt}. {WHY} {ANONYMISED}",
            match.start(),
            match.end(),
        )


# --- Control characters -------------------------------------------------------------------

# C0 and C1 controls except tab, line feed and carriage return (ordinary text), lone surrogates,
# and U+FFFE and U+FFFF, which are not characters at all: XML (so Word and XLSX) refuses them.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
CONTROL_NAMES = {
    "\x00": "null",
    "\x07": "bell",
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1b": "escape",
    "\x7f": "delete",
}


def is_forbidden_character(char: str) -> bool:
    """A control character, a lone surrogate or a noncharacter: none of them is text."""
    return FORBIDDEN.fullmatch(char) is not None


def _character_name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = CONTROL_NAMES.get(char)
    return f"{name}, {code}" if name else code


def _control_findings(text: str) -> Iterator[Finding]:
    for match in FORBIDDEN.finditer(text):
        index, excerpt = match.start(), _character_name(match.group())
        yield _found(
            Kind.CONTROL_CHARACTER,
            excerpt,
            (
                f"This contains a hidden control character ({excerpt}) at character "
                f"{index + 1}. It usually arrives when text is copied from another "
                "program, and it would break downloads and documents. Delete it, or "
                "retype the words around it."
            ),
            index,
            index + 1,
        )


# --- Dates of birth -----------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_FULL_DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
# A cue that the date is somebody's birthday. Without one a date is just a date: minutes and
# plans are full of them, often beside a person's name.
DATE_OF_BIRTH = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|born(?:\s+on)?)"
    rf"\s*[:\-\u2013]?\s*(?P<date>{_FULL_DATE})(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_YEAR_AT_END = re.compile(r"(\d{2,4})\D*$")


def _mask_date(date: str) -> str:
    year = _YEAR_AT_END.search(date)
    return f"** ** {year.group(1)}" if year else "** ** ****"


def _date_of_birth_findings(text: str) -> Iterator[Finding]:
    for match in DATE_OF_BIRTH.finditer(text):
        date = match.group("date")
        if date[:4].isdigit() and len(date) > 4 and date[4] == "-":
            excerpt = f"**-**-{date[:4]}"
        else:
            excerpt = _mask_date(date)
        yield _found(
            Kind.DATE_OF_BIRTH,
            excerpt,
            (
                f"This looks like a date of birth: {excerpt}. A date of birth can identify a "
                "patient, and company partners can see this. If it is about a patient, "
                'remove it and give an age band instead, such as "in their 70s".'
            ),
            match.start(),
            match.end(),
        )


# --- Postcodes beside names ---------------------------------------------------------------

# A full UK postcode (outward and inward code), in capitals as written on envelopes.
POSTCODE = re.compile(
    r"(?<![0-9A-Za-z])(?P<outward>[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKPSTUW]?)"
    r"[ \u00a0]?(?P<inward>[0-9][ABD-HJLNP-UW-Z]{2})(?![0-9A-Za-z])"
)
# A person's name: a title used for members of the public followed by a capitalised word, or
# "patient" followed by a capitalised name. Organisation names and addresses have neither,
# which keeps a trust's address from raising a warning. Dr and Prof are left out: staff are
# named with their workplace address all the time.
PERSON = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+[A-Z][A-Za-z'\u2019\-]+"
    r"|[Pp]atient\s*:?\s+[A-Z][a-z'\u2019\-]+(?:\s+[A-Z][A-Za-z'\u2019\-]+)?)"
)
# How far apart a name and a postcode may sit, on the same line, to count as "beside".
NEARBY = 80


def _postcode_findings(text: str) -> Iterator[Finding]:
    for match in POSTCODE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end == -1 else line_end
        window = text[max(line_start, match.start() - NEARBY) : min(line_end, match.end() + NEARBY)]
        if not PERSON.search(window):
            continue
        excerpt = f"{match.group('outward')} ***"
        yield _found(
            Kind.POSTCODE,
            excerpt,
            (
                f"This looks like a full postcode beside a person's name: {excerpt}. Together "
                "they can identify a patient, and company partners can see this. If it is "
                "about a patient, keep only the area (the first half, like "
                f"{match.group('outward')}) and leave out the name."
            ),
            match.start(),
            match.end(),
        )


# --- The engine ---------------------------------------------------------------------------


def inspect_text(text: str) -> list[Finding]:
    """Everything in `text` that blocks a save or needs confirming, in order of position."""
    if not text:
        return []
    findings = [
        *_nhs_number_findings(text),
        *_control_findings(text),
        *_date_of_birth_findings(text),
        *_postcode_findings(text),
    ]
    return sorted(findings, key=lambda f: (f.start, f.kind))


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.blocks]


def warnings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not f.blocks]


def messages(findings: list[Finding], *, limit: int = 3) -> list[str]:
    """One message per finding, the same message once, at most `limit` of them.

    A pasted list of twenty NHS numbers needs one clear message, not twenty.
    """
    seen: list[str] = []
    for finding in findings:
        if finding.message not in seen:
            seen.append(finding.message)
    if len(seen) > limit:
        return [*seen[:limit], f"There are {len(seen) - limit} more like these."]
    return seen


# What a warning adds where the person can confirm it (a form), and where they cannot (a file).
CONFIRM_ADVICE = "If it is not about a patient, tick the box below to confirm, then save again."
FILE_ADVICE = (
    "A file cannot carry that confirmation: if it is not about a patient, reword the cell "
    "and upload the file again."
)


def with_advice(findings: list[Finding], advice: str) -> list[Finding]:
    """Warnings with the advice for where they are shown; refusals stay as they are."""
    return [f if f.blocks else replace(f, message=f"{f.message} {advice}") for f in findings]


def cell_messages(value: object, *, warnings: bool = True) -> list[str]:
    """What refuses one cell of an imported file: everything the guard finds.

    Numbers are read as their digits, so an NHS number saved as a number is still found.
    `warnings=False` leaves warnings out, for a caller whose form already raised them and
    had them confirmed.
    """
    if value is None or isinstance(value, bool | dt.date):
        return []
    found = inspect_text(str(value))
    if not warnings:
        found = blocking(found)
    return messages(with_advice(found, FILE_ADVICE))


def confirmation_token(text: str) -> str:
    """Binds a "this is not about a patient" confirmation to the exact text confirmed."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def mask_identifiers(text: str) -> str:
    """The text with every NHS number masked, for data stored before the guard existed."""
    if NHS_NUMBER.search(text) is None:
        return text
    return NHS_NUMBER.sub(
        lambda m: (
            mask_nhs_number(_digits(m.group()))
            if nhs_number_is_valid(_digits(m.group()))
            else m.group()
        ),
        text,
    )


def strip_forbidden(text: str) -> str:
    return FORBIDDEN.sub("", text)


def _clean(text: str) -> str:
    return mask_identifiers(strip_forbidden(text))


# Short strings (names, labels, choices) are printed over and over, page after page: their
# clean form is remembered. Longer text is cleaned each time, so the memory stays small.
MEMO_LIMIT = 200
_clean_short = functools.lru_cache(maxsize=8192)(_clean)


def safe_text(text: str) -> str:
    """Text ready for any output: no control characters, no readable NHS numbers."""
    return _clean_short(text) if len(text) <= MEMO_LIMIT else _clean(text)


def safe_filename(name: str, *, default: str, limit: int) -> str:
    """An uploaded file's name as it may be kept: no folders, nothing unprintable, no NHS
    number (people name files after the patient they are about)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    printable = "".join(ch for ch in base if ch.isprintable())
    return mask_identifiers(printable)[:limit] or default


# --- Dates --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateRange:
    earliest: dt.date
    latest: dt.date

    def __contains__(self, day: object) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        return isinstance(day, dt.date) and self.earliest <= day <= self.latest

    def message(self) -> str:
        return (
            f"Enter a date between {_long(self.earliest)} and {_long(self.latest)}. "
            "A date outside those years is almost always a typing slip."
        )


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


# Any date of a partnership's life: NHS trusts came into being in 1991 (so 1990 leaves room
# for a baseline measured the year before), and 2100 is past any agreement's term while
# leaving arithmetic on the date (six months later, a year later) well inside the calendar.
PROJECT_DATES = DateRange(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
# When a person's interest began: a directorship or shareholding can be decades old.
PERSONAL_DATES = DateRange(dt.date(1940, 1, 1), dt.date(2100, 12, 31))


def date_problem(day: dt.date | None, plausible: DateRange = PROJECT_DATES) -> str | None:
    """A plain-English message if `day` falls outside the plausible range, else None."""
    if day is None or day in plausible:
        return None
    return plausible.message()
