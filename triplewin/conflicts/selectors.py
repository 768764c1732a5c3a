"""Reads on the register of interests: who is current, and who is conflicted about whom."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils import timezone

from triplewin.conflicts.models import Declaration, NilReturn, RegisterConfirmation
from triplewin.core import conflicts as policy
from triplewin.organisations.models import Organisation


def current_until(user_ids: Iterable[int], today: dt.date) -> dict[int, dt.date]:
    """For each user who is current, the day their next refresh falls due.

    Declaring an interest, making a nil return and confirming the register all count.
    """
    ids = set(user_ids)
    made: dict[int, list[dt.date]] = defaultdict(list)
    for model in (Declaration, NilReturn, RegisterConfirmation):
        for user_id, at in model.objects.filter(user_id__in=ids).values_list(
            "user_id", "declared_at"
        ):
            made[user_id].append(timezone.localdate(at))
    result = {}
    for user_id, days in made.items():
        latest = policy.latest_current(days, today)
        if latest is not None:
            result[user_id] = policy.refresh_due(latest)
    return result


def has_current_declaration(user: User, today: dt.date) -> bool:
    return user.pk in current_until([user.pk], today)


def without_current_declaration(user_ids: Iterable[int], today: dt.date) -> set[int]:
    ids = set(user_ids)
    return ids - set(current_until(ids, today))


def in_force_on(user: User, on: dt.date) -> list[Declaration]:
    return [
        d for d in Declaration.objects.of(user.pk) if policy.in_force(d.valid_from, d.valid_to, on)
    ]


def _relating_to(organisation_ids: Iterable[int]) -> Q:
    """Declarations naming one of these organisations, chosen from the list or typed in."""
    ids = list(organisation_ids)
    names = Organisation.objects.filter(pk__in=ids).values_list("name", flat=True)
    typed = Q(pk__in=[])
    for name in names:
        typed |= Q(organisation__isnull=True, organisation_name__iexact=name)
    return Q(organisation_id__in=ids) | typed


def conflicted_declarations(
    user: User, organisation_ids: Iterable[int], on: dt.date
) -> list[Declaration]:
    """This person's declarations about any of these organisations that apply on `on`."""
    return conflicted_by_user([user.pk], organisation_ids, on).get(user.pk, [])


def conflicted_by_user(
    user_ids: Iterable[int], organisation_ids: Iterable[int], on: dt.date
) -> dict[int, list[Declaration]]:
    """Declarations in force on `on` about any of the organisations, grouped by person."""
    found = (
        Declaration.objects.filter(user_id__in=set(user_ids), valid_from__lte=on)
        .filter(_relating_to(organisation_ids))
        .select_related("organisation")
        .order_by("valid_from", "id")
    )
    grouped: dict[int, list[Declaration]] = defaultdict(list)
    for declaration in found:
        if policy.in_force(declaration.valid_from, declaration.valid_to, on):
            grouped[declaration.user_id].append(declaration)
    return dict(grouped)


def describe(declaration: Declaration) -> str:
    """A one-line account of a declaration, as copied into minutes and exclusion reasons."""
    text = (
        f"{declaration.get_category_display()}, {declaration.get_interest_type_display().lower()}"
        f" relating to {declaration.related_to}: {declaration.description}"
    )
    if declaration.action_taken:
        text += f" Action taken: {declaration.action_taken}"
    return text
