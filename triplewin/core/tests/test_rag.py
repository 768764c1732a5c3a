"""The RAG computation, as tables of inputs and the rating each should give."""

from __future__ import annotations

import datetime as dt

import pytest

from triplewin.core import rag
from triplewin.core.rag import MilestoneDates, RagInputs, Rating

TODAY = dt.date(2026, 3, 31)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def open_due(days_late: int) -> MilestoneDates:
    """An unmet milestone planned `days_late` days before today (negative: in the future)."""
    return MilestoneDates(planned_on=days_ago(days_late))


@pytest.mark.parametrize(
    ("planned", "actual", "expected"),
    [
        (days_ago(10), None, 10),
        (days_ago(-10), None, 0),  # due in the future: not late yet
        (days_ago(10), days_ago(3), 7),  # met a week late
        (days_ago(10), days_ago(12), -2),  # met two days early
        (TODAY, None, 0),
    ],
)
def test_slippage_days(planned, actual, expected):
    assert rag.slippage_days(planned, actual, TODAY) == expected


@pytest.mark.parametrize(
    ("milestones", "rating"),
    [
        ((), Rating.NOT_RATED),
        ((open_due(-5),), Rating.GREEN),
        ((open_due(0),), Rating.GREEN),  # due today is not late
        ((open_due(rag.MILESTONE_AMBER_DAYS),), Rating.AMBER),
        ((open_due(rag.MILESTONE_RED_DAYS - 1),), Rating.AMBER),
        ((open_due(rag.MILESTONE_RED_DAYS),), Rating.RED),
        ((open_due(-5), open_due(40)), Rating.RED),
        # Met late: history, not a current problem.
        ((MilestoneDates(days_ago(90), days_ago(10)),), Rating.GREEN),
    ],
)
def test_milestone_factor(milestones, rating):
    assert rag.rate_milestones(milestones, TODAY).rating is rating


def test_milestone_factor_explains_the_worst_slip():
    factor = rag.rate_milestones((open_due(3), open_due(45), open_due(-2)), TODAY)
    assert factor.explanation == "2 open milestones past the planned date, the latest by 45 days."


@pytest.mark.parametrize(
    ("off_track", "total", "rating"),
    [
        (0, 0, Rating.NOT_RATED),
        (0, 4, Rating.GREEN),
        (1, 4, Rating.AMBER),
        (1, 3, Rating.AMBER),
        (2, 4, Rating.RED),  # exactly half is red
        (1, 2, Rating.RED),
        (1, 1, Rating.RED),
        (5, 11, Rating.AMBER),
        (6, 11, Rating.RED),
    ],
)
def test_kpi_factor(off_track, total, rating):
    assert rag.rate_kpis(off_track, total).rating is rating


@pytest.mark.parametrize(("off_track", "total"), [(-1, 3), (4, 3), (0, -1)])
def test_impossible_kpi_counts_are_refused(off_track, total):
    with pytest.raises(ValueError, match="Impossible KPI counts"):
        rag.rate_kpis(off_track, total)


@pytest.mark.parametrize(
    ("overdue", "rating"),
    [
        (0, Rating.GREEN),
        (rag.ACTIONS_AMBER_OVERDUE, Rating.AMBER),
        (rag.ACTIONS_RED_OVERDUE - 1, Rating.AMBER),
        (rag.ACTIONS_RED_OVERDUE, Rating.RED),
    ],
)
def test_action_factor(overdue, rating):
    assert rag.rate_actions(overdue).rating is rating


@pytest.mark.parametrize(
    ("inputs", "rating"),
    [
        # Nothing recorded: not rated, rather than a green that nothing supports.
        (RagInputs(TODAY), Rating.NOT_RATED),
        # Overdue actions alone can still raise the alarm.
        (RagInputs(TODAY, overdue_actions=2), Rating.AMBER),
        (RagInputs(TODAY, overdue_actions=7), Rating.RED),
        (RagInputs(TODAY, milestones=(open_due(-3),)), Rating.GREEN),
        (RagInputs(TODAY, kpis_off_track=0, kpis_total=3), Rating.GREEN),
        # The worst factor wins.
        (RagInputs(TODAY, (open_due(-3),), 1, 5, 0), Rating.AMBER),
        (RagInputs(TODAY, (open_due(2),), 0, 5, 0), Rating.AMBER),
        (RagInputs(TODAY, (open_due(2),), 3, 5, 0), Rating.RED),
        (RagInputs(TODAY, (open_due(-3),), 0, 5, 6), Rating.RED),
        (RagInputs(TODAY, (open_due(60),), 0, 5, 0), Rating.RED),
    ],
)
def test_overall_rating(inputs, rating):
    assert rag.compute(inputs).rating is rating


def test_result_lists_each_factor_with_its_reason():
    result = rag.compute(RagInputs(TODAY, (open_due(2),), 1, 4, 0))
    assert [(f.name, f.rating) for f in result.factors] == [
        ("Milestones", Rating.AMBER),
        ("KPIs", Rating.AMBER),
        ("Actions", Rating.GREEN),
        ("Timeline", Rating.GREEN),
    ]
    assert result.factors[1].explanation == "1 of 4 KPIs off track."
    assert result.label == "Amber"


def test_worst_of_nothing_is_not_rated():
    assert rag.worst([]) is Rating.NOT_RATED
    assert rag.worst([Rating.NOT_RATED, Rating.GREEN]) is Rating.GREEN
