"""Rules for the safeguards issue 13 found missing: the agreement drawn from the PID, data and
clinical safety governance, industry-funded staff, and sustainability after the project.

Kept apart from the main catalogue so that each rule sits beside its own explanation of where
it comes from; the catalogue includes them all.
"""

from __future__ import annotations

from triplewin.core.rules.facts import ProjectFacts
from triplewin.core.rules.model import NOT_APPLICABLE, PASS, Check, Rule, Severity, fail

BLOCKER, RISK = Severity.BLOCKER, Severity.RISK
GUIDANCE = "NHS Confederation/ABPI guidance (2024)"
KINGS_FUND = "The King's Fund, 'NHS and life sciences industry partnerships' (2024)"
CONFED_BRIEFING = "NHS Confederation, 'Opportunities, openness and obstacles' (2024)"


def _each(items: tuple[str, ...], lead: str) -> Check:
    return fail(f"{lead}: " + "; ".join(items) + ".") if items else PASS


def _agreement_matches_pid(f: ProjectFacts) -> Check:
    if f.agreement_pid_mismatches is None:
        # Whether an agreement and an approved PID exist is checked by AGREEMENT-CLAUSES and
        # PID-BEFORE-AGREEMENT; this rule only compares the two once both exist.
        return NOT_APPLICABLE
    found = f.agreement_pid_mismatches
    if not found:
        return PASS
    text = "; ".join(found)
    return fail(text[:1].upper() + text[1:] + ".")


def _sustainability(f: ProjectFacts) -> Check:
    if f.sustainability_missing is None:
        return fail("No sustainability and handover plan has been written.")
    return _each(f.sustainability_missing, "Still to say")


SAFEGUARD_RULES: tuple[Rule, ...] = (
    Rule(
        "AGREEMENT-MATCHES-PID",
        "The agreement still says what the approved PID says",
        f"{GUIDANCE}, 'Recommended Collaborative/Joint Working Agreement Framework' (key "
        "information drawn directly from the PID); how dates, term and success measures are "
        "compared is our own choice",
        BLOCKER,
        frozenset({"agreement_signed"}),
        "The agreement is the legal form of the approved PID. Its partnership type, date, term "
        "and success measures must agree with the PID: the agreement is dated no later than the "
        "planned start, its term runs at least to the planned end, and its success measures "
        "include what the PID says is measured, when and by whom. A longer term is allowed, "
        "because outcomes are published after delivery ends.",
        "Correct the agreement, or raise an amendment to the PID and have it approved first.",
        _agreement_matches_pid,
    ),
    Rule(
        "DATA-FLOWS-GOVERNED",
        "Every data flow has a controller and, where it is shared, an agreement",
        f"{GUIDANCE}, 'Collaborative and joint-working approaches: a comparison' (data "
        f"security, confidentiality and privacy observed throughout); {KINGS_FUND}, Principle 7 "
        f"(memorandums of understanding and information-sharing agreements); {CONFED_BRIEFING}, "
        "case study of University Hospitals of Leicester with AstraZeneca (data sharing "
        "agreements)",
        BLOCKER,
        frozenset({"pid_approved"}),
        "For each item in the data collection plan, the partners must know which organisation "
        "is the data controller, and any data passed from one organisation to another must be "
        "covered by a data sharing agreement or memorandum of understanding.",
        "In the data collection plan, name the controller of each item and record the data "
        "sharing agreement or memorandum of understanding that covers it.",
        lambda f: _each(f.data_flows_ungoverned, "Not yet governed"),
    ),
    Rule(
        "DATA-FLOWS-DPIA",
        "A data protection impact assessment is done and signed off for each data flow",
        "UK GDPR, Article 35 (the seeds do not name DPIAs; asking for one at the PID is our own "
        f"choice, following {KINGS_FUND}, Principle 7, on data governance)",
        RISK,
        frozenset({"pid_approved"}),
        "A data protection impact assessment shows that the risks to patients' privacy were "
        "weighed before data is collected. A flow may be marked as not needing one when the "
        "organisation's screening decided so.",
        "Complete the DPIA with the data controller's information governance team and record "
        "its sign-off, or accept the risk with a reason.",
        lambda f: _each(f.data_flows_without_dpia, "No signed-off DPIA for"),
    ),
    Rule(
        "DIGITAL-TOOLS-CLINICAL-SAFETY",
        "Each digital tool has a clinical safety officer and a DCB0160 record",
        f"{CONFED_BRIEFING}, case study of Skin Analytics (clinical safety officers and DCB0160 "
        "clinical risk management); DCB0160 is the NHS standard for deploying health IT",
        BLOCKER,
        frozenset({"pid_approved"}),
        "Before a digital tool is used in patient care, the NHS organisation deploying it names "
        "a clinical safety officer and keeps a DCB0160 clinical risk management record. The "
        "supplier may help, but cannot complete it on the NHS organisation's behalf.",
        "In the digital tools plan, name the clinical safety officer and record the DCB0160 "
        "clinical risk management file for each tool.",
        lambda f: _each(f.digital_tools_without_safety, "Not yet assured"),
    ),
    Rule(
        "FUNDED-POSTS-SAFEGUARDS",
        "Industry-funded staff are additional, not retained with company money, and lawfully employed",
        f"{GUIDANCE}, Stage 2 'Project setup and governance structures' (contributions beyond "
        "normal day-to-day roles; precautions when using pharmaceutical funding to retain "
        "staff; NHS control and employment law compliance)",
        BLOCKER,
        frozenset({"pid_approved"}),
        "Staff paid with company money must add to what the NHS would do anyway, must not be a "
        "way of keeping posts the NHS would otherwise lose, must work under NHS control, and "
        "must be employed in line with employment law.",
        "For each industry-funded post, say what it adds beyond normal day-to-day roles, what "
        "precautions stop the funding being used to retain staff, and confirm NHS control and "
        "employment law compliance.",
        lambda f: _each(f.funded_posts_without_safeguards, "Still to answer"),
    ),
    Rule(
        "SUSTAINABILITY-PLAN",
        "A sustainability and handover plan says who commissions the service next",
        f"{KINGS_FUND}, 'Sustaining and scaling change' (engage commissioners early; data "
        "commissioners need; transfer of knowledge and skills) and 'The importance of "
        "sustaining and spreading improvements'",
        RISK,
        frozenset({"completed"}),
        "When company support ends, someone must commission the service or the gains are lost. "
        "The plan names who commissions it afterwards, what evidence they will need, and how "
        "skills and knowledge are handed over to the staff who carry on.",
        "Write the sustainability and handover plan, or accept the risk with a reason.",
        _sustainability,
    ),
)
