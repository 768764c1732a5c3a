"""The controlled vocabularies of the case-study library.

Every structured field a case study is filtered or compared on draws its values from here, so
the database choices, the import validation, the facets and the similarity scoring can never
disagree about what a value means.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType
from typing import Final

Vocabulary = MappingProxyType[str, str]


def _vocab(*pairs: tuple[str, str]) -> Vocabulary:
    return MappingProxyType(dict(pairs))


WORKING_TYPES: Final = _vocab(
    ("cw", "Collaborative working"),
    ("jw", "Joint working"),
    ("", "Not stated"),
)

SETTINGS: Final = _vocab(
    ("primary", "Primary care"),
    ("secondary", "Secondary care"),
    ("community", "Community services"),
    ("system", "System level (ICB, alliance or network)"),
)

NATIONS: Final = _vocab(
    ("england", "England"),
    ("wales", "Wales"),
    ("scotland", "Scotland"),
    ("northern_ireland", "Northern Ireland"),
    ("uk", "More than one UK nation"),
)

# NHS England's seven regions; studies outside England, or spanning regions, say so.
REGIONS: Final = _vocab(
    ("north_east_yorkshire", "North East and Yorkshire"),
    ("north_west", "North West"),
    ("midlands", "Midlands"),
    ("east_of_england", "East of England"),
    ("london", "London"),
    ("south_east", "South East"),
    ("south_west", "South West"),
    ("several", "Several regions"),
    ("", "Outside England or not stated"),
)

THERAPY_AREAS: Final = _vocab(
    ("cardiovascular", "Cardiovascular"),
    ("dermatology", "Dermatology"),
    ("diabetes", "Diabetes and metabolic"),
    ("hepatology", "Liver disease and hepatitis"),
    ("mental_health", "Mental health and addiction"),
    ("musculoskeletal", "Musculoskeletal and orthopaedics"),
    ("neurology", "Neurology"),
    ("oncology", "Cancer"),
    ("ophthalmology", "Eye health"),
    ("renal", "Kidney disease"),
    ("respiratory", "Respiratory"),
    ("rheumatology", "Rheumatology and immunology"),
    ("womens_health", "Women's health"),
    ("other", "Other"),
)

INTERVENTIONS: Final = _vocab(
    ("pathway_redesign", "Pathway redesign"),
    ("case_finding", "Case finding"),
    ("service_evaluation", "Service evaluation"),
    ("digital_platform", "Digital platform"),
    ("education", "Education and training"),
    ("workforce", "Workforce or secondment"),
    ("data_analytics", "Data and analytics"),
)

# What became of the work once the partnership ended.
NEXT_STEPS: Final = _vocab(
    ("sustained", "Sustained"),
    ("scaled", "Scaled up or spread"),
    ("recommissioned", "Recommissioned"),
    ("ended", "Ended"),
    ("unknown", "Not known yet"),
)
# The outcomes that count as the work carrying on after the partnership.
CONTINUED: Final = frozenset({"sustained", "scaled", "recommissioned"})

BARRIERS: Final = _vocab(
    ("information_governance", "Information governance"),
    ("data_sharing", "Data sharing"),
    ("trust", "Trust"),
    ("contracting_time", "Contracting time"),
    ("capacity", "Capacity"),
    ("sustaining", "Sustaining"),
    ("", "General lesson"),
)

SECTORS: Final = _vocab(
    ("nhs", "NHS"),
    ("industry", "Industry"),
    ("other", "Other party"),
)

STATUSES: Final = _vocab(("draft", "Draft"), ("published", "Published"))

# Words that suggest a therapy area, for projects whose therapy area is free text. Matching
# runs on normalised tokens (see text.py), so "cardiology" and "cardiac" need separate entries.
THERAPY_KEYWORDS: Final[dict[str, tuple[str, ...]]] = {
    "cardiovascular": (
        "cardiology",
        "cardiac",
        "cardiovascular",
        "heart",
        "coronary",
        "atrial fibrillation",
        "anticoagulation",
        "anticoagulate",
        "stroke",
        "hypertension",
        "blood pressure",
        "cholesterol",
        "lipid",
    ),
    "dermatology": ("dermatology", "skin", "dermoscopy", "teledermatology", "eczema", "psoriasis"),
    "diabetes": ("diabetes", "diabetic", "hba1c", "obesity", "metabolic", "weight management"),
    "hepatology": ("hepatitis", "hep c", "liver", "hepatology", "cirrhosis"),
    "mental_health": ("mental health", "depression", "anxiety", "psychosis", "addiction"),
    "musculoskeletal": ("orthopaedic", "orthopaedics", "hip", "knee", "fracture", "osteoporosis"),
    "neurology": ("neurology", "epilepsy", "migraine", "parkinson", "multiple sclerosis"),
    "oncology": (
        "cancer",
        "oncology",
        "chemotherapy",
        "sact",
        "tumour",
        "melanoma",
        "prehabilitation",
    ),
    "ophthalmology": ("eye", "ophthalmology", "macular", "glaucoma", "retinal"),
    "renal": ("kidney", "renal", "ckd", "dialysis"),
    "respiratory": ("respiratory", "asthma", "copd", "lung", "inhaler", "spirometry"),
    "rheumatology": ("rheumatology", "arthritis", "immunology", "lupus", "inflammatory"),
    "womens_health": ("menopause", "maternity", "endometriosis", "contraception"),
}

INTERVENTION_KEYWORDS: Final[dict[str, tuple[str, ...]]] = {
    "pathway_redesign": ("pathway", "redesign", "service model", "clinic", "hub", "short stay"),
    "case_finding": (
        "case finding",
        "find",
        "identify",
        "identification",
        "screen",
        "screening",
        "testing",
        "test",
        "risk stratify",
        "risk stratification",
        "undiagnosed",
    ),
    "service_evaluation": ("evaluation", "evaluate", "audit", "review of the service", "appraisal"),
    "digital_platform": ("digital", "platform", "software", "app", "online", "remote", "dashboard"),
    "education": ("education", "training", "train", "upskill", "upskilling", "mentoring"),
    "workforce": ("secondment", "seconded", "workforce", "funded post", "nurse time", "fellow"),
    "data_analytics": ("data", "analytics", "analysis", "dashboard", "heat map"),
}


def label(vocabulary: Vocabulary, code: str) -> str:
    """The label for a code, or the code itself when the vocabulary does not know it."""
    return vocabulary.get(code, code)


def code_for(vocabulary: Vocabulary, value: str) -> str | None:
    """Accept a code or a label (any case); None when it is neither."""
    cleaned = value.strip()
    if cleaned in vocabulary:
        return cleaned
    lowered = cleaned.casefold()
    for code, text in vocabulary.items():
        if code.casefold() == lowered or text.casefold() == lowered:
            return code
    return None


def in_order(vocabulary: Vocabulary, codes: Iterable[str]) -> tuple[str, ...]:
    """The codes without repeats, in the vocabulary's own order (unknown codes last)."""
    position = {code: i for i, code in enumerate(vocabulary)}
    return tuple(sorted(set(codes), key=lambda c: (position.get(c, len(position)), c)))


def mask(vocabulary: Vocabulary, codes: Iterable[str]) -> int:
    """The codes as bits, one per position in the vocabulary (for fast multi-valued facets)."""
    position = {code: i for i, code in enumerate(vocabulary)}
    return sum(1 << position[code] for code in set(codes) if code in position)


def codes_in(vocabulary: Vocabulary, bits: int) -> tuple[str, ...]:
    """The codes whose bits are set, in vocabulary order (the inverse of `mask`)."""
    return tuple(code for i, code in enumerate(vocabulary) if bits >> i & 1)


def bit(vocabulary: Vocabulary, code: str) -> int:
    return 1 << list(vocabulary).index(code)


def choices(vocabulary: Vocabulary, *, include_blank: bool = True) -> list[tuple[str, str]]:
    return [(code, text) for code, text in vocabulary.items() if include_blank or code]
