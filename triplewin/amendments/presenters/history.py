"""The PID's history: every version and every amendment in order, with what each changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.amendments.models import Amendment
from triplewin.amendments.presenters.amendment import AmendmentPresenter, Status
from triplewin.partnerships.models import Project
from triplewin.pid.diff import SectionChange, compare
from triplewin.pid.models import PidVersion
from triplewin.pid.sections import from_snapshot


@dataclass(frozen=True)
class VersionEntry:
    number: int
    at: dt.datetime
    by: str
    note: str
    short_hash: str
    previous: int | None
    changes: tuple[SectionChange, ...]
    amendment_number: int | None
    kind: str = "version"


@dataclass(frozen=True)
class AmendmentEntry:
    number: int
    title: str
    at: dt.datetime
    by: str
    status: Status
    submitted_on: dt.date | None
    kind: str = "amendment"


Entry = VersionEntry | AmendmentEntry


def _versions(project: Project) -> list[VersionEntry]:
    versions = list(
        PidVersion.objects.filter(project=project).select_related("amendment").order_by("number")
    )
    entries = []
    previous: PidVersion | None = None
    for v in versions:
        changes = (
            compare(from_snapshot(previous.snapshot), from_snapshot(v.snapshot)) if previous else []
        )
        amendment: Amendment | None = getattr(v, "amendment", None)
        entries.append(
            VersionEntry(
                number=v.number,
                at=v.created_at,
                by=v.created_by_label,
                note=v.note,
                short_hash=v.content_hash[:12],
                previous=previous.number if previous else None,
                changes=tuple(changes),
                amendment_number=amendment.number if amendment else None,
            )
        )
        previous = v
    return entries


def history(project: Project) -> list[Entry]:
    """Oldest first; an amendment sits before the version it produced, since it came first."""
    entries: list[Entry] = list(_versions(project))
    for a in Amendment.objects.filter(project=project).select_related(
        "project", "produced_version", "base_version"
    ):
        entries.append(
            AmendmentEntry(
                number=a.number,
                title=a.title,
                at=a.created_at,
                by=a.created_by_label,
                status=AmendmentPresenter(a).status,
                submitted_on=a.submitted_on,
            )
        )
    return sorted(entries, key=lambda e: e.at)
