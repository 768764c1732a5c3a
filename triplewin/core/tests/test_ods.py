"""ODS code format checks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.ods import EXPECTED, PATTERNS, normalise, validate


@pytest.mark.parametrize(
    ("code", "org_type"),
    [
        ("RWD", "trust"),
        ("RWD01", "trust"),
        ("rwd", "trust"),
        ("  rwd01 ", "trust"),
        ("QJM", "icb"),
        ("00K", "icb"),
        ("qjm", "icb"),
        ("U12345", "pcn"),
        ("u12345", "pcn"),
        ("A81001", "gp_practice"),
        ("a81001", "gp_practice"),
        ("ABC", "other"),
        ("ABC123", "other"),
        ("x1y", None),
    ],
)
def test_valid_codes(code: str, org_type: str) -> None:
    assert validate(code, org_type) is None


@pytest.mark.parametrize(
    ("code", "org_type"),
    [
        ("RW", "trust"),
        ("RWD0", "trust"),
        ("RWD012", "trust"),
        ("RW-D", "trust"),
        ("R WD", "trust"),
        ("RWD", "icb"),
        ("QJMX", "icb"),
        ("0KK", "icb"),
        ("Q1", "icb"),
        ("U1234", "pcn"),
        ("U123456", "pcn"),
        ("A12345", "pcn"),
        ("UABCDE", "pcn"),
        ("A8100", "gp_practice"),
        ("881001", "gp_practice"),
        ("AB1001", "gp_practice"),
        ("AB", "other"),
        ("ABCDEFG", "other"),
    ],
)
def test_invalid_codes(code: str, org_type: str) -> None:
    problem = validate(code, org_type)
    assert problem is not None
    assert normalise(code) in problem
    assert EXPECTED.get(org_type, "three to six letters or digits") in problem


@pytest.mark.parametrize("code", ["", "   ", "\t\n"])
@pytest.mark.parametrize("org_type", [*PATTERNS, "other"])
def test_empty_code_is_not_a_problem(code: str, org_type: str) -> None:
    assert validate(code, org_type) is None


def test_message_shows_normalised_code() -> None:
    assert validate(" rw ", "trust") == (
        "'RW' is not a valid ODS code for this kind of organisation: expected "
        "three characters such as RWD, or five for a site such as RWD01."
    )


def test_every_pattern_has_an_expectation() -> None:
    assert set(PATTERNS) == set(EXPECTED)


@given(
    st.sampled_from([*PATTERNS, "other"]),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -", max_size=8),
)
def test_validation_ignores_case_and_surrounding_space(org_type: str, code: str) -> None:
    upper = validate(code, org_type)
    assert validate(f"  {code.lower()} ", org_type) == upper


@given(st.from_regex(r"\AU[0-9]{5}\Z"))
def test_generated_pcn_codes_are_valid(code: str) -> None:
    assert validate(code, "pcn") is None
    assert validate(code, "gp_practice") is None
