"""Where each rule is fixed, and where each lifecycle step is taken: the one table of both.

Every rule's "what to do" links to the page named here, on the compliance panel, the step
pages and the "Next steps" box. A test fails when a rule in the catalogue has no page, or its
page does not resolve for a project, so a new rule cannot ship with plain-text advice.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from triplewin.core.next_steps import Link


@dataclass(frozen=True)
class Page:
    url_name: str  # takes the project's id as its only argument
    text: str  # how the link reads: "Go to <text>"


PARTNERS = Page("partnerships:partners", "the partners page")
DETAILS = Page("partnerships:edit", "the project details")
CHECKLIST = Page("scoping:checklist", "the classification checklist")
SCOPING = Page("scoping:guide", "the scoping guide")
CONCEPT = Page("concept:detail", "the concept framework")
CONCEPT_DECISION = Page("concept:decide", "the concept approval page")
TEAM = Page("team:detail", "the project team")
GOVERNANCE = Page("team:governance", "the governance committees")
SYSTEM_ROUTE = Page("team:system-route", "the system-level route")
CONFLICTS = Page("team:detail", "the project team's declarations")
PLANS = Page("plans:overview", "the plans")
CONTRIBUTIONS = Page("contributions:list", "the contributions")
PID = Page("pid:overview", "the PID")
AGREEMENT = Page("agreement:detail", "the agreement")
AGREEMENT_CLAUSES = Page("agreement:clauses", "the agreement's clauses")
SUMMARY = Page("executive_summary:detail", "the executive summary")
SUMMARY_WEBSITES = Page("executive_summary:website", "the companies' web pages")
COMPLETION = Page("delivery:complete", "the completion form")
OUTCOMES = Page("outcomes:detail", "the outcomes summary")
LESSONS = Page("learning:overview", "the lessons learned")
TRANSFERS = Page("transfers:list", "the transfers of value")
CONTRACTED = Page("transfers:contracted", "the contracted services")

RULE_PAGES: dict[str, Page] = {
    "PARTIES-PRESENT": PARTNERS,
    "JW-NHS-PARTY": PARTNERS,
    "JW-PATIENT-OUTCOMES": CHECKLIST,
    "PROSPECTIVE-BY-DATES": DETAILS,
    "CHECKLIST-COMPLETE": CHECKLIST,
    "BENEFIT-TEST": CHECKLIST,
    "TYPE-MATCHES-CHECKLIST": DETAILS,
    "SCOPING-GUIDE-COMPLETE": SCOPING,
    "CONCEPT-COMPLETE": CONCEPT,
    "CONCEPT-APPROVED-BY-ALL": CONCEPT_DECISION,
    "CONCEPT-UNCHANGED": CONCEPT_DECISION,
    "PARTNERS-LEGAL-ENTITIES": PARTNERS,
    "NO-SALES-MEMBERS": TEAM,
    "CONFLICTS-DECLARED": CONFLICTS,
    "TEAM-EVERY-PARTNER": TEAM,
    "TEAM-RIGHT-SIZED": TEAM,
    "OBJECTIONS-RESOLVED": TEAM,
    "GOVERNANCE-COMMITTEES": GOVERNANCE,
    "PLANS-IN-PLACE": PLANS,
    "COMPANY-DATA-ANONYMISED": PLANS,
    "PID-COMPLETE": PID,
    "CONTRIBUTION-EVERY-PARTY": CONTRIBUTIONS,
    "FUNDED-POSTS-EXIT": CONTRIBUTIONS,
    "PID-CERTIFIED": PID,
    "PID-APPROVED": PID,
    "PID-BEFORE-AGREEMENT": PID,
    "AGREEMENT-SIGNED-BY-ALL": AGREEMENT,
    "AGREEMENT-LEGAL-ENTITIES": AGREEMENT,
    "AGREEMENT-CLAUSES": AGREEMENT_CLAUSES,
    "SUMMARY-CERTIFIED": SUMMARY,
    "SUMMARY-PUBLISHED": SUMMARY,
    "COMPLETION-RECORDED": COMPLETION,
    "OUTCOMES-PUBLISHED": OUTCOMES,
    "OUTCOMES-WITHIN-SIX-MONTHS": OUTCOMES,
    "TOV-DISCLOSED": TRANSFERS,
    "NO-PATIENT-ORGANISATION-PARTNER": PARTNERS,
    "SUMMARY-ON-COMPANY-WEBSITE": SUMMARY_WEBSITES,
    "OUTCOMES-ON-COMPANY-WEBSITE": SUMMARY_WEBSITES,
    "CONTRACTED-VALUES-PUBLISHED": CONTRACTED,
    "AGREEMENT-MATCHES-PID": AGREEMENT,
    "DATA-FLOWS-GOVERNED": PLANS,
    "DATA-FLOWS-DPIA": PLANS,
    "DIGITAL-TOOLS-CLINICAL-SAFETY": PLANS,
    "FUNDED-POSTS-SAFEGUARDS": CONTRIBUTIONS,
    "SUSTAINABILITY-PLAN": PLANS,
    "PARTNER-NAMED-LEAD": PARTNERS,
    "GOVERNANCE-COMPANY-SEATS": GOVERNANCE,
    "SYSTEM-ROUTE-RECORDED": SYSTEM_ROUTE,
}
# The checklist's own questions, re-checked at later gates, are answered on the checklist.
PREFIX_PAGES: dict[str, Page] = {"RED-": CHECKLIST, "AMBER-": CHECKLIST}

# Steps that another page takes as part of its own work (publishing the summary publishes the
# step too); the rest are taken on the generic step page.
STEP_PAGES: dict[str, Page] = {
    "approve_concept": CONCEPT_DECISION,
    "publish_summary": Page("executive_summary:publish", "the executive summary"),
    "complete": COMPLETION,
    "terminate": Page("delivery:terminate", "the termination form"),
    "publish_outcomes": Page("outcomes:publish", "the outcomes summary"),
    "publish_outcomes_after_termination": Page("outcomes:publish", "the outcomes summary"),
}


def page_for(rule_id: str) -> Page | None:
    page = RULE_PAGES.get(rule_id)
    if page is not None:
        return page
    return next((p for prefix, p in PREFIX_PAGES.items() if rule_id.startswith(prefix)), None)


def fix_link(rule_id: str, project_id: int | None) -> Link | None:
    """The page where this rule is fixed for this project; None without a project."""
    page = page_for(rule_id)
    if page is None or project_id is None:
        return None
    return Link(reverse(page.url_name, args=[project_id]), page.text)


def step_href(project_id: int, name: str) -> str:
    """Where the step is taken: its own page, or the generic step page."""
    page = STEP_PAGES.get(name)
    if page is not None:
        return reverse(page.url_name, args=[project_id])
    return reverse("partnerships:transition", args=[project_id, name])
