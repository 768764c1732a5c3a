"""Similarity scoring between partnership profiles."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from triplewin.core.library.similarity import (
    WEIGHTS,
    Profile,
    cosine,
    idf_table,
    jaccard,
    rank_similar,
    setting_similarity,
    tfidf,
)

COPD = Profile(
    therapy_areas=frozenset({"respiratory"}),
    setting="primary",
    interventions=frozenset({"case_finding", "education"}),
    objectives=("copd", "review", "inhaler", "nurse", "primarycare"),
    outcomes=("admiss", "fewer", "copd"),
)


def test_weights_sum_to_one():
    assert math.isclose(sum(WEIGHTS.values()), 1.0)


def test_jaccard():
    assert jaccard(frozenset({"a", "b"}), frozenset({"b", "c"})) == pytest.approx(1 / 3)
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_setting_similarity():
    assert setting_similarity("primary", "primary") == 1.0
    assert setting_similarity("primary", "community") == 0.5
    assert setting_similarity("system", "secondary") == 0.5
    assert setting_similarity("primary", "secondary") == 0.0
    assert setting_similarity("", "primary") == 0.0


def test_cosine_of_identical_and_disjoint_vectors():
    idf = idf_table([["a", "b"], ["b", "c"]])
    assert cosine(tfidf(["a", "b"], idf), tfidf(["a", "b"], idf)) == pytest.approx(1.0)
    assert cosine(tfidf(["a"], idf), tfidf(["c"], idf)) == 0.0
    assert cosine({}, tfidf(["a"], idf)) == 0.0


def test_rarer_shared_words_count_for_more():
    idf = idf_table([["copd", "care"], ["asthma", "care"], ["care"]])
    assert idf["copd"] > idf["care"]


def test_the_closest_profile_ranks_first_and_explains_why():
    candidates = {
        1: Profile(
            frozenset({"oncology"}), "secondary", frozenset({"service_evaluation"}), ("chemo",)
        ),
        2: Profile(
            frozenset({"respiratory"}),
            "primary",
            frozenset({"case_finding", "education"}),
            ("copd", "review", "nurse"),
            ("admiss", "copd"),
        ),
        3: Profile(
            frozenset({"respiratory"}),
            "system",
            frozenset({"digital_platform"}),
            ("asthma", "review"),
        ),
    }
    ranked = rank_similar(COPD, candidates)
    assert [m.key for m in ranked] == [2, 3, 1]
    best = ranked[0]
    assert best.parts["therapy"] == 1.0
    assert best.parts["setting"] == 1.0
    assert best.shared_interventions == {"case_finding", "education"}
    assert 0 < best.percent <= 100
    assert rank_similar(COPD, candidates, limit=1)[0].key == 2


def test_profiles_round_trip_through_plain_data():
    assert Profile.from_dict(COPD.to_dict()) == COPD
    assert Profile.from_dict({}) == Profile()


profiles = st.builds(
    Profile,
    therapy_areas=st.frozensets(st.sampled_from(["respiratory", "oncology", "renal"])),
    setting=st.sampled_from(["primary", "secondary", "system", ""]),
    interventions=st.frozensets(st.sampled_from(["education", "workforce", "case_finding"])),
    objectives=st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=6).map(tuple),
    outcomes=st.lists(st.sampled_from(["x", "y"]), max_size=4).map(tuple),
)


@given(profiles, st.dictionaries(st.integers(0, 50), profiles, max_size=8))
# Two candidates whose scores differ only by floating-point noise (found by Hypothesis).
@example(
    Profile(setting="primary", outcomes=("x",)),
    {
        0: Profile(setting="primary"),
        1: Profile(setting="secondary", outcomes=("x", "y")),
        2: Profile(setting="secondary", outcomes=("x", "x", "y", "y")),
    },
)
def test_scores_are_between_zero_and_one_and_sorted(target, candidates):
    ranked = rank_similar(target, candidates)
    assert len(ranked) == len(candidates)
    scores = [m.score for m in ranked]
    assert all(-1e-9 <= s <= 1 + 1e-9 for s in scores)
    assert scores == sorted(scores, reverse=True)


@given(profiles)
def test_a_profile_is_at_least_as_similar_to_itself_as_to_an_empty_one(profile):
    ranked = rank_similar(profile, {"self": profile, "empty": Profile()})
    assert ranked[0].key == "self" or ranked[0].score == ranked[1].score
