"""'Most similar to my project': candidates from the search index, scored in plain Python.

Scoring every study in a large library would mean loading all of them, so the database first
narrows the field (see `candidate_ids`) to at most 300 studies; only those are scored by
`core.library.similarity`.
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from django.db.models import F
from django.db.models.lookups import GreaterThan

from triplewin.concept.models import ConceptFramework
from triplewin.core.library import text
from triplewin.core.library import vocabulary as vocab
from triplewin.core.library.similarity import Match, Profile, rank_similar
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.library.models import CaseStudy, CaseStudyQuerySet
from triplewin.library.search.backends import backend
from triplewin.partnerships.models import Project

# A small library is cheaper to score whole than to narrow down.
SCORE_EVERYTHING_UP_TO: Final = 300
TAG_CANDIDATES: Final = 200
TEXT_CANDIDATES: Final = 100
QUERY_WORDS: Final = 8
# Below this a study shares too little with the project to be worth showing.
MIN_SCORE: Final = 0.1


def infer_codes(text_value: str, keywords: dict[str, tuple[str, ...]]) -> frozenset[str]:
    tokens = set(text.index_tokens(text_value))
    return frozenset(code for code, words in keywords.items() if text.matches_any(tokens, words))


def project_profile(project: Project) -> Profile:
    """What the project is about, from its details, concept and executive summary."""
    concept = ConceptFramework.objects.filter(project=project).first()
    summary = ExecutiveSummary.objects.filter(project=project).first()
    aims = [project.title, project.summary]
    hopes: list[str] = []
    if concept is not None:
        aims += [concept.purpose_background, concept.objectives]
        hopes += [concept.benefit_patients, concept.benefit_nhs]
    if summary is not None:
        aims += [summary.rationale, summary.objectives]
        hopes += [summary.benefits_patients, summary.benefits_nhs]
    described = " ".join(aims)
    return Profile(
        therapy_areas=infer_codes(
            f"{project.therapy_area} {project.title}", vocab.THERAPY_KEYWORDS
        ),
        setting=project.origin_setting,
        interventions=infer_codes(described, vocab.INTERVENTION_KEYWORDS),
        objectives=tuple(text.index_tokens(described)),
        outcomes=tuple(text.index_tokens(" ".join(hopes))),
    )


# Every token that names a condition or treatment in the therapy-area keyword lists.
CONDITION_TOKENS: Final = frozenset(
    token
    for words in vocab.THERAPY_KEYWORDS.values()
    for phrase in words
    for token in text.query_terms(phrase)
)


def condition_terms(profile: Profile) -> list[str]:
    """The project's words that name a condition ("copd", "inhaler"): rare, so cheap to match."""
    counts = Counter(t for t in profile.objectives if t in CONDITION_TOKENS)
    return [term for term, _ in counts.most_common(QUERY_WORDS)]


def query_terms_for(profile: Profile) -> list[str]:
    """Condition words, then the therapy areas' and intervention types' own words."""
    terms = condition_terms(profile)
    labels = [vocab.label(vocab.THERAPY_AREAS, c) for c in sorted(profile.therapy_areas)]
    labels += [vocab.label(vocab.INTERVENTIONS, c) for c in sorted(profile.interventions)]
    for label in labels:
        terms += [t for t in text.query_terms(label) if t not in terms]
    return terms[:QUERY_WORDS]


def candidate_ids(profile: Profile, *, within: CaseStudyQuerySet | None = None) -> list[int]:
    """Published studies worth scoring, found through the indexes rather than by loading all.

    First the studies sharing a therapy area, best text matches for the project's words
    first (topped up with the newest); then, from any therapy area, the best matches for the
    condition words alone. The text ranking only ever runs over a small field: the shared
    therapy area's studies, or the few that name the same condition.
    """
    engine = backend()
    pool = within if within is not None else CaseStudy.objects.published()
    if pool.count() <= SCORE_EVERYTHING_UP_TO:
        return list(pool.order_by("-published_at", "-pk").values_list("pk", flat=True))
    ids: list[int] = []
    if profile.therapy_areas:
        bits = vocab.mask(vocab.THERAPY_AREAS, profile.therapy_areas)
        sharing = pool.filter(GreaterThan(F("therapy_mask").bitand(bits), 0))
        terms = query_terms_for(profile)
        if terms:
            ids += engine.rough_ids(terms, TAG_CANDIDATES, within=sharing)
        if len(ids) < TAG_CANDIDATES:
            newest = sharing.exclude(pk__in=ids).order_by("-published_at", "-pk")
            ids += list(newest.values_list("pk", flat=True)[: TAG_CANDIDATES - len(ids)])
    conditions = condition_terms(profile)
    if conditions:
        ids += engine.rough_ids(conditions, TEXT_CANDIDATES, within=within)
    return list(dict.fromkeys(ids))


def rank(
    profile: Profile, *, within: CaseStudyQuerySet | None = None, limit: int | None = None
) -> list[Match[int]]:
    """Published studies (in `within`, if given) that share anything with the profile, most
    similar first."""
    ids = candidate_ids(profile, within=within)
    profiles = {
        pk: Profile.from_dict(data)
        for pk, data in CaseStudy.objects.filter(pk__in=ids).values_list("pk", "profile")
    }
    ranked = rank_similar(profile, {pk: profiles[pk] for pk in ids if pk in profiles}, limit=None)
    return [m for m in ranked if m.score >= MIN_SCORE][:limit]
