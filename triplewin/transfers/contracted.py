"""Writes for contracted services: a company pays an organisation outside the partnership.

Patient organisations cannot be partners; a company may contract one to deliver a service
that supports part of the project. The provider is not a party to the agreement. The
company records the contracted value here and, for a patient organisation, the page on its
own website where the value is published (ADR 0021).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core.web_pages import address_problem
from triplewin.organisations.models import Organisation
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.transfers import services as transfers
from triplewin.transfers.models import ContractedService

FIELDS = ("company", "provider", "service", "year", "value", "published_url", "published_on")


def _check_provider(project: Project, provider: Organisation) -> None:
    if project.partners.filter(organisation=provider).exists():
        raise ValidationError(
            {
                "provider": f"{provider} is a partner. A contracted service provider is outside "
                "the partnership; record what a company gives a partner as a transfer of value."
            }
        )
    if provider.is_pharmaceutical:
        raise ValidationError({"provider": "Choose the organisation that delivers the service."})


@transaction.atomic
def contracted_service_record(
    *,
    actor: User,
    project: Project,
    company: Organisation,
    provider: Organisation,
    service: str,
    year: int,
    value: Decimal,
    today: dt.date | None = None,
) -> ContractedService:
    locked = transfers._lock(project)
    transfers._require_company(actor, locked, company)
    _check_provider(locked, provider)
    row = ContractedService(
        project=locked,
        company=company,
        provider=provider,
        service=service.strip(),
        year=year,
        value=value,
        recorded_by=actor,
    )
    row.full_clean()
    if year > (today or timezone.localdate()).year:
        raise ValidationError({"year": "Record the service in the year it is paid, once paid."})
    row.save()
    audit.record(
        actor=actor,
        action="contracted_service.recorded",
        obj=row,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(row, FIELDS)),
    )
    return row


@transaction.atomic
def contracted_service_published(
    *,
    actor: User,
    row: ContractedService,
    published_url: str,
    published_on: dt.date,
    expected_version: int | None,
    today: dt.date | None = None,
) -> ContractedService:
    """Record the page on the company's website that lists this contracted value."""
    locked = transfers._lock(row.project)
    current = ContractedService.objects.select_for_update().get(pk=row.pk)
    transfers._require_company(actor, locked, current.company)
    if expected_version is not None and current.row_version != expected_version:
        raise StaleEdit()
    url = published_url.strip()
    problem = address_problem(url)
    if problem:
        raise ValidationError({"published_url": problem})
    if published_on > (today or timezone.localdate()):
        raise ValidationError({"published_on": "The date cannot be in the future."})
    before = audit.snapshot(current, FIELDS)
    current.published_url, current.published_on = url, published_on
    current.full_clean()
    changes = audit.diff(before, audit.snapshot(current, FIELDS))
    if not changes:
        return current
    current.row_version += 1
    current.save()
    audit.record(
        actor=actor,
        action="contracted_service.published",
        obj=current,
        project_id=locked.pk,
        changes=changes,
    )
    return current
