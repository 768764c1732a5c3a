"""Risk scores and their bands, checked against the 5x5 grid."""

from __future__ import annotations

import itertools

import pytest

from triplewin.core.risk_matrix import BAND_INFO, SCALE, Band, band, score


@pytest.mark.parametrize(
    ("likelihood", "impact", "expected_score", "expected_band"),
    [
        (1, 1, 1, Band.LOW),
        (1, 3, 3, Band.LOW),
        (2, 2, 4, Band.MODERATE),
        (2, 3, 6, Band.MODERATE),
        (2, 4, 8, Band.HIGH),
        (3, 4, 12, Band.HIGH),
        (3, 5, 15, Band.EXTREME),
        (5, 5, 25, Band.EXTREME),
    ],
)
def test_score_and_band(likelihood, impact, expected_score, expected_band):
    assert score(likelihood, impact) == expected_score
    assert band(expected_score) is expected_band


def test_every_cell_of_the_grid_has_a_band_and_a_colour():
    for likelihood, impact in itertools.product(SCALE, SCALE):
        found = band(score(likelihood, impact))
        assert BAND_INFO[found].colour


def test_bands_never_decrease_as_either_axis_grows():
    order = list(Band)
    for likelihood, impact in itertools.product(range(1, 5), SCALE):
        here = order.index(band(score(likelihood, impact)))
        assert order.index(band(score(likelihood + 1, impact))) >= here
        assert order.index(band(score(impact, likelihood + 1))) >= order.index(
            band(score(impact, likelihood))
        )


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (3, 6), (-1, 1)])
def test_out_of_range_is_refused(likelihood, impact):
    with pytest.raises(ValueError, match="run from 1 to 5"):
        score(likelihood, impact)


@pytest.mark.parametrize("value", [0, 26, -4])
def test_band_out_of_range_is_refused(value):
    with pytest.raises(ValueError, match="runs from 1 to 25"):
        band(value)
