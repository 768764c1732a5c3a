"""NHS Organisation Data Service code formats.

ODS codes are short upper-case alphanumerics whose shape depends on the kind of body:
trusts are three characters (RWD), trust sites five (RWD01), ICBs and sub-ICB locations three
(QJM, 00K), GP practices a letter and five digits (A81001), PCNs 'U' and five digits (U12345).
A format check cannot prove a code exists; it catches typing mistakes at the door.
"""

from __future__ import annotations

import re

PATTERNS: dict[str, re.Pattern[str]] = {
    "trust": re.compile(r"^[A-Z0-9]{3}([A-Z0-9]{2})?$"),
    "icb": re.compile(r"^Q[A-Z0-9]{2}$|^[0-9]{2}[A-Z0-9]$"),
    "pcn": re.compile(r"^U[0-9]{5}$"),
    "gp_practice": re.compile(r"^[A-Z][0-9]{5}$"),
}
GENERIC = re.compile(r"^[A-Z0-9]{3,6}$")

EXPECTED: dict[str, str] = {
    "trust": "three characters such as RWD, or five for a site such as RWD01",
    "icb": "three characters starting with Q, such as QJM, or a sub-ICB code such as 00K",
    "pcn": "U followed by five digits, such as U12345",
    "gp_practice": "a letter followed by five digits, such as A81001",
}


def normalise(code: str) -> str:
    return code.strip().upper()


def validate(code: str, org_type: str) -> str | None:
    """Return a plain-English problem, or None when the code has a valid shape."""
    value = normalise(code)
    if not value:
        return None
    pattern = PATTERNS.get(org_type, GENERIC)
    if pattern.match(value):
        return None
    expected = EXPECTED.get(org_type, "three to six letters or digits")
    return f"'{value}' is not a valid ODS code for this kind of organisation: expected {expected}."
