"""Rules on who leads and who approves: named leads, company committees, the system route.

Issue 13 items 18, 19 and 20 (ADR 0019). Each cites the guidance passage it enforces; where
the guidance advises rather than requires, the rule is a risk, not a blocker.
"""

from __future__ import annotations

from triplewin.core.rules.facts import ProjectFacts
from triplewin.core.rules.model import NOT_APPLICABLE, PASS, Check, Rule, Severity, fail

GUIDANCE = "NHS Confederation/ABPI guidance (2024)"
TRUST_STEPS = f"{GUIDANCE}, Key resource: Steps to build trust"
GOVERNANCE_FRAMEWORK = f"{GUIDANCE}, Stage 2: Establishing a robust governance framework"
SYSTEM_LEVEL = (
    f"{GUIDANCE}, Stage 1: Where can partnership projects originate? (Integrated care "
    "system/place level)"
)


def _named_leads(f: ProjectFacts) -> Check:
    missing = f.partners_without_named_lead
    return fail(f"Without a named lead: {', '.join(missing)}.") if missing else PASS


def _company_seats(f: ProjectFacts) -> Check:
    missing = f.company_committees_missing_seats
    if missing is None:
        return fail("No governance committees have been named yet.")
    return fail(f"Seats the guidance suggests: {'; '.join(missing)}.") if missing else PASS


def _system_route(f: ProjectFacts) -> Check:
    if not f.is_system_level:
        return NOT_APPLICABLE
    if f.system_route_missing is None:
        return fail(
            "The leads consulted and the medicines optimisation committee's view are not "
            "recorded yet."
        )
    if f.system_route_missing:
        return fail(f"Still to record: {', '.join(f.system_route_missing)}.")
    if f.system_route_not_supported:
        return fail(f.system_route_not_supported)
    return PASS


GOVERNANCE_RULES: tuple[Rule, ...] = (
    Rule(
        "PARTNER-NAMED-LEAD",
        "Every partner has a named lead who is still involved",
        f"{TRUST_STEPS} (Continuity: few changes of personnel, or at least well-run handovers);"
        " treating a missing lead as a risk at the PID and throughout is our own "
        "choice",
        Severity.RISK,
        frozenset({"pid_approved", "ongoing"}),
        "Each organisation needs one person who speaks for it and answers for its part of the "
        "project. The guidance counts continuity among the steps that build trust: when people "
        "change, the hand-over should be planned, not left to chance.",
        "Name a lead for each listed partner on the partners page. When a lead leaves the "
        "team, choose who takes over and write a handover note.",
        _named_leads,
    ),
    Rule(
        "GOVERNANCE-COMPANY-SEATS",
        "Each company's governance committee has legal and medical or compliance seats",
        f"{GOVERNANCE_FRAMEWORK} (governance expertise in companies comes from legal, medical, "
        "compliance and healthcare engagement; Key resource: Potential governance committee "
        "members lists a pharmaceutical legal director and a medical / compliance director)",
        Severity.RISK,
        frozenset({"pid_approved"}),
        "The guidance expects a company's review to draw on its legal and its medical or "
        "compliance experts. Its list of members is an example rather than a requirement, so a "
        "missing seat is a risk to consider, not a bar.",
        "Name a legal seat and a medical or compliance seat on the company's committee, or "
        "accept the risk with the reason the company reviews the project another way.",
        _company_seats,
    ),
    Rule(
        "SYSTEM-ROUTE-RECORDED",
        "A system-level project records the leads consulted and the medicines committee's view",
        f"{SYSTEM_LEVEL}: early discussions should include relevant clinical and executive "
        "leads, the chief pharmacist as appropriate, and proposals go to the ICB's Integrated "
        "Medicines Optimisation Committee (IMOC) or equivalent",
        Severity.RISK,
        frozenset({"concept_approved"}),
        "Partnerships with an integrated care board are harder to set up and must serve the "
        "system's priorities. The guidance advises involving the board's clinical and "
        "executive leads (and its chief pharmacist where medicines are involved) early, and "
        "taking the proposal to its medicines optimisation committee or an equivalent.",
        "Record who was involved and the committee's decision on the team page's system-level "
        "route, or accept the risk with a reason.",
        _system_route,
    ),
)
