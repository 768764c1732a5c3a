"""The register's filters: read from the query string, validated, and offered as choices.

Every choice offered is drawn from published partnerships only, and a chosen value is
displayed only when it is one of those choices, so neither the options nor the page echo
can reveal an organisation or therapy area that appears only in unpublished work.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from urllib.parse import urlencode

from django.db.models import Exists, Max, Min, OuterRef, QuerySet
from django.db.models.functions import Coalesce
from django.http import QueryDict
from markupsafe import Markup, escape

from triplewin.core.input_guard import safe_text
from triplewin.core.lifecycle import STATES, State
from triplewin.organisations.models import Organisation, OrgType
from triplewin.partnerships.models import Project, ProjectPartner, Setting, WorkingType

MAX_TEXT = 200
ID = re.compile(r"^[0-9]{1,18}$")
YEAR = re.compile(r"^[0-9]{4}$")


def _id(value: str) -> int | None:
    return int(value) if ID.match(value) else None


@dataclass(frozen=True)
class Filters:
    q: str = ""
    organisation: int | None = None
    company: int | None = None
    icb: int | None = None
    region: str = ""
    setting: str = ""
    therapy_area: str = ""
    type: str = ""
    status: str = ""
    year: int | None = None

    @classmethod
    def from_params(cls, params: QueryDict) -> Filters:
        def text(name: str) -> str:
            return " ".join(params.get(name, "").split())[:MAX_TEXT]

        year = text("year")
        return cls(
            q=text("q"),
            organisation=_id(text("organisation")),
            company=_id(text("company")),
            icb=_id(text("icb")),
            region=text("region"),
            setting=text("setting") if text("setting") in Setting.values else "",
            therapy_area=text("therapy_area"),
            type=text("type") if text("type") in WorkingType.values else "",
            status=text("status") if text("status") in {s.value for s in State} else "",
            year=int(year) if YEAR.match(year) else None,
        )

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def query_string(self, **changes: object) -> str:
        values = {**asdict(self), **changes}
        return urlencode({k: v for k, v in values.items() if v not in ("", None)})


@dataclass(frozen=True)
class Choice:
    """One option of a filter. Its value and label are cleaned and escaped once, when the
    choice is made, as the template would: the choices are cached with the register's other
    parts and drawn on every page, and the organisation list runs to hundreds."""

    value: str
    label: str
    value_html: str = field(init=False, repr=False, compare=False)
    label_html: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "value_html", str(escape(safe_text(self.value))))
        object.__setattr__(self, "label_html", str(escape(safe_text(self.label))))


@dataclass(frozen=True)
class Options:
    organisations: list[Choice] = field(default_factory=list)
    companies: list[Choice] = field(default_factory=list)
    icbs: list[Choice] = field(default_factory=list)
    regions: list[Choice] = field(default_factory=list)
    therapy_areas: list[Choice] = field(default_factory=list)
    statuses: list[Choice] = field(default_factory=list)
    years: list[Choice] = field(default_factory=list)
    settings: list[Choice] = field(default_factory=lambda: _static(Setting.choices))
    types: list[Choice] = field(default_factory=lambda: _static(WorkingType.choices))

    def label(self, name: str, value: object) -> str:
        """The public label of a chosen value, or "" if it is not among the choices."""
        for choice in getattr(self, name):
            if choice.value == str(value):
                return str(choice.label)
        return ""


@dataclass(frozen=True)
class Select:
    """One filter drop-down, with the chosen option (if any) marked."""

    name: str
    label: str
    any_text: str
    choices: list[Choice]
    chosen: str = ""

    @property
    def options_html(self) -> Markup:
        """The <option> elements, built here rather than in the template: printing hundreds of
        values one at a time through the template engine cost more than the rest of the page.
        Each value and label was escaped when its `Choice` was made."""
        chosen = self.chosen.lower()
        # Every value and label is escaped already (Choice), so the joined string is safe.
        return Markup(  # noqa: S704
            "".join(
                f'<option value="{c.value_html}"{" selected" if c.value.lower() == chosen else ""}>'
                f"{c.label_html}</option>"
                for c in self.choices
            )
        )


SELECTS = (
    ("organisation", "organisations", "NHS or other organisation", "Any organisation"),
    ("company", "companies", "Company", "Any company"),
    ("icb", "icbs", "Integrated care board area", "Any ICB"),
    ("region", "regions", "Region", "Any region"),
    ("setting", "settings", "Setting", "Any setting"),
    ("therapy_area", "therapy_areas", "Therapy area", "Any therapy area"),
    ("type", "types", "Type", "Collaborative or joint working"),
    ("status", "statuses", "Status", "Any status"),
    ("year", "years", "Running in year", "Any year"),
)


def selects(filters: Filters, opts: Options) -> list[Select]:
    found = []
    for name, choices, label, any_text in SELECTS:
        chosen = str(getattr(filters, name) or "")
        listed: list[Choice] = getattr(opts, choices)
        if name == "region" and not listed:
            continue
        found.append(Select(name, label, any_text, listed, chosen))
    return found


def _static(choices: list[tuple[str, str]]) -> list[Choice]:
    return [Choice(str(v), str(label)) for v, label in choices]


def period_start() -> Coalesce:
    return Coalesce("actual_start", "planned_start", "executive_summary__published_on")


def period_end() -> Coalesce:
    return Coalesce("actual_end", "planned_end")


def options(published: QuerySet[Project], today: dt.date) -> Options:
    partners = Organisation.objects.filter(
        Exists(
            ProjectPartner.objects.filter(
                organisation=OuterRef("pk"), project__in=published.values("pk")
            )
        )
    ).values_list("pk", "name", "org_type", "region", "system_id", "system__name")
    organisations: list[Choice] = []
    companies: list[Choice] = []
    regions: set[str] = set()
    icbs: dict[int, str] = {}
    for pk, name, org_type, region, system_id, system_name in partners.order_by("name"):
        choice = Choice(str(pk), name)
        (companies if org_type == OrgType.PHARMACEUTICAL else organisations).append(choice)
        if region:
            regions.add(region)
        if org_type == OrgType.ICB:
            icbs[pk] = name
        if system_id:
            icbs[system_id] = system_name
    span = published.aggregate(first=Min(period_start()), last=Max(period_end()))
    first = span["first"].year if span["first"] else today.year
    last = max(today.year, span["last"].year if span["last"] else today.year)
    states = set(published.order_by().values_list("state", flat=True).distinct())
    areas = published.order_by("therapy_area").values_list("therapy_area", flat=True).distinct()
    return Options(
        organisations=organisations,
        companies=companies,
        icbs=[Choice(str(pk), name) for pk, name in sorted(icbs.items(), key=lambda i: i[1])],
        regions=[Choice(r, r) for r in sorted(regions)],
        therapy_areas=[Choice(a, a) for a in areas if a],
        statuses=[Choice(s.value, i.label) for s, i in STATES.items() if s.value in states],
        years=[Choice(str(y), str(y)) for y in range(last, first - 1, -1)],
    )
