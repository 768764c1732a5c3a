"""The partners' addresses and their leads' job titles and contact details.

A PID names who answers for each partner and where to write to them (the guidance's PID
template: partner organisations with their named leads and contacts). Like the plan, this is
read live until the PID is approved, then from the approved version, so a lead changing their
email during delivery does not make the approved PID out of date.
"""

from __future__ import annotations

from triplewin.organisations.models import Membership, Role
from triplewin.partnerships.models import ProjectPartner
from triplewin.pid.sections.base import Field, Section, section, text
from triplewin.pid.sections.plan import live_until_approved
from triplewin.pid.sections.sources import Sources, person

KEYS = ("contacts",)


def _job_title(partner: ProjectPartner) -> str:
    """The lead's job title at this partner, from the membership that makes them its lead."""
    if partner.lead_id is None:
        return ""
    titles = [
        (m.role != Role.PARTNERSHIP_LEAD, m.job_title.strip())
        for m in Membership.objects.filter(
            user_id=partner.lead_id, organisation_id=partner.organisation_id
        ).only("role", "job_title")
        if m.job_title.strip()
    ]
    return min(titles)[1] if titles else ""


def _address(partner: ProjectPartner) -> str:
    org = partner.organisation
    return ", ".join(p for p in (text(org.address), text(org.postcode)) if p)


def _lines(partner: ProjectPartner) -> str:
    lead = partner.lead
    lines = [f"Address: {_address(partner) or 'not recorded'}"]
    if lead is None:
        lines.append("Named lead: none yet")
    else:
        title = _job_title(partner)
        lines.append(f"Named lead: {person(lead)}" + (f", {title}" if title else ""))
        lines.append(f"Email: {text(lead.email) or 'not recorded'}")
    return "\n".join(lines)


def _contacts(src: Sources) -> Section:
    return section(
        "contacts",
        "Partners' addresses and leads' contact details",
        [
            Field(f"contact-{p.organisation_id}", p.organisation.name, _lines(p))
            for p in src.partners
        ],
        empty_text="No partner has joined the project yet.",
    )


def contacts(src: Sources) -> list[Section]:
    return live_until_approved(src, KEYS, lambda: [_contacts(src)])
