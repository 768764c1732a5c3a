"""Each partner's own web page for the executive summary and the outcomes summary (ADR 0021).

The ABPI Code requires the executive summary on each industry partner's website before the
project starts, and the outcomes summary afterwards; the guidance encourages NHS partners to
publish too. Partners record the page's address and the day it went live. A background task
checks that each page still answers; the pages that show these records never fetch anything.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core.lifecycle import State
from triplewin.core.web_pages import PageCheck, address_problem
from triplewin.executive_summary.models import Document, WebsitePublication
from triplewin.organisations.models import Membership, Organisation, Role
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project

FIELDS = ("organisation", "document", "url", "live_on")
RECORDING_ROLES = frozenset({Role.PARTNERSHIP_LEAD, Role.CERTIFICATION_SIGNATORY})
OUTCOMES_STATES = frozenset({State.COMPLETED, State.OUTCOMES_PUBLISHED, State.TERMINATED})
SUMMARY_STATES = frozenset(
    {
        State.AGREEMENT_SIGNED,
        State.SUMMARY_PUBLISHED,
        State.IN_DELIVERY,
        *OUTCOMES_STATES,
    }
)


def recording_organisations(user: Any, project: Project) -> list[Organisation]:
    """The partners for which this user may record a page: their leads and signatories."""
    if not user.is_authenticated:
        return []
    mine = set(
        Membership.objects.filter(user=user, role__in=RECORDING_ROLES).values_list(
            "organisation_id", flat=True
        )
    )
    return sorted(
        (p.organisation for p in project.partners.all() if p.organisation_id in mine),
        key=lambda o: o.name,
    )


def documents_open(project: Project) -> list[str]:
    """Which summaries can have a page recorded at this point in the project."""
    state = project.state_enum
    found = []
    if state in SUMMARY_STATES:
        found.append(Document.EXECUTIVE_SUMMARY.value)
    if state in OUTCOMES_STATES:
        found.append(Document.OUTCOMES.value)
    return found


def _enqueue_check(publication_id: int) -> None:
    # Imported here: the task module imports this one.
    from triplewin.executive_summary.tasks import check_website_page

    transaction.on_commit(lambda: check_website_page.enqueue(publication_id))


def _checked_address(url: str) -> str:
    url = url.strip()
    problem = address_problem(url)
    if problem:
        raise ValidationError({"url": problem})
    return url


def _require_recorder(actor: User, project: Project, organisation: Organisation) -> None:
    if organisation not in recording_organisations(actor, project):
        raise PermissionDenied(
            "Only a partnership lead or certification signatory of that partner can record its "
            "web page."
        )


@transaction.atomic
def publication_record(
    *,
    actor: User,
    project: Project,
    organisation: Organisation,
    document: str,
    url: str,
    live_on: dt.date,
) -> WebsitePublication:
    """Record where one partner published one summary on its own website, and when."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    _require_recorder(actor, locked, organisation)
    if document not in documents_open(locked):
        raise ValidationError(
            {
                "document": "The executive summary's page is recorded once the agreement is "
                "signed, and the outcomes page once the project has ended."
            }
        )
    if WebsitePublication.objects.filter(
        project=locked, organisation=organisation, document=document
    ).exists():
        raise ValidationError(
            {"document": f"{organisation}'s page for this summary is recorded already: change it."}
        )
    row = WebsitePublication(
        project=locked,
        organisation=organisation,
        document=document,
        url=_checked_address(url),
        live_on=live_on,
        recorded_by=actor,
    )
    row.full_clean()
    row.save()
    audit.record(
        actor=actor,
        action="summary.website_recorded",
        obj=row,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(row, FIELDS)),
    )
    _enqueue_check(row.pk)
    return row


@transaction.atomic
def publication_change(
    *,
    actor: User,
    publication: WebsitePublication,
    url: str,
    live_on: dt.date,
    expected_version: int | None,
) -> WebsitePublication:
    """Correct the page's address or go-live date; a new address is checked afresh."""
    locked = Project.objects.select_for_update().get(pk=publication.project_id)
    row = WebsitePublication.objects.select_for_update().get(pk=publication.pk)
    _require_recorder(actor, locked, row.organisation)
    if expected_version is not None and row.row_version != expected_version:
        raise StaleEdit()
    before = audit.snapshot(row, FIELDS)
    url = _checked_address(url)
    address_changed = row.url != url
    row.url, row.live_on = url, live_on
    if address_changed:
        row.checked_at, row.answered, row.check_detail, row.failing_since = None, None, "", None
    row.full_clean()
    changes = audit.diff(before, audit.snapshot(row, FIELDS))
    if not changes:
        return row
    row.row_version += 1
    row.save()
    audit.record(
        actor=actor,
        action="summary.website_changed",
        obj=row,
        project_id=locked.pk,
        changes=changes,
    )
    if address_changed:
        _enqueue_check(row.pk)
    return row


@transaction.atomic
def publication_check_recorded(
    *, publication_id: int, result: PageCheck, now: dt.datetime | None = None
) -> WebsitePublication | None:
    """Store what the background check found; audit only when the page starts or stops
    answering, so a daily check of a healthy page adds nothing to the trail."""
    row = WebsitePublication.objects.select_for_update().filter(pk=publication_id).first()
    if row is None:
        return None
    now = now or timezone.now()
    changed = row.answered is not result.answered
    if result.answered:
        row.failing_since = None
    elif row.failing_since is None:
        row.failing_since = now
    before = row.answered
    row.checked_at, row.answered, row.check_detail = now, result.answered, result.detail[:200]
    row.save(update_fields=["checked_at", "answered", "check_detail", "failing_since"])
    if changed:
        audit.record(
            actor=None,
            action="summary.website_checked",
            obj=row,
            project_id=row.project_id,
            changes={"answered": [before, result.answered], "detail": [None, row.check_detail]},
        )
    return row


def live_pages(project: Project, today: dt.date) -> list[WebsitePublication]:
    return list(
        WebsitePublication.objects.filter(project=project, live_on__lte=today)
        .select_related("organisation")
        .order_by("document", "organisation__name")
    )


def companies_without_page(project: Project, document: str, today: dt.date) -> tuple[str, ...]:
    """The project's pharmaceutical partners with no live page recorded for the document."""
    live = set(
        WebsitePublication.objects.filter(
            project=project, document=document, live_on__lte=today
        ).values_list("organisation_id", flat=True)
    )
    return tuple(
        p.organisation.name
        for p in project.partners.all()
        if p.organisation.is_pharmaceutical and p.organisation_id not in live
    )
