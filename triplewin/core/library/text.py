"""Text normalisation for library search, shared by the PostgreSQL and SQLite backends.

Both databases index and query the *output* of this module, never raw prose: PostgreSQL with
its 'simple' configuration (no stemming, no stop words of its own) and SQLite's FTS5 with its
default tokenizer. Because the stemming, stop words and synonyms happen here, once, the two
backends see identical terms and can rank comparably.

Synonyms are expressed as concepts: every phrase in a group ("waiting times", "faster
diagnosis", "turnaround time") adds the group's concept token to an indexed document, and a
query naming any of them asks for that token. A query for "secondment" therefore finds a study
that talks about its "industry-funded posts".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

WORD: Final = re.compile(r"[a-z0-9]+")

_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just may me might more most must my no nor not now of off on once only or other
    our ours out over own per same she should so some such than that the their theirs them
    then there these they this those through to too under until up upon us very via was we
    were what when where which while who whom why will with within without would you your
    yours
"""
STOPWORDS: Final = frozenset(_STOPWORD_TEXT.split())

# Words that say what someone wants rather than what they want it about. They are dropped
# from queries (not from documents) unless nothing else is left.
_QUERY_NOISE_TEXT = """
    reduce reducing reduction improve improving improvement increase increasing better help
    example examples project projects partnership partnerships nhs case study studies find
    show want looking way ways
"""
QUERY_NOISE: Final = frozenset(_QUERY_NOISE_TEXT.split())

# Concept token -> the phrases that mean it. Tokens are plain lowercase letters so that they
# are safe inside both a tsquery and an FTS5 query.
CONCEPTS: Final[dict[str, tuple[str, ...]]] = {
    "primarycare": (
        "primary care",
        "general practice",
        "general practices",
        "gp",
        "gps",
        "gp practice",
        "pcn",
        "pcns",
        "primary care network",
        "practice nurse",
    ),
    "secondarycare": ("secondary care", "hospital", "acute trust", "outpatient", "inpatient"),
    "communitycare": ("community services", "community pharmacy", "drug and alcohol services"),
    "waittime": (
        "waiting time",
        "wait",
        "waiting",
        "waiting list",
        "faster diagnosis",
        "faster diagnosis standard",
        "turnaround time",
        "turnaround",
        "delay",
        "backlog",
        "time to diagnosis",
    ),
    "workforce": (
        "secondment",
        "seconded",
        "workforce",
        "funded post",
        "industry funded post",
        "staffing",
    ),
    "datasharing": (
        "data sharing",
        "information sharing",
        "share data",
        "sharing data",
        "shared data",
    ),
    "infogovernance": ("information governance", "ig", "caldicott"),
    "inequalities": (
        "health inequalities",
        "inequalities",
        "inequality",
        "inequity",
        "deprivation",
        "deprived",
        "underserved",
        "equity",
        "equality of access",
    ),
    "copd": ("copd", "chronic obstructive pulmonary disease"),
    "asthma": ("asthma", "asthmatic"),
    "ckd": ("ckd", "chronic kidney disease", "kidney disease"),
    "afib": ("atrial fibrillation", "af"),
    "hepc": ("hepatitis c", "hep c", "hcv"),
    "acs": ("acute coronary syndrome", "acs", "heart attack", "myocardial infarction"),
    "sact": ("sact", "systemic anti cancer therapy", "chemotherapy", "chemo"),
    "cancer": ("cancer", "oncology", "oncological", "tumour", "carcinoma"),
    "diabetes": ("diabetes", "diabetic"),
    "skin": ("skin", "dermatology", "dermatological", "teledermatology", "dermoscopy"),
    "training": ("training", "education", "educational", "upskill", "upskilling", "mentoring"),
    "digital": ("digital", "software", "app", "online", "remote monitoring", "telehealth"),
    "evaluation": ("evaluation", "evaluate", "service evaluation", "audit"),
    "casefinding": (
        "case finding",
        "risk stratification",
        "risk stratify",
        "proactive identification",
        "screening",
        "undiagnosed",
    ),
    "stroke": ("stroke", "cva"),
    "arthritis": ("arthritis", "rheumatoid", "rheumatology"),
    "orthopaedic": (
        "orthopaedic",
        "orthopedic",
        "arthroplasty",
        "hip replacement",
        "knee replacement",
    ),
    "prehab": ("prehabilitation", "prehab"),
    "anticoag": ("anticoagulation", "anticoagulate", "anticoagulant", "doac"),
    "contracting": ("contract", "contracting", "procurement"),
}


def fold(text: str) -> str:
    """Lowercase ASCII: accents dropped, apostrophes closed up ("don't" -> "dont")."""
    text = text.replace("'", "").replace("\u2019", "").replace("&", " and ")
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def _has_vowel(text: str) -> bool:
    return any(c in "aeiouy" for c in text)


def stem(word: str) -> str:
    """A small, deterministic suffix stripper: plurals, -ing, -ed, -ation, -osis, final -e.

    It is deliberately simpler than Porter's: it only has to map a word and its common
    variants to the same token, and it must behave identically wherever it runs.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    w = word
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        base = w[: -len(suffix)]
        if w.endswith(suffix) and len(base) >= 3 and _has_vowel(base):
            w = base
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("ation") and len(w) > 7:
        w = w[:-3]
    elif w.endswith(("osis", "ysis")):
        w = w[:-2]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text))


PHRASES: Final[dict[tuple[str, ...], str]] = {
    _stems(phrase): concept for concept, phrases in CONCEPTS.items() for phrase in phrases
}
LONGEST_PHRASE: Final = max(len(key) for key in PHRASES)


def _scan(text: str) -> Iterable[tuple[tuple[str, ...], str | None]]:
    """Walk the text's stems, yielding the longest known phrase at each point, else one stem."""
    stems = _stems(text)
    i = 0
    while i < len(stems):
        for size in range(min(LONGEST_PHRASE, len(stems) - i), 0, -1):
            concept = PHRASES.get(stems[i : i + size])
            if concept is not None:
                yield stems[i : i + size], concept
                i += size
                break
        else:
            yield stems[i : i + 1], None
            i += 1


def index_tokens(text: str) -> list[str]:
    """The tokens a document contributes to the index: its own stems plus any concepts."""
    tokens: list[str] = []
    for parts, concept in _scan(text):
        tokens.extend(p for p in parts if p not in STOPWORDS and p != concept)
        if concept is not None:
            tokens.append(concept)
    return tokens


def index_document(parts: Iterable[str]) -> str:
    return " ".join(token for part in parts if part for token in index_tokens(part))


def query_terms(text: str, *, limit: int = 12) -> list[str]:
    """The distinct terms a query asks for, in the order typed.

    A recognised phrase becomes its concept alone ("primary care" -> primarycare), so the
    query is as precise as the person meant it to be.
    """
    terms: list[str] = []
    noise: list[str] = []
    for parts, concept in _scan(text):
        candidates = [concept] if concept is not None else [p for p in parts if p not in STOPWORDS]
        for term in candidates:
            target = noise if concept is None and term in _NOISE_STEMS else terms
            if term not in target:
                target.append(term)
    return (terms or noise)[:limit]


_NOISE_STEMS: Final = frozenset(stem(w) for w in QUERY_NOISE) | QUERY_NOISE


def matches_any(tokens: set[str], phrases: Sequence[str]) -> bool:
    """True when every query term of at least one phrase is among the tokens."""
    for phrase in phrases:
        wanted = query_terms(phrase)
        if wanted and all(term in tokens for term in wanted):
            return True
    return False


def fts5_query(terms: Sequence[str], *, every: bool = False) -> str:
    """An FTS5 MATCH expression asking for any (or every) term, each quoted as a string."""
    joiner = " AND " if every else " OR "
    return joiner.join(f'"{term}"' for term in terms if WORD.fullmatch(term))


def tsquery(terms: Sequence[str], *, every: bool = False) -> str:
    """A raw PostgreSQL tsquery asking for any (or every) term."""
    joiner = " & " if every else " | "
    return joiner.join(term for term in terms if WORD.fullmatch(term))
