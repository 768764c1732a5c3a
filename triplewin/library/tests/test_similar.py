"""'Most similar to my project': profiles from project records, candidates from the index."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories
from triplewin.library import similar
from triplewin.library.models import CaseStudy
from triplewin.library.search import search
from triplewin.library.similar import candidate_ids, project_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def copd_project(nhs_lead, nhs_org, pharma_org):
    project = factories.project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Proactive COPD reviews across our PCN",
        summary="Find people with COPD at risk of admission and review their inhalers.",
        therapy_area="Respiratory (COPD)",
        origin_setting="primary",
    )
    return project


def test_project_profile(copd_project):
    profile = project_profile(copd_project)
    assert profile.therapy_areas == {"respiratory"}
    assert profile.setting == "primary"
    assert "case_finding" in profile.interventions
    assert "copd" in profile.objectives


def test_most_similar_study_is_the_copd_one(corpus, copd_project):
    ranked = similar.rank(project_profile(copd_project))
    matches = {m.key: m for m in ranked}
    top = [CaseStudy.objects.get(pk=m.key) for m in ranked[:2]]
    assert top[0].key == "logic-copd-hartlepool"
    assert top[1].key == "starrs-gm-asthma"
    best = matches[top[0].pk]
    assert best.parts["therapy"] == 1.0
    assert best.parts["setting"] == 1.0
    assert best.score > matches[top[1].pk].score


def test_candidates_come_from_the_index_not_the_whole_library(corpus, copd_project, monkeypatch):
    monkeypatch.setattr(similar, "SCORE_EVERYTHING_UP_TO", 0)
    monkeypatch.setattr(similar, "TEXT_CANDIDATES", 2)
    monkeypatch.setattr(similar, "TAG_CANDIDATES", 1)
    ids = candidate_ids(project_profile(copd_project))
    # Only the best text matches plus studies sharing a therapy area are scored, however
    # large the library; here the caps are tiny so the effect is visible.
    assert len(ids) <= 3
    assert ids[0] == corpus["logic-copd-hartlepool"].pk
    assert corpus["starrs-gm-asthma"].pk in ids


def test_search_can_order_by_similarity_within_filters(corpus, copd_project):
    results = search(
        "", {"setting": ["primary"]}, "similar", similar_to=project_profile(copd_project)
    )
    keys = [cs.key for cs in results.hits]
    assert keys[0] == "logic-copd-hartlepool"
    assert all(corpus[k].setting == "primary" for k in keys)
    assert set(results.matches) == set(results.hits.ids())


def test_a_small_library_is_scored_whole(corpus, copd_project):
    ids = candidate_ids(project_profile(copd_project))
    assert set(ids) == {cs.pk for cs in corpus.values()}


def test_weak_matches_are_not_shown(corpus, copd_project):
    ranked = similar.rank(project_profile(copd_project))
    assert all(m.score >= similar.MIN_SCORE for m in ranked)
    assert len(ranked) < len(corpus)


def test_the_similar_page_shows_scores_and_reasons(client_for, corpus, copd_project):
    body = (
        client_for("nhs_lead")
        .get(reverse("library:similar", args=[copd_project.pk]))
        .content.decode()
    )
    assert body.index("LOGIC: proactive COPD care") < body.index("STARRS-GM")
    assert "% match." in body
    assert "In common: Respiratory" in body


def test_the_search_page_orders_by_a_visible_project_only(client_for, corpus, copd_project):
    url = reverse("library:index")
    mine = client_for("nhs_lead").get(url, {"order": "similar", "similar": copd_project.pk})
    assert "Ordered by how alike each study is to" in mine.content.decode()
    theirs = client_for("outsider").get(url, {"order": "similar", "similar": copd_project.pk})
    body = theirs.content.decode()
    assert "Ordered by how alike" not in body
    assert copd_project.title not in body
