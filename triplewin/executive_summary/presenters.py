"""Display logic for the executive summary and its workflow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.utils import timezone

from triplewin.core import signoff as core
from triplewin.core.dates import long_date
from triplewin.core.lifecycle import State
from triplewin.executive_summary.models import (
    Document,
    ExecutiveSummary,
    Status,
    WebsitePublication,
)
from triplewin.executive_summary.selectors import (
    FIELD_LABELS,
    TEXT_FIELDS,
    publication,
    sign_off_state,
    summary_missing,
)
from triplewin.partnerships.models import Project
from triplewin.pid.selectors import pid_status


@dataclass(frozen=True)
class Row:
    label: str
    value: str


class SummaryPresenter:
    def __init__(self, project: Project, summary: ExecutiveSummary | None) -> None:
        self.project = project
        self.summary = summary

    @property
    def exists(self) -> bool:
        return self.summary is not None

    @property
    def row_version(self) -> int | None:
        return self.summary.row_version if self.summary else None

    @cached_property
    def state(self) -> core.VersionSignOff | None:
        """The sign-off engine's answer for the text as it stands now."""
        return sign_off_state(self.project) if self.summary is not None else None

    @property
    def is_certified(self) -> bool:
        return self.state is not None and self.state.certified

    @property
    def status_tag(self) -> dict[str, str]:
        if self.summary is None:
            return {"text": "Not drafted", "classes": "nhsuk-tag--grey"}
        if self.is_published:
            return {"text": "Published", "classes": "nhsuk-tag--green"}
        if self.is_certified:
            return {"text": "Certified", "classes": "nhsuk-tag--blue"}
        return {"text": "Draft", "classes": "nhsuk-tag--grey"}

    @property
    def is_published(self) -> bool:
        return self.summary is not None and self.summary.status == Status.PUBLISHED

    @property
    def pid_approved(self) -> bool:
        return bool(pid_status(self.project).approved)

    @property
    def can_publish_now(self) -> bool:
        return (
            self.summary is not None
            and not self.is_published
            and self.is_certified
            and self.project.state_enum is State.AGREEMENT_SIGNED
        )

    def rows(self) -> list[Row]:
        if self.summary is None:
            return []
        return [Row(FIELD_LABELS[name], getattr(self.summary, name)) for name in TEXT_FIELDS]

    def missing(self) -> tuple[str, ...]:
        return summary_missing(self.summary) if self.summary else ()

    def provenance(self) -> list[str]:
        s = self.summary
        if s is None:
            return []
        lines = []
        if s.generated_from is not None:
            lines.append(f"Drafted from PID version {s.generated_from.number}.")
        cert = self.state.certification if self.state else None
        if cert is not None:
            lines.append(f"Certified by {cert.actor_label} on {long_date(cert.at)}.")
        published = publication(self.project)
        if published is not None:
            lines.append(f"Published on {long_date(published.at)}.")
        return lines


@dataclass(frozen=True)
class PageRow:
    pk: int
    organisation: str
    organisation_id: int
    document: str
    url: str
    live: str
    warning: str


def website_rows(publications: list[WebsitePublication], today: dt.date) -> list[PageRow]:
    """Each recorded page, with a warning when the last background check got no answer."""
    rows = []
    for p in publications:
        live = (
            f"Live since {long_date(p.live_on)}"
            if p.live_on <= today
            else f"Goes live on {long_date(p.live_on)}"
        )
        warning = ""
        if p.not_answering and p.checked_at is not None:
            since = timezone.localtime(p.failing_since or p.checked_at).date()
            warning = (
                f"This page has not answered since {long_date(since)}: {p.check_detail} "
                "Check that it is still online, or record its new address."
            )
        rows.append(
            PageRow(
                pk=p.pk,
                organisation=p.organisation.name,
                organisation_id=p.organisation_id,
                document=p.get_document_display(),
                url=p.url,
                live=live,
                warning=warning,
            )
        )
    return rows


def pages_missing(project: Project, publications: list[WebsitePublication]) -> list[str]:
    """Which industry partners still owe a page for the executive summary."""
    recorded = {p.organisation_id for p in publications if p.document == Document.EXECUTIVE_SUMMARY}
    return [
        partner.organisation.name
        for partner in project.partners.select_related("organisation")
        if partner.organisation.is_pharmaceutical and partner.organisation_id not in recorded
    ]
