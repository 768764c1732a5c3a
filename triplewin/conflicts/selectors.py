"""Reads on the register of interests: who is current, and whose interests touch a project."""

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
from triplewin.partnerships.models import Project


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


def as_interest(declaration: Declaration) -> policy.Interest:
    return policy.Interest(
        id=declaration.pk,
        organisation_id=declaration.organisation_id,
        related_to=declaration.related_to,
        description=declaration.description,
        valid_from=declaration.valid_from,
        valid_to=declaration.valid_to,
    )


def project_scope(
    project: Project,
    organisations: Iterable[Organisation] | None = None,
    products: Iterable[str] | None = None,
) -> policy.Scope:
    """What a decision on this project touches: every partner and every product concerned.

    Naming organisations or products narrows the scope to them; naming none (an empty list
    included) keeps the whole project, so no caller can switch the check off by accident.
    """
    named = {o.pk: o.name for o in organisations or ()}
    partners = named or dict(project.partners.values_list("organisation_id", "organisation__name"))
    chosen = tuple(p for p in products or () if p.strip())
    return policy.Scope(
        organisations=partners,
        products=chosen or policy.products_from(project.products_concerned),
    )


Touching = list[tuple[Declaration, policy.Finding]]


def touching_by_user(
    user_ids: Iterable[int], scope: policy.Scope, on: dt.date
) -> dict[int, Touching]:
    """Each person's declarations in force on `on` that touch the scope, with why they do."""
    found: dict[int, Touching] = defaultdict(list)
    declarations = (
        Declaration.objects.filter(user_id__in=set(user_ids), valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .select_related("organisation")
        .order_by("valid_from", "id")
    )
    by_id = {d.pk: d for d in declarations}
    for finding in policy.touching([as_interest(d) for d in by_id.values()], scope, on):
        declaration = by_id[finding.interest.id]
        found[declaration.user_id].append((declaration, finding))
    return dict(found)


def describe(declaration: Declaration) -> str:
    """A one-line account of a declaration, as copied into minutes and exclusion reasons."""
    text = (
        f"{declaration.get_category_display()}, {declaration.get_interest_type_display().lower()}"
        f" relating to {declaration.related_to}: {declaration.description}"
    )
    if declaration.action_taken:
        text += f" Action taken: {declaration.action_taken}"
    return text
