"""Who the guidance suggests should sit on a project team, by care setting.

The NHS Confederation and ABPI guidance lists, for each care setting, the NHS people a
steering committee usually draws on, plus three company seats that are the same in every
setting. The lists are examples, not quotas: local context decides. Whatever the setting, no
one from a company's sales function may take any seat (ABPI Code, clause 20).

`project_roles` names the team roles (values of team.models.ProjectRole) that fill a seat, so
the team page can show which suggestions are already covered. A seat with no roles cannot be
judged from the role alone, and is shown without a status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Side(StrEnum):
    NHS = "nhs"
    INDUSTRY = "industry"


@dataclass(frozen=True)
class SuggestedSeat:
    title: str
    side: Side
    project_roles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SeatCoverage:
    seat: SuggestedSeat
    # None when the seat cannot be judged from team roles alone.
    covered: bool | None


HIN_LEAD = SuggestedSeat(
    "Innovation or commercial lead from the local health innovation network", Side.NHS
)

INDUSTRY_SEATS: tuple[SuggestedSeat, ...] = (
    SuggestedSeat("Programme manager", Side.INDUSTRY, frozenset({"programme_manager"})),
    SuggestedSeat("Medical affairs lead", Side.INDUSTRY, frozenset({"medical_affairs_lead"})),
    SuggestedSeat("Partnership lead", Side.INDUSTRY, frozenset({"partnership_lead"})),
)

NHS_SEATS: dict[str, tuple[SuggestedSeat, ...]] = {
    "primary": (
        SuggestedSeat(
            "Clinical director of the primary care network, or a deputy",
            Side.NHS,
            frozenset({"clinical_lead"}),
        ),
        SuggestedSeat("Chief executive or managing director of the GP federation", Side.NHS),
        SuggestedSeat("Community pharmacy lead", Side.NHS, frozenset({"pharmacist"})),
        HIN_LEAD,
    ),
    "secondary": (
        SuggestedSeat(
            "Associate medical director or chief pharmacist",
            Side.NHS,
            frozenset({"pharmacist"}),
        ),
        SuggestedSeat(
            "Clinical lead for the hospital specialty concerned",
            Side.NHS,
            frozenset({"clinical_lead"}),
        ),
        HIN_LEAD,
    ),
    "system": (
        SuggestedSeat("Director of strategy and innovation", Side.NHS),
        SuggestedSeat("Head of medicines management", Side.NHS),
        SuggestedSeat("Pharmacist from the ICB", Side.NHS, frozenset({"pharmacist"})),
        HIN_LEAD,
    ),
}

SETTING_LABELS: dict[str, str] = {
    "primary": "primary care",
    "secondary": "secondary care",
    "system": "system level (ICB or ICS)",
}

NO_SALES = (
    "Nobody from a company's sales function may sit on the team, because collaborative and "
    "joint working must stay non-promotional."
)


def suggested_seats(setting: str) -> tuple[SuggestedSeat, ...]:
    """The NHS seats for the setting, then the company seats common to every setting."""
    try:
        nhs = NHS_SEATS[setting]
    except KeyError:
        raise ValueError(f"Unknown care setting: {setting!r}") from None
    return (*nhs, *INDUSTRY_SEATS)


def coverage(setting: str, members: Iterable[tuple[str, str]]) -> tuple[SeatCoverage, ...]:
    """Which suggested seats the team covers.

    `members` are (side, project_role) pairs for the active members: side is "nhs" or
    "industry", by the sector of the organisation they represent.
    """
    held = {(side, role) for side, role in members}
    result = []
    for seat in suggested_seats(setting):
        if not seat.project_roles:
            result.append(SeatCoverage(seat, None))
        else:
            result.append(
                SeatCoverage(seat, any((seat.side, r) in held for r in seat.project_roles))
            )
    return tuple(result)
