"""Which versions are superseded, which parts block certification, and filling definitions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.documents import catalogue
from triplewin.core.documents.completeness import missing_required
from triplewin.core.documents.definitions import build
from triplewin.core.documents.model import SIGNED_OFF, Document, Field, Section, Status
from triplewin.core.documents.statuses import effective

D, SUB, C, A, P, X = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.CERTIFIED,
    Status.APPROVED,
    Status.PUBLISHED,
    Status.SUPERSEDED,
)


@pytest.mark.parametrize(
    ("base", "shown"),
    [
        ([], []),
        ([D], [D]),
        ([D, D], [X, D]),
        ([C, D], [C, D]),  # a draft does not replace what was certified
        ([C, A], [X, A]),
        ([A, SUB, D], [A, X, D]),
        ([D, C, D, D], [X, C, X, D]),
        ([P, C], [X, C]),
    ],
)
def test_effective_statuses(base: list[Status], shown: list[Status]) -> None:
    assert effective(base) == shown


@given(st.lists(st.sampled_from([D, SUB, C, A, P]), min_size=1, max_size=8))
def test_the_latest_version_keeps_its_status_and_one_signed_off_version_stays_current(
    base: list[Status],
) -> None:
    shown = effective(base)
    assert shown[-1] == base[-1]
    assert sum(1 for s in shown if s in SIGNED_OFF) == (
        1 if any(b in SIGNED_OFF for b in base) else 0
    )


def section(*fields: Field, required: bool = True, empty_text: str = "") -> Section:
    return Section("s", "Things", fields, required=required, empty_text=empty_text)


@pytest.mark.parametrize(
    ("sections", "missing"),
    [
        ((section(Field("a", "A", "x")),), ()),
        ((section(Field("a", "A", "")),), ("Things: A",)),
        ((section(Field("a", "A", "", required=False)),), ()),
        ((section(Field("a", "A", "", placeholder="terms")),), ("Things: A",)),
        ((section(),), ("Things",)),
        ((section(required=False),), ()),
        ((section(empty_text="No risks are open."),), ()),
        ((section(Field("a", "A", "   ")),), ("Things: A",)),
    ],
)
def test_missing_required(sections: tuple[Section, ...], missing: tuple[str, ...]) -> None:
    assert missing_required(Document("k", "T", "P", sections)) == missing


def test_build_fills_fixed_and_row_sections_in_definition_order() -> None:
    document = build(
        catalogue.STATUS_REPORT,
        project="Heart failure",
        values={
            "status": {"stage": "Delivery", "rag": "Green"},
            "milestones": [("m1", "Search live", "Planned: 2027-01-01"), ("m1", "Again", "x")],
        },
    )
    assert [s.key for s in document.sections] == [
        "status",
        "milestones",
        "risks",
        "issues",
        "actions",
    ]
    status, milestones, risks = document.sections[:3]
    assert [(f.key, f.value) for f in status.fields] == [
        ("stage", "Delivery"),
        ("rag", "Green"),
        ("kpis", ""),
    ]
    assert [f.key for f in milestones.fields] == ["m1", "m1~2"]  # duplicate keys made unique
    assert risks.fields == ()
    assert risks.empty_text == "No risks are open."
    assert missing_required(document) == ()


def test_heads_of_terms_has_one_section_per_clause_after_the_parties() -> None:
    definition = catalogue.heads_of_terms(
        [("term_months", "Term", "How long."), ("benefits", "Benefits", "Who gains.")]
    )
    assert [s.key for s in definition.sections] == [
        "parties",
        "clause-term_months",
        "clause-benefits",
    ]
    assert definition.sections[1].intro == "How long."
