"""The public register of an organisation's decision makers' declarations.

Only what a published round covers reaches it: the decision makers asked in the
organisation's latest published round, minus anyone withheld at their request, each interest
filtered by `core.declaration_rounds.publishable`. Outstanding people are counted, not named
(our choice). Nothing unpublished, and nobody outside the round, is ever read here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from triplewin.conflicts.models import Declaration, DeclarationRound, PublicWithholding
from triplewin.conflicts.rounds import statuses
from triplewin.core import declaration_rounds as rules
from triplewin.core.declaration_rounds import PublicEntry, Status
from triplewin.organisations.models import Membership, Organisation, Role


@dataclass(frozen=True)
class PublicPerson:
    name: str
    roles: str
    status: str
    entries: list[PublicEntry] = field(default_factory=list)


@dataclass(frozen=True)
class PublicRegister:
    organisation: Organisation
    declaration_round: DeclarationRound
    people: list[PublicPerson]
    withheld: int
    outstanding: int


def published_rounds() -> list[DeclarationRound]:
    """Each organisation's latest published round, by organisation name."""
    latest: dict[int, DeclarationRound] = {}
    for r in (
        DeclarationRound.objects.filter(published_at__isnull=False)
        .select_related("organisation")
        .order_by("organisation__name", "-year")
    ):
        latest.setdefault(r.organisation_id, r)
    return list(latest.values())


def register_of(organisation: Organisation, today: dt.date) -> PublicRegister | None:
    declaration_round = (
        DeclarationRound.objects.filter(organisation=organisation, published_at__isnull=False)
        .order_by("-year")
        .first()
    )
    if declaration_round is None:
        return None
    withheld_ids = set(
        PublicWithholding.objects.filter(organisation=organisation).values_list(
            "user_id", flat=True
        )
    )
    members = list(
        declaration_round.members.filter(decision_maker=True, user__is_active=True).select_related(
            "user"
        )
    )
    where = statuses(declaration_round)
    labels = dict(Role.choices)
    roles: dict[int, list[str]] = {}
    for m in Membership.objects.filter(
        organisation=organisation, user_id__in=[m.user_id for m in members]
    ).order_by("role"):
        roles.setdefault(m.user_id, []).append(m.job_title or labels.get(m.role, m.role))
    people: list[PublicPerson] = []
    outstanding = 0
    withheld = 0
    for member in members:
        if member.user_id in withheld_ids:
            withheld += 1
            continue
        status = where.get(member.user_id, Status.OUTSTANDING)
        if status is Status.OUTSTANDING:
            outstanding += 1
            continue
        entries = [
            shown
            for d in Declaration.objects.of(member.user_id).order_by("valid_from", "pk")
            if (shown := rules.publishable(_entry(d), today=today)) is not None
        ]
        user = member.user
        people.append(
            PublicPerson(
                name=user.get_full_name() or "Name not recorded",
                roles=", ".join(dict.fromkeys(roles.get(member.user_id, []))),
                status=rules.STATUS_LABELS[status],
                entries=entries,
            )
        )
    people.sort(key=lambda p: p.name)
    return PublicRegister(
        organisation=organisation,
        declaration_round=declaration_round,
        people=people,
        withheld=withheld,
        outstanding=outstanding,
    )


def _entry(d: Declaration) -> PublicEntry:
    return PublicEntry(
        category=d.category,
        interest_type=d.get_interest_type_display(),
        description=d.description,
        related_to=d.related_to,
        valid_from=d.valid_from,
        valid_to=d.valid_to,
        action_taken=d.action_taken,
    )
