"""Rules on who may be a partner, and on what each partner publishes on its own website.

ADR 0021. Patient organisations are never partners; a company may contract one to deliver a
service, and publishes that contracted value on its own website rather than on Disclosure
UK. The executive summary goes on each industry partner's website before the project starts,
and the outcomes summary afterwards.
"""

from __future__ import annotations

from triplewin.core.dates import add_months, long_date
from triplewin.core.rules.facts import ProjectFacts
from triplewin.core.rules.model import NOT_APPLICABLE, PASS, Check, Rule, Severity, fail

BLOCKER, RISK = Severity.BLOCKER, Severity.RISK
WHO_CAN_BE_INVOLVED = (
    "NHS Confederation/ABPI guidance (2024), stage 1, forming the partnership (patient "
    "organisations cannot directly be included; they may be contracted to deliver a service)"
)
SUMMARY_ON_WEBSITE = (
    "ABPI Code 2024, clause 20; NHS Confederation/ABPI guidance (2024), stage 2, "
    "'The executive summary' (the project should not commence until the summary is published "
    "on the industry partner's website)"
)
OUTCOMES_ON_WEBSITE = (
    "ABPI Code 2024, clause 20; NHS Confederation/ABPI guidance (2024), stage 3, outcomes "
    "(all parties publish outcomes promptly, within six months)"
)
CONTRACTED_VALUE = (
    "NHS Confederation/ABPI guidance (2024), collaborative working requirements (the contracted "
    "service value to a patient organisation is published on the industry partner's website) "
    "and Appendix 2, Disclosure UK; the deadline (end of June the next year, as for Disclosure "
    "UK) is our own choice, as the sources set none"
)

# How long after the outcomes are published in Triple Win each company has to put them on
# its own website before we flag it. The product's own choice: the sources give six months
# from completion for all parties, so we allow the same six months from completion.
OUTCOMES_WEBSITE_MONTHS = 6


def _no_patient_organisation(f: ProjectFacts) -> Check:
    names = tuple(p.name for p in f.partners if p.is_patient_organisation)
    if not names:
        return PASS
    return fail(
        "Patient organisations cannot be partners: "
        + ", ".join(names)
        + ". Remove them and record any service they deliver as a contracted service."
    )


def _summary_on_website(f: ProjectFacts) -> Check:
    if not f.has_pharmaceutical_party:
        return NOT_APPLICABLE
    if f.companies_without_summary_page:
        return fail(
            "No live executive summary page recorded for "
            + ", ".join(f.companies_without_summary_page)
            + "."
        )
    return PASS


def _outcomes_on_website(f: ProjectFacts) -> Check:
    if not f.has_pharmaceutical_party or f.outcomes_published_on is None:
        return NOT_APPLICABLE
    if not f.companies_without_outcomes_page:
        return PASS
    due = add_months(f.completed_on or f.outcomes_published_on, OUTCOMES_WEBSITE_MONTHS)
    names = ", ".join(f.companies_without_outcomes_page)
    if f.today > due:
        return fail(f"Overdue since {long_date(due)}: no outcomes page recorded for {names}.")
    return fail(f"Due by {long_date(due)}: no outcomes page recorded yet for {names}.")


def _contracted_values_published(f: ProjectFacts) -> Check:
    if not f.contracted_services_unpublished:
        return PASS
    return fail(
        "Not yet published on the company's website: "
        + ", ".join(f.contracted_services_unpublished)
        + "."
    )


PUBLICATION_RULES: tuple[Rule, ...] = (
    Rule(
        "NO-PATIENT-ORGANISATION-PARTNER",
        "No patient organisation is a partner",
        WHO_CAN_BE_INVOLVED,
        BLOCKER,
        frozenset({"concept_approved", "agreement_signed"}),
        "Patient organisations cannot be parties to collaborative or joint working. A company "
        "may contract one to deliver a service that supports part of the project; that is a "
        "separate contract, outside the partnership agreement.",
        "Remove the patient organisation from the partners, and record the service it "
        "delivers as a contracted service.",
        _no_patient_organisation,
    ),
    Rule(
        "SUMMARY-ON-COMPANY-WEBSITE",
        "Each industry partner has published the executive summary on its website",
        SUMMARY_ON_WEBSITE,
        BLOCKER,
        frozenset({"in_delivery"}),
        "The Code requires the executive summary on the industry partner's own website before "
        "the project starts; publishing it on Triple Win's register does not replace that. "
        "NHS partners are encouraged to publish it too.",
        "Record the address of each company's page and the day it went live.",
        _summary_on_website,
    ),
    Rule(
        "OUTCOMES-ON-COMPANY-WEBSITE",
        "Each industry partner has published the outcomes summary on its website",
        OUTCOMES_ON_WEBSITE,
        RISK,
        frozenset({"ongoing"}),
        "Once the project ends, every party publishes its outcomes, the companies on their own "
        "websites. We allow six months from completion, the same deadline as the Code's.",
        "Record the address of each company's outcomes page and the day it went live.",
        _outcomes_on_website,
    ),
    Rule(
        "CONTRACTED-VALUES-PUBLISHED",
        "Contracted service values to patient organisations are on the company's website",
        CONTRACTED_VALUE,
        RISK,
        frozenset({"ongoing"}),
        "A company that pays a patient organisation to deliver a service publishes the value "
        "on its own website; it does not go on Disclosure UK. We flag a year's value once the "
        "end of June of the next year has passed, as for Disclosure UK.",
        "Record the address of the company's page that lists the value, and when it went up.",
        _contracted_values_published,
    ),
)
