"""The summaries on each company's own website (ADR 0021), recorded by the company's lead.

The sources say the case-study companies published on their corporate websites but give no
page addresses, so the demo records each company's home page rather than invent a path.
"""

from __future__ import annotations

from collections.abc import Iterable

from triplewin.core.lifecycle import State
from triplewin.executive_summary import website
from triplewin.executive_summary.models import Document, ExecutiveSummary
from triplewin.executive_summary.selectors import summary_published_on
from triplewin.organisations.models import Membership, Role
from triplewin.outcomes.selectors import outcomes_published_on
from triplewin.partnerships.models import Project


def record_website_pages(projects: Iterable[Project]) -> int:
    recorded = 0
    for project in projects:
        open_documents = website.documents_open(project)
        summary_day = summary_published_on(project)
        outcomes_day = outcomes_published_on(project)
        days = {
            Document.EXECUTIVE_SUMMARY: summary_day
            if ExecutiveSummary.objects.filter(project=project).exists()
            else None,
            Document.OUTCOMES: outcomes_day if project.state == State.OUTCOMES_PUBLISHED else None,
        }
        for partner in project.partners.select_related("organisation"):
            company = partner.organisation
            if not company.is_pharmaceutical or not company.website:
                continue
            lead = (
                Membership.objects.filter(organisation=company, role=Role.PARTNERSHIP_LEAD)
                .select_related("user")
                .order_by("pk")
                .first()
            )
            if lead is None:
                continue
            for document, day in days.items():
                if day is None or document.value not in open_documents:
                    continue
                website.publication_record(
                    actor=lead.user,
                    project=project,
                    organisation=company,
                    document=document.value,
                    url=company.website,
                    live_on=day,
                )
                recorded += 1
    return recorded
