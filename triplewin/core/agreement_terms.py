"""Does the agreement still say what the approved PID says?

The guidance's agreement framework draws the agreement's key project information directly
from the PID. Four things are compared here, in plain Python:

- the partnership type (collaborative or joint working) must be the same;
- the agreement must be dated no later than the PID's planned start, since work may not start
  before the agreement binds the parties;
- the term must run at least to the PID's planned end (or, without planned dates, be at least
  as long as the PID's length in months);
- the agreement's success measures must contain what the PID says is measured, when, and by
  whom.

How dates and text are compared is the product's own choice; the guidance only says that the
agreement is drawn from the PID. A longer term is allowed because outcomes are written and
published after delivery ends.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from triplewin.core.dates import add_months, long_date


@dataclass(frozen=True)
class PidTerms:
    """What the approved PID version says, read from its frozen snapshot."""

    type_label: str = ""
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    length_months: int | None = None
    success_measure: str = ""
    success_when: str = ""
    success_by_whom: str = ""


@dataclass(frozen=True)
class AgreementTerms:
    type_label: str = ""
    agreement_date: dt.date | None = None
    term_months: int | None = None
    success_measures: str = ""


def success_text(pid: PidTerms) -> str:
    """The success measures as drawn into a new agreement, one line per part."""
    parts = (
        ("What is measured", pid.success_measure),
        ("When", pid.success_when),
        ("By whom", pid.success_by_whom),
    )
    return "\n".join(f"{label}: {value}" for label, value in parts if value.strip())


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def mismatches(agreement: AgreementTerms, pid: PidTerms) -> tuple[str, ...]:
    """Each way the agreement no longer agrees with the approved PID, in plain English."""
    found: list[str] = []
    if agreement.type_label and pid.type_label and agreement.type_label != pid.type_label:
        found.append(
            f"the agreement is for {agreement.type_label.lower()}, but the approved PID is for "
            f"{pid.type_label.lower()}"
        )
    if (
        agreement.agreement_date is not None
        and pid.planned_start is not None
        and agreement.agreement_date > pid.planned_start
    ):
        found.append(
            f"the agreement is dated {long_date(agreement.agreement_date)}, after the PID's "
            f"planned start on {long_date(pid.planned_start)}"
        )
    term = agreement.term_months
    if term is not None:
        if agreement.agreement_date is not None and pid.planned_end is not None:
            ends = add_months(agreement.agreement_date, term)
            if ends < pid.planned_end:
                found.append(
                    f"the {term}-month term ends on {long_date(ends)}, before the PID's planned "
                    f"end on {long_date(pid.planned_end)}"
                )
        elif pid.length_months is not None and term < pid.length_months:
            found.append(
                f"the {term}-month term is shorter than the PID's {pid.length_months} months"
            )
    written = _normal(agreement.success_measures)
    for label, value in (
        ("what is measured", pid.success_measure),
        ("when it is measured", pid.success_when),
        ("who measures it", pid.success_by_whom),
    ):
        if value.strip() and _normal(value) not in written:
            found.append(f"the success measures leave out the PID's {label} ('{_short(value)}')")
    return tuple(found)


def terms_hash(values: Mapping[str, object]) -> str:
    """The fingerprint of an agreement's terms, which each party's signature is bound to.

    Only the terms that say something are hashed (a blank text, no date, an unticked box are
    left out), so adding an optional clause to the record later does not change the
    fingerprint of agreements that leave it empty. Dates are hashed as ISO dates.
    """
    said = {
        name: value.isoformat() if isinstance(value, dt.date) else value
        for name, value in sorted(values.items())
        if value not in ("", None, False)
    }
    canonical = json.dumps(said, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
