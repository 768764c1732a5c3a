"""The nine principles: the catalogue, score checks, aggregation and the trend over time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core import principles
from triplewin.core.principles import Direction, Domain


def _all(score: int) -> dict[str, int]:
    return dict.fromkeys(principles.SLUGS, score)


def test_nine_principles_in_three_domains():
    assert [p.number for p in principles.PRINCIPLES] == list(range(1, 10))
    by_domain = {d: [p.number for p in principles.PRINCIPLES if p.domain is d] for d in Domain}
    assert by_domain == {
        Domain.PURPOSE: [1, 2],
        Domain.PEOPLE: [3, 4, 5, 6],
        Domain.PROCESS: [7, 8, 9],
    }
    assert len(set(principles.SLUGS)) == 9
    assert all(p.name and p.description for p in principles.PRINCIPLES)


def test_a_complete_set_of_scores_has_no_problems():
    assert principles.problems(_all(3)) == []


def test_score_problems_are_named():
    scores: dict[str, object] = dict(_all(3))
    del scores["leadership"]
    scores["governance"] = 6
    scores["relationships"] = 0
    scores["measurement"] = True
    scores["made_up"] = 2
    found = principles.problems(scores)  # type: ignore[arg-type]
    assert "Unknown principle: made_up." in found
    assert "Score principle 5: Senior local backing." in found
    assert "The score for principle 7 must be from 1 to 5." in found
    assert "The score for principle 4 must be from 1 to 5." in found
    assert "The score for principle 2 must be a whole number." in found
    assert len(found) == 5


def test_means_across_assessors_and_domains():
    first = _all(2) | {"shared_purpose": 4, "measurement": 5}
    second = _all(4) | {"shared_purpose": 2}
    means = principles.principle_means([first, second])
    assert means["shared_purpose"] == 3
    assert means["measurement"] == 4.5
    assert means["governance"] == 3
    domains = principles.domain_means(means)
    assert domains[Domain.PURPOSE] == pytest.approx(3.75)
    assert domains[Domain.PEOPLE] == 3
    assert domains[Domain.PROCESS] == 3
    # The overall mean weighs principles equally, not domains: (3 + 4.5 + 7 x 3) / 9.
    assert principles.overall_mean(means) == pytest.approx(28.5 / 9)


def test_a_principle_nobody_scored_is_left_out_not_counted_as_zero():
    means = principles.principle_means([{"shared_purpose": 5, "governance": 1}])
    assert means == {"shared_purpose": 5, "governance": 1}
    assert principles.domain_means(means) == {Domain.PURPOSE: 5, Domain.PROCESS: 1}
    assert principles.overall_mean(means) == 3
    assert principles.overall_mean({}) is None


def test_trend_is_one_point_per_date_oldest_first():
    points = principles.trend(
        {
            dt.date(2025, 9, 1): [_all(4), _all(2)],
            dt.date(2025, 3, 1): [_all(2)],
            dt.date(2025, 6, 1): [],
        }
    )
    assert [p.on for p in points] == [dt.date(2025, 3, 1), dt.date(2025, 9, 1)]
    assert [p.assessors for p in points] == [1, 2]
    assert [p.overall for p in points] == [2, 3]
    assert points[1].domains[Domain.PEOPLE] == 3


@pytest.mark.parametrize(
    ("first", "last", "direction", "text"),
    [
        (2, 4, Direction.IMPROVING, "Up 2.0 since 1 March 2025"),
        (4, 3, Direction.DECLINING, "Down 1.0 since 1 March 2025"),
        (3, 3, Direction.STEADY, "About the same as on 1 March 2025"),
    ],
)
def test_change_from_first_to_latest(first, last, direction, text):
    points = principles.trend(
        {dt.date(2025, 3, 1): [_all(first)], dt.date(2026, 1, 5): [_all(last)]}
    )
    found = principles.change(points)
    assert found is not None
    assert found.direction is direction
    assert found.text == text


def test_small_moves_count_as_steady():
    slight = _all(3) | {"governance": 4}  # overall up by 1/9
    points = principles.trend({dt.date(2025, 1, 1): [_all(3)], dt.date(2025, 2, 1): [slight]})
    found = principles.change(points)
    assert found is not None
    assert found.direction is Direction.STEADY


def test_no_change_with_a_single_assessment():
    assert principles.change(principles.trend({dt.date(2025, 1, 1): [_all(3)]})) is None
    assert principles.change([]) is None


def test_weakest_principles_break_ties_in_order():
    means = dict.fromkeys(principles.SLUGS, 4.0) | {"governance": 2.0, "leadership": 2.0}
    assert [p.number for p in principles.weakest(means, limit=3)] == [5, 7, 1]


@given(
    st.lists(st.fixed_dictionaries({s: st.integers(1, 5) for s in principles.SLUGS}), min_size=1)
)
def test_means_stay_on_the_scale(assessments):
    means = principles.principle_means(assessments)
    overall = principles.overall_mean(means)
    assert overall is not None
    assert 1 <= overall <= 5
    assert all(1 <= v <= 5 for v in principles.domain_means(means).values())
