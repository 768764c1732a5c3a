"""Display logic for the team page: members, objections, committees and the suggested team."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.utils import timezone

from triplewin.conflicts.selectors import current_until, project_scope, touching_by_user
from triplewin.core import team_composition
from triplewin.core.dates import long_date
from triplewin.core.rules.catalogue import TEAM_MAX, TEAM_MIN
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.team import selectors
from triplewin.team.models import (
    DeclarationRequest,
    GovernanceCommitteeMember,
    Objection,
    SignOffRoute,
    TeamMember,
)
from triplewin.team.services import team_changes_allowed


@dataclass(frozen=True)
class MemberRow:
    pk: int
    user_id: int
    name: str
    organisation: str
    role: str
    joined_on: dt.date
    declaration_tag: dict[str, str]
    interests: int
    in_sales: bool
    declared: bool = False
    # Set while the person has no current declaration: when a lead last asked for one.
    asked_on: dt.date | None = None


@dataclass(frozen=True)
class FormerRow:
    name: str
    organisation: str
    role: str
    joined_on: dt.date
    left_on: dt.date | None
    reason: str
    successor: str = ""
    handover_note: str = ""


@dataclass(frozen=True)
class ObjectionRow:
    pk: int
    member: str
    organisation: str
    raised_by: str
    raised_on: dt.date
    reason: str
    status_tag: dict[str, str]
    outcome_text: str
    decidable: bool


@dataclass(frozen=True)
class SeatRow:
    pk: int
    role: str
    person: str


@dataclass(frozen=True)
class Committee:
    organisation: str
    seats: tuple[SeatRow, ...]
    has_sro: bool
    # Company committees only: the seats the guidance lists that are not named yet.
    suggested_seats: tuple[str, ...] = ()
    organisation_pk: int = 0
    sign_off_route: str = ""


@dataclass(frozen=True)
class SuggestedRow:
    title: str
    side: str
    status: str


OUTCOME_COLOURS = {"open": "orange", "upheld": "red", "dismissed": "grey"}


class TeamPresenter:
    def __init__(self, project: Project, today: dt.date | None = None) -> None:
        self.project = project
        self.today = today or timezone.localdate()
        self.partners: list[Organisation] = [p.organisation for p in project.partners.all()]
        self._all = list(
            TeamMember.objects.filter(project=project).select_related(
                "user", "organisation", "handed_over_to__user"
            )
        )
        self.active = [m for m in self._all if m.left_on is None]

    @property
    def can_change(self) -> bool:
        return team_changes_allowed(self.project)

    @property
    def size_text(self) -> str:
        count = len(self.active)
        people = "person" if count == 1 else "people"
        return f"{count} {people} on the team. The guidance suggests {TEAM_MIN} to {TEAM_MAX}."

    @cached_property
    def members(self) -> list[MemberRow]:
        user_ids = {m.user_id for m in self.active}
        current = current_until(user_ids, self.today)
        interests = touching_by_user(user_ids, project_scope(self.project), self.today)
        sales = selectors.sales_function_user_ids(self.active)
        asked: dict[int, dt.date] = {}
        for member_id, on in DeclarationRequest.objects.filter(member__in=self.active).values_list(
            "member_id", "requested_on"
        ):
            asked[member_id] = max(on, asked.get(member_id, on))
        rows = []
        for m in self.active:
            due = current.get(m.user_id)
            tag = (
                {"text": "Declared", "classes": "nhsuk-tag--green"}
                if due
                else {"text": "Not declared", "classes": "nhsuk-tag--red"}
            )
            rows.append(
                MemberRow(
                    pk=m.pk,
                    user_id=m.user_id,
                    name=selectors.display_name(m.user),
                    organisation=m.organisation.name,
                    role=m.get_project_role_display(),
                    joined_on=m.joined_on,
                    declaration_tag=tag,
                    interests=len(interests.get(m.user_id, [])),
                    in_sales=m.user_id in sales,
                    declared=bool(due),
                    asked_on=None if due else asked.get(m.pk),
                )
            )
        return rows

    @cached_property
    def former(self) -> list[FormerRow]:
        return [
            FormerRow(
                selectors.display_name(m.user),
                m.organisation.name,
                m.get_project_role_display(),
                m.joined_on,
                m.left_on,
                m.left_reason,
                selectors.display_name(m.handed_over_to.user) if m.handed_over_to else "",
                m.handover_note,
            )
            for m in self._all
            if m.left_on is not None
        ]

    @cached_property
    def objections(self) -> list[ObjectionRow]:
        rows = []
        for o in Objection.objects.filter(project=self.project).select_related(
            "member__user", "member", "raised_for_organisation", "raised_by", "decided_by"
        ):
            if o.is_open and o.member.left_on is not None:
                outcome = "The person has since left the team, so no decision is needed."
            elif o.is_open:
                outcome = "Waiting for a decision."
            else:
                decided_by = selectors.display_name(o.decided_by) if o.decided_by else "someone"
                day = timezone.localdate(o.decided_at) if o.decided_at else None
                outcome = (
                    f"{o.get_outcome_display()} by {decided_by}"
                    + (f" on {long_date(day)}" if day else "")
                    + f": {o.outcome_reason}"
                )
            rows.append(
                ObjectionRow(
                    pk=o.pk,
                    member=selectors.display_name(o.member.user),
                    organisation=o.raised_for_organisation.name,
                    raised_by=selectors.display_name(o.raised_by),
                    raised_on=timezone.localdate(o.raised_at),
                    reason=o.reason,
                    status_tag={
                        "text": o.get_outcome_display(),
                        "classes": f"nhsuk-tag--{OUTCOME_COLOURS[o.outcome]}",
                    },
                    outcome_text=outcome,
                    decidable=o.is_open and o.member.left_on is None,
                )
            )
        return rows

    @cached_property
    def committees(self) -> list[Committee]:
        seats = list(
            GovernanceCommitteeMember.objects.filter(project=self.project).select_related("user")
        )
        routes = {
            r.organisation_id: r.text for r in SignOffRoute.objects.filter(project=self.project)
        }
        result = []
        for organisation in self.partners:
            mine = [s for s in seats if s.organisation_id == organisation.pk]
            result.append(
                Committee(
                    organisation.name,
                    tuple(
                        SeatRow(
                            s.pk, s.get_committee_role_display(), selectors.display_name(s.user)
                        )
                        for s in mine
                    ),
                    any(s.committee_role == "sro" for s in mine),
                    tuple(
                        role.label
                        for role in selectors.COMPANY_SEATS
                        if organisation.is_pharmaceutical
                        and all(s.committee_role != role for s in mine)
                    ),
                    organisation.pk,
                    routes.get(organisation.pk, ""),
                )
            )
        return result

    @property
    def setting_label(self) -> str:
        return team_composition.SETTING_LABELS.get(self.project.origin_setting, "this setting")

    @property
    def no_sales_note(self) -> str:
        return team_composition.NO_SALES

    @cached_property
    def suggested(self) -> list[SuggestedRow]:
        sides = {o.pk: o.sector.value for o in self.partners}
        pairs = [(sides.get(m.organisation_id, "other"), m.project_role) for m in self.active]
        try:
            found = team_composition.coverage(self.project.origin_setting, pairs)
        except ValueError:
            return []
        labels = {True: "On the team", False: "Not yet on the team", None: ""}
        return [
            SuggestedRow(
                c.seat.title,
                "NHS" if c.seat.side is team_composition.Side.NHS else "Company",
                labels[c.covered],
            )
            for c in found
        ]
