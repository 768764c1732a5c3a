"""Reads for the public register. Everything starts from `published`: nothing else is public.

A project is on the register once its executive summary's publication date has arrived.
Search looks only at fields that are themselves published (the published title, therapy
area, the summary's text and the partners' names), never at internal records, so a match can never
hint at something private.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Upper

from triplewin.core.obligations import Obligation
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.obligations.selectors import obligations_for
from triplewin.organisations.models import Organisation, OrgType, sector_for
from triplewin.partnerships.models import PartyRole, Project, ProjectPartner
from triplewin.register import certified
from triplewin.register.filters import Filters, period_end, period_start
from triplewin.register.presenters import KpiResult, PublicPartner, PublishedOutcomes, RegisterEntry
from triplewin.transfers.models import TransferOfValue
from triplewin.transfers.selectors import totals_by_project_year


def published(today: dt.date) -> QuerySet[Project]:
    return Project.objects.filter(
        executive_summary__published_on__isnull=False,
        executive_summary__published_on__lte=today,
    )


def _partner(*conditions: Q, **lookups: object) -> Q:
    """Projects with a partner matching the conditions, as an uncorrelated subquery."""
    partners = ProjectPartner.objects.filter(*conditions, **lookups).values("project_id")
    return Q(pk__in=partners)


def _text_match(text: str) -> Q:
    """One subquery per table, so PostgreSQL can answer each from its trigram index.

    The summary's title, rationale and objectives are read through `search_text`, which the
    database keeps upper-cased: the pattern is upper-cased by the same database function, so
    a common word costs one pass over stored text rather than three case conversions of every
    summary (ADR 0042). The project's own title is searched only where the register shows it:
    where the published summary has no title of its own (see `RegisterEntry.title`).
    """
    own_title = Project.objects.filter(title__icontains=text, executive_summary__title="")
    in_summary = ExecutiveSummary.objects.filter(search_text__contains=Upper(Value(text)))
    return (
        Q(pk__in=Project.objects.filter(therapy_area__icontains=text).values("pk"))
        | Q(pk__in=own_title.values("pk"))
        | Q(pk__in=in_summary.values("project_id"))
        | _partner(organisation__in=Organisation.objects.filter(name__icontains=text))
    )


def search(filters: Filters, today: dt.date) -> QuerySet[Project]:
    found = published(today)
    if filters.q:
        found = found.filter(_text_match(filters.q))
    if filters.organisation:
        found = found.filter(_partner(organisation_id=filters.organisation))
    if filters.company:
        found = found.filter(
            _partner(organisation_id=filters.company, organisation__org_type=OrgType.PHARMACEUTICAL)
        )
    if filters.icb:
        found = found.filter(
            _partner(Q(organisation_id=filters.icb) | Q(organisation__system_id=filters.icb))
        )
    if filters.region:
        found = found.filter(_partner(organisation__region=filters.region))
    if filters.setting:
        found = found.filter(origin_setting=filters.setting)
    if filters.therapy_area:
        found = found.filter(therapy_area__iexact=filters.therapy_area)
    if filters.type:
        found = found.filter(intended_type=filters.type)
    if filters.status:
        found = found.filter(state=filters.status)
    if filters.year:
        first, last = dt.date(filters.year, 1, 1), dt.date(filters.year, 12, 31)
        found = found.annotate(_start=period_start(), _end=period_end()).filter(
            Q(_start__lte=last, _end__isnull=True)
            | Q(_start__lte=last, _end__gte=first)
            | Q(pk__in=TransferOfValue.objects.filter(year=filters.year).values("project_id"))
        )
    return found


# Newest publication first; the id settles ties, so a page boundary is always the same.
ORDER = ("-executive_summary__published_on", "-pk")


def ordered(projects: QuerySet[Project]) -> QuerySet[Project]:
    return (
        projects.select_related("executive_summary")
        .defer(*PRIVATE_FIELDS, "executive_summary__search_text")
        .order_by(*ORDER)
    )


def search_page(filters: Filters, today: dt.date, offset: int, limit: int) -> tuple[list[int], int]:
    """The ids of one page of search results, and the number of all of them, from one pass.

    Counting and then fetching the page ran the filters and the text match twice. Here one
    query returns the ids of every match in order, which is narrow and cheap even for every
    published partnership; the total is their number. The caller draws the page's cards
    (`register.cards`). (Counting alongside with COUNT(*) OVER () and a LIMIT led
    PostgreSQL's planner to plans several times slower.)
    """
    ids = list(search(filters, today).order_by(*ORDER).values_list("pk", flat=True))
    return ids[offset : offset + limit], len(ids)


def outcomes_for(
    projects: Sequence[Project], today: dt.date, *, with_kpis: bool
) -> dict[int, PublishedOutcomes]:
    """The published summaries of outcomes of these projects, by project id.

    One query for the summaries; the KPI results, when asked for, cost a few queries for each
    project that has published outcomes (lists of results leave them out).
    """
    by_id = {p.pk: p for p in projects}
    found = {}
    for summary in certified.published_outcomes(today).filter(project_id__in=list(by_id)):
        project = by_id[summary.project_id]
        kpis, as_published = (
            certified.outcomes_kpi_results(project, summary) if with_kpis else ([], True)
        )
        found[project.pk] = PublishedOutcomes(
            project_id=project.pk,
            summary=summary,
            kpi_results=[KpiResult.from_row(row) for row in kpis],
            as_published=as_published,
        )
    return found


def entries(
    projects: Sequence[Project], today: dt.date, *, with_kpis: bool = False
) -> list[RegisterEntry]:
    """Register entries for a page of projects, with a fixed number of queries.

    `with_kpis` adds each published outcomes summary's KPI results, for one entry's page and
    the open data files.
    """
    ids = [p.pk for p in projects]
    partners: dict[int, list[PublicPartner]] = {pk: [] for pk in ids}
    roles = dict(PartyRole.choices)
    # Plain values rather than model instances: the open data files build thousands.
    for project_id, org_id, name, org_type, role in (
        ProjectPartner.objects.filter(project_id__in=ids)
        .order_by("party_role", "organisation__name")
        .values_list(
            "project_id",
            "organisation_id",
            "organisation__name",
            "organisation__org_type",
            "party_role",
        )
    ):
        partners[project_id].append(PublicPartner(org_id, name, sector_for(org_type), roles[role]))
    totals = totals_by_project_year(ids)
    due: dict[int, tuple[Obligation, ...]] = obligations_for(projects, today, include_reports=False)
    outcomes = outcomes_for(projects, today, with_kpis=with_kpis)
    return [
        RegisterEntry(
            project=p,
            summary=p.executive_summary,
            partners=partners[p.pk],
            tov_by_year=totals.get(p.pk, {}),
            obligations=due[p.pk],
            today=today,
            outcomes=outcomes.get(p.pk),
        )
        for p in projects
    ]


# Internal fields that the register never shows, so never loads.
PRIVATE_FIELDS = (
    "summary",
    "proposed_by",
    "created_by",
    "row_version",
    "involves_medicines",
    "products_concerned",
)


def all_entries(today: dt.date, chunk: int = 500) -> Iterator[RegisterEntry]:
    """The whole register in id order, a chunk at a time, for the open data files."""
    last = 0
    while True:
        batch = list(
            published(today)
            .filter(pk__gt=last)
            .select_related("executive_summary")
            .defer(*PRIVATE_FIELDS, "executive_summary__search_text")
            .order_by("pk")[:chunk]
        )
        if not batch:
            return
        yield from entries(batch, today, with_kpis=True)
        last = batch[-1].pk
