"""How alike two partnerships are: structured overlap plus TF-IDF cosine on their words.

A profile holds what a partnership is about: its therapy areas, setting, intervention types,
the normalised tokens of its objectives, and those of its outcomes. The score is a weighted sum
of five parts, each between 0 and 1, so it can be explained part by part on screen.

The inverse document frequencies come from the candidates being compared, not the whole
library: the database has already narrowed the field to plausible matches, and within that
field a word shared by every candidate says nothing about which is closest.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Generic, TypeVar

K = TypeVar("K", bound=Hashable)

WEIGHTS: Final[dict[str, float]] = {
    "therapy": 0.35,
    "setting": 0.15,
    "interventions": 0.20,
    "objectives": 0.20,
    "outcomes": 0.10,
}
PART_LABELS: Final[dict[str, str]] = {
    "therapy": "Therapy area",
    "setting": "Setting",
    "interventions": "Intervention types",
    "objectives": "Objectives",
    "outcomes": "Outcomes",
}
# System-level work spans settings, and community services sit next to primary care, so these
# pairs count as half alike rather than unlike.
NEAR_SETTINGS: Final = frozenset(
    {
        frozenset({"primary", "community"}),
        frozenset({"system", "primary"}),
        frozenset({"system", "secondary"}),
        frozenset({"system", "community"}),
    }
)


@dataclass(frozen=True)
class Profile:
    therapy_areas: frozenset[str] = frozenset()
    setting: str = ""
    interventions: frozenset[str] = frozenset()
    objectives: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "therapy_areas": sorted(self.therapy_areas),
            "setting": self.setting,
            "interventions": sorted(self.interventions),
            "objectives": list(self.objectives),
            "outcomes": list(self.outcomes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Profile:
        def strings(key: str) -> list[str]:
            value = data.get(key) or []
            return [str(v) for v in value] if isinstance(value, list) else []

        return cls(
            therapy_areas=frozenset(strings("therapy_areas")),
            setting=str(data.get("setting") or ""),
            interventions=frozenset(strings("interventions")),
            objectives=tuple(strings("objectives")),
            outcomes=tuple(strings("outcomes")),
        )


@dataclass(frozen=True)
class Match(Generic[K]):
    key: K
    score: float
    parts: Mapping[str, float] = field(default_factory=dict)
    shared_therapy_areas: frozenset[str] = frozenset()
    shared_interventions: frozenset[str] = frozenset()

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def setting_similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return 0.5 if frozenset({a, b}) in NEAR_SETTINGS else 0.0


def idf_table(documents: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency: never zero, so a shared word always counts a bit."""
    docs = [set(d) for d in documents]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d)
    n = len(docs)
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def tfidf(tokens: Sequence[str], idf: Mapping[str, float]) -> dict[str, float]:
    counts = Counter(tokens)
    return {t: (1.0 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items()}


def cosine(u: Mapping[str, float], v: Mapping[str, float]) -> float:
    if not u or not v:
        return 0.0
    if len(u) > len(v):
        u, v = v, u
    dot = sum(weight * v.get(term, 0.0) for term, weight in u.items())
    norm = math.sqrt(sum(w * w for w in u.values())) * math.sqrt(sum(w * w for w in v.values()))
    return dot / norm if norm else 0.0


def _text_scores(target: Sequence[str], candidates: Mapping[K, Sequence[str]]) -> dict[K, float]:
    idf = idf_table([target, *candidates.values()])
    wanted = tfidf(target, idf)
    return {key: cosine(wanted, tfidf(tokens, idf)) for key, tokens in candidates.items()}


def rank_similar(
    target: Profile, candidates: Mapping[K, Profile], *, limit: int | None = None
) -> list[Match[K]]:
    """Candidates from most to least alike; ties keep the candidates' given order."""
    objectives = _text_scores(target.objectives, {k: p.objectives for k, p in candidates.items()})
    outcomes = _text_scores(target.outcomes, {k: p.outcomes for k, p in candidates.items()})
    matches: list[Match[K]] = []
    for key, profile in candidates.items():
        parts = {
            "therapy": jaccard(target.therapy_areas, profile.therapy_areas),
            "setting": setting_similarity(target.setting, profile.setting),
            "interventions": jaccard(target.interventions, profile.interventions),
            "objectives": objectives[key],
            "outcomes": outcomes[key],
        }
        # Rounded so that scores equal but for floating-point noise are equal, keep the
        # candidates' given order, and are shown as the same number.
        score = round(sum(WEIGHTS[name] * value for name, value in parts.items()), 9)
        matches.append(
            Match(
                key=key,
                score=score,
                parts=parts,
                shared_therapy_areas=target.therapy_areas & profile.therapy_areas,
                shared_interventions=target.interventions & profile.interventions,
            )
        )
    order = {key: i for i, key in enumerate(candidates)}
    matches.sort(key=lambda m: (-m.score, order[m.key]))
    return matches[:limit] if limit is not None else matches
