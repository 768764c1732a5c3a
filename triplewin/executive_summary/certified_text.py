"""Writes shared by the two certified, published summaries: the executive summary and the
summary of project outcomes. Both hold text, a status ("published" makes the text final) and a
row version; their certification, approvals and publication are acts in the sign-off engine,
bound to the text's hash, so changing the text is what makes an earlier sign-off lapse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Model

from triplewin.audit import services as audit
from triplewin.core.rules import GateReport
from triplewin.partnerships.errors import StaleEdit
from triplewin.submissions.versions import version_of

S = TypeVar("S", bound=Model)


def without_settled(report: GateReport, settled: frozenset[str]) -> GateReport:
    """A publication gate's rules, less those that publishing itself settles."""
    return GateReport(
        report.gate,
        tuple(r for r in report.results if r.rule.id not in settled),
        report.project_id,
    )


def editable(summary: S | None, expected_version: int | None, *, missing: str, final: str) -> S:
    """The summary to change, refusing one not drafted yet, a stale edit or a published one."""
    if summary is None:
        raise ValidationError(missing)
    record: Any = summary
    if expected_version is not None and record.row_version != expected_version:
        raise StaleEdit()
    if record.status == "published":
        raise ValidationError(final)
    return summary


def redraftable(summary: Model | None, expected_version: int | None) -> None:
    """Refuse to redraft from a stale page: a redraft replaces text someone may have just
    written. Before the first draft there is no summary, and the page shows version UNSAVED."""
    if expected_version is not None and version_of(summary) != expected_version:
        raise StaleEdit()


def save_audited(
    *,
    actor: User,
    action: str,
    summary: S,
    before: dict[str, object],
    audited: Sequence[str],
    extra: audit.Changes | None = None,
) -> S:
    """Validate, and save and audit only if something changed; the row version moves on.

    `extra` adds to the audit event what is not a field, such as a managed conflict of interest.
    """
    record: Any = summary
    record.full_clean()
    changes = audit.diff(before, audit.snapshot(record, audited))
    if changes:
        if record.pk is not None:
            record.row_version += 1
        record.save()
        audit.record(
            actor=actor,
            action=action,
            obj=record,
            project_id=record.project_id,
            changes={**changes, **(extra or {})},
        )
    return summary
