"""Facets: every structured field, with counts that honour the other active filters.

Within one facet the chosen values are alternatives (therapy area respiratory OR renal);
across facets they all apply. A facet's own counts ignore its own selection, so people can
see how many studies each alternative would add.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final

from django.db import connection
from django.db.models import F, Q
from django.db.models.lookups import GreaterThan

from triplewin.core.library import vocabulary as vocab
from triplewin.library.models import CaseStudyQuerySet, Tag

YES_NO: Final = MappingProxyType({"yes": "Yes", "no": "No"})
MAX_VALUES: Final = 20

Selection = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class FacetSpec:
    name: str
    label: str
    field: str = ""
    tag_kind: str = ""
    # None for free-text values (the ICB), whose labels are the values themselves.
    vocabulary: vocab.Vocabulary | None = None
    blank_label: str = ""


FACETS: Final = (
    FacetSpec("therapy", "Therapy area", tag_kind=Tag.Kind.THERAPY, vocabulary=vocab.THERAPY_AREAS),
    FacetSpec("setting", "Setting", field="setting", vocabulary=vocab.SETTINGS),
    FacetSpec(
        "intervention",
        "Intervention type",
        tag_kind=Tag.Kind.INTERVENTION,
        vocabulary=vocab.INTERVENTIONS,
    ),
    FacetSpec("type", "Type of arrangement", field="working_type", vocabulary=vocab.WORKING_TYPES),
    FacetSpec(
        "inequalities", "Health inequalities focus", field="inequalities_focus", vocabulary=YES_NO
    ),
    FacetSpec(
        "next", "What happened next", field="what_happened_next", vocabulary=vocab.NEXT_STEPS
    ),
    FacetSpec("nation", "Nation", field="nation", vocabulary=vocab.NATIONS),
    FacetSpec("region", "NHS England region", field="region", vocabulary=vocab.REGIONS),
    FacetSpec("icb", "ICB or health board", field="icb", blank_label="Not stated"),
)
BY_NAME: Final = {spec.name: spec for spec in FACETS}
MASKS: Final[dict[str, str]] = {
    Tag.Kind.THERAPY.value: "therapy_mask",
    Tag.Kind.INTERVENTION.value: "intervention_mask",
}
BY_FIELD: Final = {spec.field: spec for spec in FACETS if spec.field}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: tuple[Option, ...]

    @property
    def selected(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.selected)


def clean(raw: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Known facets and values only; unknown ones are dropped rather than refused."""
    selection: dict[str, tuple[str, ...]] = {}
    for name, values in raw.items():
        spec = BY_NAME.get(name)
        if spec is None:
            continue
        kept: list[str] = []
        for value in values[:MAX_VALUES]:
            value = value.strip()[:200]
            known = spec.vocabulary is None or value in spec.vocabulary
            if known and (value or spec.vocabulary is not None) and value not in kept:
                kept.append(value)
        if kept:
            selection[name] = tuple(kept)
    return selection


def _condition(spec: FacetSpec, values: tuple[str, ...]) -> Q | GreaterThan[int]:
    if spec.tag_kind:
        assert spec.vocabulary is not None
        # Any of the chosen codes: the study's mask shares a bit with theirs.
        bits = vocab.mask(spec.vocabulary, values)
        return GreaterThan(F(MASKS[spec.tag_kind]).bitand(bits), 0)
    if spec.field == "inequalities_focus":
        return Q(inequalities_focus__in=[v == "yes" for v in values])
    return Q(**{f"{spec.field}__in": values})


def apply(
    queryset: CaseStudyQuerySet, selection: Selection, *, skip: str = ""
) -> CaseStudyQuerySet:
    for name, values in selection.items():
        if name != skip and values:
            queryset = queryset.filter(_condition(BY_NAME[name], values))
    return queryset


# Short codes counted together, a few fields per GROUP BY so that the combinations stay few.
# The ICB is free text with many values, so it is counted on its own.
GROUPS: Final = (
    ("setting", "working_type", "inequalities_focus", "what_happened_next"),
    ("nation", "region"),
)
GROUPED: Final = tuple(field for group in GROUPS for field in group)
FIELDS: Final = tuple(spec.field for spec in FACETS if spec.field)
KINDS: Final = tuple(spec.tag_kind for spec in FACETS if spec.tag_kind)


@dataclass(frozen=True)
class Counts:
    total: int
    by_facet: dict[str, Counter[str]]


def _value(field: str, value: str) -> str:
    if field == "inequalities_focus":
        # PostgreSQL casts booleans to 'true'/'false', SQLite stores 1/0.
        return "yes" if value in ("true", "1", "t") else "no"
    return value


def _tag_select(kinds: Sequence[str], alias: str) -> tuple[str, list[Any]]:
    """One row per kind: the number of studies with each code, in vocabulary order."""
    selects, params = [], []
    for kind in kinds:
        spec = next(s for s in FACETS if s.tag_kind == kind)
        assert spec.vocabulary is not None
        column = MASKS[kind]
        sums = " || '|' || ".join(
            f"CAST(SUM(({column} >> {position}) & 1) AS TEXT)"
            for position in range(len(spec.vocabulary))
        )
        selects.append(f"SELECT %s, {sums}, COUNT(*) FROM {alias}")  # noqa: S608
        params.append(f"mask:{kind}")
    return " UNION ALL ".join(selects), params


def _field_select(field: str, alias: str) -> tuple[str, list[Any]]:
    return (
        f"SELECT %s, CAST({field} AS TEXT), COUNT(*) FROM {alias} GROUP BY {field}",  # noqa: S608
        [field],
    )


def _select_for(spec: FacetSpec, alias: str) -> tuple[str, list[Any]]:
    return (
        _tag_select([spec.tag_kind], alias) if spec.tag_kind else _field_select(spec.field, alias)
    )


def count(base: CaseStudyQuerySet, selection: Selection, *, share: bool) -> Counts:
    """The number of matching studies and every facet's counts, in one statement.

    The fully filtered set serves every facet with nothing selected, and gives the total: the
    short-coded fields are counted in a single GROUP BY over all of them together, the ICB and
    the tags in one query each. Each facet with a selection gets the set filtered by
    everything else. The sets are common table expressions. With `share` (a text query), the
    fully filtered set is one expression used three times, which the database works out once,
    so MATCH runs once; without it each use gets its own copy, which the database folds into
    the query and answers from the facet index. The statement is built only from Django's own
    compiled, parameterised querysets and fixed column names.
    """
    sets = {"": apply(base, selection)} | {
        name: apply(base, selection, skip=name) for name in selection
    }
    ctes: list[str] = []
    cte_params: list[Any] = []
    selects: list[str] = []
    params: list[Any] = []

    def table(queryset: CaseStudyQuerySet) -> str:
        alias = f"set{len(ctes)}"
        columns = (*FIELDS, *MASKS.values())
        sql, sql_params = queryset.order_by().values("pk", *columns).query.sql_with_params()
        ctes.append(f"{alias} (id, {', '.join(columns)}) AS ({sql})")
        cte_params.extend(sql_params)
        return alias

    for skip, queryset in sets.items():
        if skip:
            select, select_params = _select_for(BY_NAME[skip], table(queryset))
            selects.append(select)
            params.extend(select_params)
            continue
        shared = table(queryset) if share else ""
        # Each group counts every row of the fully filtered set once, so the first group's
        # rows also add up to the total.
        for number, group in enumerate(GROUPS):
            joined = " || '|' || ".join(f"CAST({field} AS TEXT)" for field in group)
            alias = shared or table(queryset)
            selects.append(
                f"SELECT %s, {joined}, COUNT(*) FROM {alias} GROUP BY {', '.join(group)}"  # noqa: S608
            )
            params.append(f"*{number}")
        if "icb" not in selection:
            select, select_params = _field_select("icb", shared or table(queryset))
            selects.append(select)
            params.extend(select_params)
        kinds = [s.tag_kind for s in FACETS if s.tag_kind and s.name not in selection]
        if kinds:
            select, select_params = _tag_select(kinds, shared or table(queryset))
            selects.append(select)
            params.extend(select_params)
    statement = f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)}"
    by_facet: dict[str, Counter[str]] = {name: Counter() for name in (*FIELDS, *KINDS)}
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(statement, [*cte_params, *params])
        rows = cursor.fetchall()
    for key, value, n in rows:
        if key.startswith("mask:"):
            kind = key.removeprefix("mask:")
            spec = next(s for s in FACETS if s.tag_kind == kind)
            assert spec.vocabulary is not None
            for code, count in zip(spec.vocabulary, (value or "").split("|"), strict=False):
                by_facet[kind][code] += int(count or 0)
            continue
        if not key.startswith("*"):
            by_facet[key][_value(key, value)] += n
            continue
        group = GROUPS[int(key[1:])]
        if group is GROUPS[0]:
            total += n
        for field, part in zip(group, value.split("|"), strict=True):
            if BY_FIELD[field].name not in selection:
                by_facet[field][_value(field, part)] += n
    return Counts(total, by_facet)


def all_facets(
    base: CaseStudyQuerySet, selection: Selection, *, share: bool
) -> tuple[int, tuple[Facet, ...]]:
    """The number of matching studies, and every facet's options with their counts."""
    counts = count(base, selection, share=share)
    return counts.total, tuple(
        facet(spec, counts.by_facet[spec.tag_kind or spec.field], selection) for spec in FACETS
    )


def facet(spec: FacetSpec, counts: Counter[str], selection: Selection) -> Facet:
    chosen = set(selection.get(spec.name, ()))
    if spec.vocabulary is not None:
        values = [code for code in spec.vocabulary if counts.get(code) or code in chosen]
        labels = dict(spec.vocabulary)
    else:
        values = sorted({v for v in counts if v} | chosen, key=str.casefold)
        labels = {v: v for v in values}
    options = tuple(
        Option(value, labels.get(value) or spec.blank_label, counts.get(value, 0), value in chosen)
        for value in values
    )
    return Facet(spec.name, spec.label, options)
