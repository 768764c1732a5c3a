"""The arithmetic behind the learning views."""

from __future__ import annotations

import datetime as dt

import pytest

from triplewin.core.library import learning


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (dt.date(2020, 11, 1), dt.date(2023, 9, 30), 35),
        (dt.date(2019, 5, 1), dt.date(2024, 3, 31), 59),
        (dt.date(2021, 12, 1), dt.date(2022, 12, 31), 13),
        (dt.date(2022, 12, 1), dt.date(2023, 8, 31), 9),
        (dt.date(2024, 1, 1), dt.date(2024, 1, 1), 1),
    ],
)
def test_months_between(start, end, months):
    assert learning.months_between(start, end) == months


def test_months_between_refuses_reversed_dates():
    with pytest.raises(ValueError, match="before the start"):
        learning.months_between(dt.date(2024, 2, 1), dt.date(2024, 1, 1))


def test_median_and_percent():
    assert learning.median([35, 59, 13, 9]) == 24.0
    assert learning.median([]) is None
    assert learning.percent(1, 3) == 33
    assert learning.percent(1, 2) == 50
    assert learning.percent(2, 3) == 67
    assert learning.percent(1, 0) is None


def test_bars_scale_to_the_longest_and_keep_small_counts_visible():
    bars = learning.bars([("A", 10), ("B", 1), ("C", 0)], longest=300)
    assert [b.length for b in bars] == [300, 30, 0]
    assert learning.bars([("A", 1), ("B", 1000)], longest=300)[0].length == 2


def test_vocabulary_masks_give_each_code_its_own_bit():
    from triplewin.core.library import vocabulary as vocab

    assert vocab.mask(vocab.INTERVENTIONS, []) == 0
    both = vocab.mask(vocab.INTERVENTIONS, ["pathway_redesign", "workforce", "nonsense"])
    assert both == vocab.bit(vocab.INTERVENTIONS, "pathway_redesign") | vocab.bit(
        vocab.INTERVENTIONS, "workforce"
    )
    assert both & vocab.bit(vocab.INTERVENTIONS, "workforce")
    assert not both & vocab.bit(vocab.INTERVENTIONS, "education")
    assert vocab.mask(vocab.THERAPY_AREAS, vocab.THERAPY_AREAS) == 2 ** len(vocab.THERAPY_AREAS) - 1
    assert vocab.codes_in(vocab.INTERVENTIONS, both) == ("pathway_redesign", "workforce")
