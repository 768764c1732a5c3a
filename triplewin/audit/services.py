"""The Auditor: the only way anything writes to the audit table."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import decimal
from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

from triplewin.audit import chain
from triplewin.audit.models import AuditEvent

Changes = dict[str, list[Any]]


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _plain(getattr(instance, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> Changes:
    """Field -> [before, after] for every field whose value changed."""
    return {
        k: [before.get(k), after.get(k)]
        for k in sorted(set(before) | set(after))
        if before.get(k) != after.get(k)
    }


# What the actor acted through, when not in person: an API token (ADR 0036).
_through: contextvars.ContextVar[str] = contextvars.ContextVar("audit_through", default="")


@contextlib.contextmanager
def acting_through(label: str) -> Iterator[None]:
    """Every event recorded inside says the actor acted through `label` (an API token)."""
    reset = _through.set(label)
    try:
        yield
    finally:
        _through.reset(reset)


def actor_label(actor: User | AnonymousUser | None) -> str:
    if actor is None or not actor.is_authenticated:
        return "system"
    full = getattr(actor, "get_full_name", lambda: "")()
    label = f"{full} <{actor.get_username()}>" if full else actor.get_username()
    through = _through.get()
    return f"{label} through {through}"[:255] if through else label


KPI_LABEL = "kpis.Kpi"


def kpi_of(obj: models.Model) -> int | None:
    """The KPI an audited record belongs to: the KPI itself, or the `kpi` its row points to.

    Read from the object rather than passed by each service, so a new record that hangs off a
    KPI is tied to it without anyone remembering to say so."""
    if obj._meta.label == KPI_LABEL:
        return int(obj.pk)
    kpi_id = getattr(obj, "kpi_id", None)
    return int(kpi_id) if kpi_id is not None else None


def record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    project_id: int | None = None,
    changes: Changes | None = None,
) -> AuditEvent:
    """Append one event to the audit chain, inside the caller's transaction."""
    event = AuditEvent(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor_label(actor),
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        object_label=str(obj)[:255],
        project_id=project_id,
        kpi_id=kpi_of(obj),
        changes={
            **(changes or {}),
            **({"api_token": [None, _through.get()]} if _through.get() else {}),
        },
    )
    return chain.append(event)
