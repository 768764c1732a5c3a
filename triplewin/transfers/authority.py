"""Who may record a company's transfers of value and download its Disclosure UK file.

A company's partnership leads and certification signatories act for it; staff (the
product's administrators) may download any company's file to help with support.
"""

from __future__ import annotations

from typing import Any

from triplewin.organisations.models import Membership, Organisation, OrgType, Role
from triplewin.partnerships.models import Project

RECORDING_ROLES = frozenset({Role.PARTNERSHIP_LEAD, Role.CERTIFICATION_SIGNATORY})


def _acting_for(user: Any) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(
            user=user,
            role__in=RECORDING_ROLES,
            organisation__org_type=OrgType.PHARMACEUTICAL,
        ).values_list("organisation_id", flat=True)
    )


def recording_companies(user: Any, project: Project) -> list[Organisation]:
    """The project's industry partners for which this user may record transfers."""
    mine = _acting_for(user)
    return sorted(
        (
            p.organisation
            for p in project.partners.all()
            if p.organisation.is_pharmaceutical and p.organisation_id in mine
        ),
        key=lambda o: o.name,
    )


def can_record(user: Any, project: Project) -> bool:
    return bool(recording_companies(user, project))


def recipients(project: Project) -> list[Organisation]:
    """Partners that can receive a transfer of value: every partner that is not a company.

    A patient organisation recorded as a partner before they were refused is left out: what a
    company pays one is a contracted service (ADR 0021)."""
    return sorted(
        (
            p.organisation
            for p in project.partners.all()
            if not p.organisation.is_pharmaceutical
            and p.organisation.org_type != OrgType.PATIENT_ORGANISATION
        ),
        key=lambda o: o.name,
    )


def export_companies(user: Any) -> list[Organisation]:
    if not user.is_authenticated:
        return []
    companies = Organisation.objects.filter(org_type=OrgType.PHARMACEUTICAL)
    if not user.is_staff:
        companies = companies.filter(pk__in=_acting_for(user))
    return list(companies.order_by("name"))


def may_export(user: Any, company: Organisation) -> bool:
    if not user.is_authenticated or not company.is_pharmaceutical:
        return False
    return bool(user.is_staff) or company.pk in _acting_for(user)
