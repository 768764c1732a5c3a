"""Where each kind of recipient's value is made public (ADR 0021).

- Healthcare organisations (NHS bodies and independent providers) receive transfers of value
  that the company discloses on Disclosure UK, per project and per year.
- Patient organisations are never partners. A company may contract one to deliver a service;
  the contracted value is published on the company's own website, with a gateway link from
  Disclosure UK (NHS Confederation/ABPI guidance 2024, Appendix 2).
- Other partners (universities, charities, technology companies) are outside Disclosure UK's
  collaborative working file; the company's compliance team decides how to publish them.
"""

from __future__ import annotations

from enum import StrEnum

from triplewin.organisations.models import HEALTHCARE_TYPES, Organisation, OrgType


class Route(StrEnum):
    DISCLOSURE_UK = "disclosure_uk"
    COMPANY_WEBSITE = "company_website"
    OTHER = "other"


LABELS = {
    Route.DISCLOSURE_UK: "Disclosed on Disclosure UK",
    Route.COMPANY_WEBSITE: "Published on the company's own website",
    Route.OTHER: "Not in the Disclosure UK file: the company's compliance team decides",
}

DISCLOSURE_UK_TYPES = frozenset(HEALTHCARE_TYPES)


def route_for(organisation: Organisation) -> Route:
    if organisation.org_type in DISCLOSURE_UK_TYPES:
        return Route.DISCLOSURE_UK
    if organisation.org_type == OrgType.PATIENT_ORGANISATION:
        return Route.COMPANY_WEBSITE
    return Route.OTHER


def is_patient_organisation(organisation: Organisation) -> bool:
    return organisation.org_type == OrgType.PATIENT_ORGANISATION
