"""The catalogue of rules that the product enforces (blockers) or flags (risks).

Each rule cites where it comes from, says in plain English why it matters and what to do,
and lists the gates at which it is evaluated. "ongoing" rules are obligations shown on the
compliance panel whatever the project's state.
"""

from __future__ import annotations

import datetime as dt

from triplewin.core import checklist
from triplewin.core.contributions import SIGNIFICANT_HOURS, SIGNIFICANT_SHARE, percent
from triplewin.core.dates import add_months, long_date
from triplewin.core.outcomes import due_on as outcomes_due_on
from triplewin.core.rules.facts import ProjectFacts
from triplewin.core.rules.governance import GOVERNANCE_RULES
from triplewin.core.rules.model import NOT_APPLICABLE, PASS, Check, Rule, Severity, fail
from triplewin.core.rules.publication import PUBLICATION_RULES
from triplewin.core.rules.safeguards import SAFEGUARD_RULES
from triplewin.core.wording import counted

BLOCKER, RISK = Severity.BLOCKER, Severity.RISK
GUIDANCE = "NHS Confederation/ABPI guidance (2024)"
CLAUSE_20 = "ABPI Code 2024, clause 20"
GUIDANCE_OUTCOMES = (
    "NHS Confederation/ABPI guidance (2024), stage 3, Reporting on the project outcomes "
    "(how successful or unsuccessful the project has been)"
)


def _names(items: tuple[str, ...]) -> str:
    return ", ".join(items)


def _has_partners(f: ProjectFacts) -> Check:
    problems = f.parties.missing()
    return fail("There is " + " and ".join(problems) + " among the partners.") if problems else PASS


def _jw_nhs(f: ProjectFacts) -> Check:
    if f.intended_type != "jw":
        return NOT_APPLICABLE
    return (
        PASS
        if f.has_nhs_party
        else fail("The project is proposed as joint working but no NHS organisation is a partner.")
    )


def _jw_patient_outcomes(f: ProjectFacts) -> Check:
    if f.intended_type != "jw":
        return NOT_APPLICABLE
    answer = f.checklist_answers.get("patient_outcomes_measured")
    if answer in (None, "") and f.checklist_kept_elsewhere:
        return NOT_APPLICABLE
    if answer in (None, ""):
        return fail("Not answered yet.")
    if answer != checklist.Answer.YES:
        return fail(
            "The project is proposed as joint working but patient outcomes will not be measured."
        )
    return PASS


def _checklist_complete(f: ProjectFacts) -> Check:
    verdict = checklist.classify(f.checklist_answers, parties=f.parties)
    if verdict.unanswered_red:
        count = len(verdict.unanswered_red)
        return fail(f"{count} red question{'s' if count != 1 else ''} still to answer.")
    return PASS


# The red checklist rules are checked again at the PID, agreement and delivery gates, so a
# project cannot move on with a red answer that is no longer "yes" (a rule corrected since,
# an imported project, a question split in two). The guidance has each governance committee
# review the project against the checklist criteria when it approves (section "Establishing a
# robust governance framework").
RED_RECHECK_GATES = frozenset(
    {"concept_approved", "pid_approved", "agreement_signed", "in_delivery"}
)


def _red(question: checklist.Question) -> Rule:
    def check(f: ProjectFacts) -> Check:
        answer = f.checklist_answers.get(question.id)
        if answer in (None, "") and f.checklist_kept_elsewhere:
            # The concept gate was passed before Triple Win (ADR 0002); the later gates
            # re-check answers recorded here, and there are none to re-check.
            return NOT_APPLICABLE
        if answer in (None, ""):
            return fail("Not answered yet.")
        if answer == checklist.Answer.YES or (
            answer == checklist.Answer.NOT_APPLICABLE and question.allows_not_applicable
        ):
            return PASS
        return fail("Answered no.")

    return Rule(
        id=f"RED-{question.id.upper().replace('_', '-')}",
        title=question.text,
        source=question.source,
        severity=BLOCKER,
        gates=RED_RECHECK_GATES,
        explanation=question.why,
        remedy="Change the project so that the answer is yes, or consider another route.",
        check=check,
    )


def _amber(question: checklist.Question) -> Rule:
    def check(f: ProjectFacts) -> Check:
        answer = f.checklist_answers.get(question.id)
        if answer == checklist.Answer.NO:
            return fail("Answered no.")
        if answer in (None, ""):
            return fail("Not answered yet.")
        return PASS

    return Rule(
        id=f"AMBER-{question.id.upper().replace('_', '-')}",
        title=question.text,
        source=question.source,
        severity=RISK,
        gates=frozenset({"concept_approved"}),
        explanation=question.why,
        remedy="Address the gap, or accept the risk with a recorded reason.",
        check=check,
    )


def _benefit(f: ProjectFacts) -> Check:
    direct = f.checklist_answers.get("benefit_patients_direct")
    wider = f.checklist_answers.get("benefit_patients_or_nhs")
    if not f.checklist_answers and f.checklist_kept_elsewhere:
        return NOT_APPLICABLE
    if direct in (None, "") or (direct == "no" and wider in (None, "")):
        return fail("The benefit questions are not answered yet.")
    if f.intended_type == "jw" and direct != "yes":
        return fail("Joint working must benefit patients directly; the checklist says it does not.")
    if direct != "yes" and wider != "yes":
        return fail("No benefit to patients or to the NHS is claimed.")
    return PASS


def _type_matches(f: ProjectFacts) -> Check:
    verdict = checklist.classify(f.checklist_answers, parties=f.parties)
    if verdict.classification is checklist.Classification.INCOMPLETE:
        return fail("The checklist is not complete, so the type cannot be confirmed.")
    if f.intended_type is None:
        return fail("Choose whether the project is collaborative or joint working.")
    if f.intended_type == "jw" and not verdict.qualifies_jw:
        return fail(f"Proposed as joint working, but the checklist says: {verdict.label}.")
    if f.intended_type == "cw" and not verdict.qualifies_cw:
        return fail(f"Proposed as collaborative working, but the checklist says: {verdict.label}.")
    return PASS


def _scoping_complete(f: ProjectFacts) -> Check:
    if not f.scoping_missing:
        return PASS
    return fail(f"{counted(len(f.scoping_missing), 'scoping question')} unanswered.")


def _concept_complete(f: ProjectFacts) -> Check:
    if f.concept_missing is None:
        return fail("No concept framework has been written yet.")
    return fail(f"Missing: {_names(f.concept_missing)}.") if f.concept_missing else PASS


def _concept_approved(f: ProjectFacts) -> Check:
    if f.concept_rejected_by:
        return fail(f"Rejected by {_names(f.concept_rejected_by)}.")
    if f.concept_pending_partners is None:
        return fail("No partner has approved the concept yet.")
    if f.concept_pending_partners:
        return fail(f"Waiting for {_names(f.concept_pending_partners)}.")
    return PASS


def _concept_unchanged(f: ProjectFacts) -> Check:
    return (
        fail("The concept was edited after approval.") if f.concept_changed_since_approval else PASS
    )


def _legal_partners(f: ProjectFacts) -> Check:
    unable = tuple(p.name for p in f.partners if not p.is_legal_entity)
    return fail(f"Cannot sign agreements: {_names(unable)}.") if unable else PASS


def _list_evidence(value: tuple[str, ...] | None, missing: str, problem: str) -> Check:
    if value is None:
        return fail(missing)
    return fail(f"{problem}: {_names(value)}.") if value else PASS


def _flag_evidence(value: bool | None, missing: str, problem: str) -> Check:
    if value is None:
        return fail(missing)
    return PASS if value else fail(problem)


_SIGNIFICANT = (
    f"{percent(SIGNIFICANT_SHARE)} of all the money the partners value, or "
    f"{SIGNIFICANT_HOURS} hours of staff time (a full-time NHS working week)"
)

# Advice only: the guidance asks for a "right sized" team, effective and inclusive, and sets
# no numbers. These are the product's own choice (issue 13 item 7).
TEAM_MIN, TEAM_MAX = 3, 12
TEAM_SETUP = f"{GUIDANCE}, stage 2, project set-up and governance structures"


def _team_size(f: ProjectFacts) -> Check:
    if f.team_size is None:
        return fail("No project team has been formed yet.")
    if f.team_size < TEAM_MIN:
        return fail(
            f"Only {counted(f.team_size, 'member')}; fewer than {TEAM_MIN} rarely covers every partner and skill."
        )
    if f.team_size > TEAM_MAX:
        return fail(f"{f.team_size} members; more than {TEAM_MAX} makes decisions slow.")
    return PASS


def _every_partner_on_team(f: ProjectFacts) -> Check:
    return _list_evidence(
        f.partners_not_on_team, "No project team has been formed yet.", "Nobody on the team from"
    )


def _quarter_ends(year: int, quarter: int) -> dt.date:
    return add_months(dt.date(year, 3 * quarter - 2, 1), 3) - dt.timedelta(days=1)


def _prospective_dates(f: ProjectFacts) -> Check:
    began = f.scoping_started_on
    if began is None:
        return NOT_APPLICABLE
    signs = []
    if f.planned_start is not None and f.planned_start < began:
        signs.append(f"the planned start, {long_date(f.planned_start)}")
    if f.actual_start is not None and f.actual_start < began:
        signs.append(f"the actual start, {long_date(f.actual_start)}")
    if f.concept_start_quarter is not None:
        year, quarter = f.concept_start_quarter
        if 1 <= quarter <= 4 and _quarter_ends(year, quarter) < began:
            signs.append(f"the concept's anticipated start, quarter {quarter} of {year}")
    if not signs:
        return PASS
    return fail(
        f"Scoping began on {long_date(began)}, but "
        + " and ".join(signs)
        + (" is" if len(signs) == 1 else " are")
        + " earlier. The work may already have been under way."
    )


def _summary_published(f: ProjectFacts) -> Check:
    if f.summary_published_on is None:
        return fail("The executive summary has not been published.")
    if f.summary_published_on > f.today:
        return fail(
            f"The summary is scheduled for {long_date(f.summary_published_on)}, after today."
        )
    return PASS


def _outcomes_within_six_months(f: ProjectFacts) -> Check:
    if f.ended_on is None or f.ended_on > f.today:
        return NOT_APPLICABLE
    due = outcomes_due_on(f.ended_on)
    published = f.outcomes_published_on
    if published is None or published > f.today:
        return fail(f"Overdue since {long_date(due)}.") if f.today > due else PASS
    if published <= due:
        return PASS
    # Already public: "publish now" would send the partners to do what is done. What is
    # left is to say why it was late (our choice; the Code sets the deadline, not the remedy).
    return fail(
        f"Published on {long_date(published)}, after the {long_date(due)} deadline.",
        remedy=LATE_OUTCOMES_REMEDY,
    )


LATE_OUTCOMES_REMEDY = (
    "Nothing is left to publish: the outcomes are public. Record why they were late in the "
    "project's lessons learned, so that the next project can avoid it."
)


def _tov_disclosed(f: ProjectFacts) -> Check:
    years = f.undisclosed_tov_years
    return (
        fail("Not yet disclosed for " + _names(tuple(str(y) for y in years)) + ".")
        if years
        else PASS
    )


def _completion_recorded(f: ProjectFacts) -> Check:
    return PASS if f.completed_on else fail("Record the actual end date first.")


def _outcomes_published(f: ProjectFacts) -> Check:
    return PASS if f.outcomes_published_on else fail("The outcomes summary has not been published.")


CORE_RULES: tuple[Rule, ...] = (
    Rule(
        "PARTIES-PRESENT",
        "A pharmaceutical company and a healthcare organisation are partners",
        CLAUSE_20,
        BLOCKER,
        frozenset({"concept_approved"}),
        "Collaborative working is between at least one pharmaceutical company and at least one healthcare organisation.",
        "Add the missing kind of partner on the partners page.",
        _has_partners,
    ),
    Rule(
        "JW-NHS-PARTY",
        "Joint working includes an NHS organisation",
        CLAUSE_20,
        BLOCKER,
        frozenset({"concept_approved", "agreement_signed"}),
        "Joint working is defined as a partnership with the NHS; without an NHS partner it cannot be joint working.",
        "Add an NHS partner, or propose the project as collaborative working.",
        _jw_nhs,
    ),
    Rule(
        "JW-PATIENT-OUTCOMES",
        "Joint working measures outcomes for patients",
        checklist.QUESTIONS_BY_ID["patient_outcomes_measured"].source,
        BLOCKER,
        RED_RECHECK_GATES,
        "Joint working must benefit patients directly, so its outcomes must show what changed "
        "for patients. Collaborative working may measure NHS outcomes instead, such as "
        "efficiency, provided patient care is at least maintained.",
        "Add outcomes for patients to what will be measured, or propose the project as "
        "collaborative working.",
        _jw_patient_outcomes,
    ),
    Rule(
        "PROSPECTIVE-BY-DATES",
        "The dates show the work had not begun before scoping",
        f"{CLAUSE_20} (arrangements must be prospective); comparing dates is our own check",
        RISK,
        frozenset({"concept_approved", "pid_approved", "in_delivery"}),
        "A partnership cannot fund or rebadge work that has already started. The checklist asks "
        "the partners, and this compares the dates they recorded with the day scoping began, "
        "because an honest 'yes' can still sit beside a start date in the past.",
        "Check with the partners whether any of the work began before scoping. If it did, "
        "change the project so that it covers only new work; if a date is wrong, correct it.",
        _prospective_dates,
    ),
    Rule(
        "CHECKLIST-COMPLETE",
        "Every red question on the checklist is answered",
        GUIDANCE,
        BLOCKER,
        frozenset({"concept_approved"}),
        "The classification cannot be trusted until every red question has an answer.",
        "Finish the classification checklist.",
        _checklist_complete,
    ),
    Rule(
        "BENEFIT-TEST",
        "The benefit test for the chosen type is met",
        CLAUSE_20,
        BLOCKER,
        RED_RECHECK_GATES,
        "Joint working must benefit patients directly; collaborative working must benefit patients or the NHS, "
        "never at the expense of patient care.",
        "Rework the objectives so that patients (or the NHS, for collaborative working) clearly benefit.",
        _benefit,
    ),
    Rule(
        "TYPE-MATCHES-CHECKLIST",
        "The proposed type matches the checklist verdict",
        GUIDANCE,
        BLOCKER,
        frozenset({"concept_approved"}),
        "Partners must agree what kind of arrangement this is, because the rules and disclosures differ.",
        "Change the proposed type on the project details, or change the project.",
        _type_matches,
    ),
    Rule(
        "SCOPING-GUIDE-COMPLETE",
        "The scoping guide is fully answered",
        GUIDANCE,
        RISK,
        frozenset({"concept_approved"}),
        "Unanswered scoping questions are where partnerships later stall.",
        "Answer the remaining questions, or accept the risk with a reason.",
        _scoping_complete,
    ),
    Rule(
        "CONCEPT-COMPLETE",
        "The concept framework is complete",
        GUIDANCE,
        BLOCKER,
        frozenset({"concept_approved"}),
        "Every partner must see the whole concept, including each party's contribution, before approving it.",
        "Fill in the missing parts of the concept framework.",
        _concept_complete,
    ),
    Rule(
        "CONCEPT-APPROVED-BY-ALL",
        "Every partner organisation has approved the concept",
        GUIDANCE,
        BLOCKER,
        frozenset({"concept_approved"}),
        "An authorised person from each partner must approve exactly the same version of the concept.",
        "Ask the remaining partners to review and approve.",
        _concept_approved,
    ),
    Rule(
        "CONCEPT-UNCHANGED",
        "The concept has not changed since it was approved",
        GUIDANCE,
        BLOCKER,
        frozenset({"setup"}),
        "Partners approved a specific version; any later edit needs their approval again.",
        "Ask every partner to approve the concept again.",
        _concept_unchanged,
    ),
    Rule(
        "PARTNERS-LEGAL-ENTITIES",
        "Each partner can sign a legal agreement",
        GUIDANCE,
        RISK,
        frozenset({"concept_approved"}),
        "Agreements are made with legal entities. A PCN, for example, usually signs through a lead practice or federation.",
        "Plan which legal entity will sign for each partner that cannot.",
        _legal_partners,
    ),
    Rule(
        "NO-SALES-MEMBERS",
        "No one from a company's sales function is on the team",
        CLAUSE_20,
        BLOCKER,
        frozenset({"pid_approved"}),
        "Sales staff on a partnership team would link it to promotion.",
        "Replace the member with someone from a non-sales function.",
        lambda f: _list_evidence(
            f.team_sales_members, "No project team has been formed yet.", "Sales function members"
        ),
    ),
    Rule(
        "CONFLICTS-DECLARED",
        "Every team member has declared interests or made a nil return",
        "NHS England conflicts of interest guidance",
        BLOCKER,
        frozenset({"pid_approved"}),
        "Members must declare interests so that conflicted people can be kept out of related decisions.",
        "Ask the listed members to complete their declarations.",
        lambda f: _list_evidence(
            f.team_undeclared_members, "No project team has been formed yet.", "No declaration from"
        ),
    ),
    Rule(
        "TEAM-EVERY-PARTNER",
        "Every partner is represented on the project team",
        f"{TEAM_SETUP} (the team or steering committee includes all involved parties)",
        BLOCKER,
        frozenset({"pid_approved"}),
        "The project team or steering committee guides and manages the project for all the "
        "partners, so each partner organisation needs at least one person on it.",
        "Add someone from each listed partner to the project team.",
        _every_partner_on_team,
    ),
    Rule(
        "TEAM-RIGHT-SIZED",
        "The project team is a workable size (advice)",
        f"{TEAM_SETUP} asks for a 'right sized' team, effective and inclusive; the numbers "
        f"({TEAM_MIN} to {TEAM_MAX} members) are our own choice, as the sources set none",
        RISK,
        frozenset({"pid_approved"}),
        f"The guidance asks only for a team that is both effective and inclusive. We suggest "
        f"{TEAM_MIN} to {TEAM_MAX} members: with fewer than {TEAM_MIN}, two partners would "
        "each have one voice and nobody to cover skills such as project management, data or "
        f"clinical leadership; past {TEAM_MAX}, meetings tend to report rather than decide. "
        "These numbers are the product's own choice, not the guidance's, so a team outside "
        "them can go ahead once the partners accept the risk with a reason.",
        f"Aim for {TEAM_MIN} to {TEAM_MAX} members, or accept the risk with a reason.",
        _team_size,
    ),
    Rule(
        "OBJECTIONS-RESOLVED",
        "Every objection to a team member has been decided",
        GUIDANCE,
        BLOCKER,
        frozenset({"pid_approved"}),
        "Either party may object to a member because of a conflict; the objection must be settled before the PID.",
        "Record the outcome of each open objection.",
        lambda f: (
            fail(f"Open objections to: {_names(f.open_objections)}.") if f.open_objections else PASS
        ),
    ),
    Rule(
        "GOVERNANCE-COMMITTEES",
        "Each party has named its governance committee",
        GUIDANCE,
        BLOCKER,
        frozenset({"pid_approved"}),
        "Each organisation's own governance committee reviews and approves the PID.",
        "Name at least a senior responsible officer for each listed party.",
        lambda f: _list_evidence(
            f.parties_without_governance_committee,
            "No governance committees have been named yet.",
            "No committee for",
        ),
    ),
    Rule(
        "PLANS-IN-PLACE",
        "The stakeholder, communications, data, patient engagement and RACI plans exist",
        GUIDANCE,
        RISK,
        frozenset({"pid_approved"}),
        "These plans are how the partners agree who does what, who is told what, and what data is collected.",
        "Add at least one entry to each missing plan, or accept the risk with a reason.",
        lambda f: _list_evidence(f.plans_missing, "No plans have been started yet.", "Missing"),
    ),
    Rule(
        "COMPANY-DATA-ANONYMISED",
        "Any data a company sees is anonymised and aggregated",
        CLAUSE_20,
        BLOCKER,
        frozenset({"pid_approved"}),
        "Companies must never receive identifiable patient data from a partnership.",
        "Change the data collection plan so that each item a company sees is anonymised and aggregated.",
        lambda f: (
            fail(f"Shared without anonymisation: {_names(f.data_shared_not_anonymised)}.")
            if f.data_shared_not_anonymised
            else PASS
        ),
    ),
    Rule(
        "PID-COMPLETE",
        "Every section of the PID is filled in",
        GUIDANCE,
        BLOCKER,
        frozenset({"pid_approved"}),
        "Approvers must see the whole PID, including the exit strategy and each party's responsibilities.",
        "Fill in the missing PID sections.",
        lambda f: _list_evidence(
            f.pid_missing_sections, "No PID has been written yet.", "Missing sections"
        ),
    ),
    Rule(
        "CONTRIBUTION-EVERY-PARTY",
        "Every party makes a significant contribution",
        f"{CLAUSE_20}; the threshold ({_SIGNIFICANT}) is our own choice, as the sources set none",
        BLOCKER,
        frozenset({"pid_approved"}),
        "Each organisation must bring something substantial, and the NHS contribution need not be "
        f"money. A party's contribution counts as significant here when it reaches {_SIGNIFICANT}. "
        "Hosting or advice with nothing valued or counted does not show a significant contribution.",
        "Record what each listed party brings, with its value or the staff hours given.",
        lambda f: _list_evidence(
            f.parties_without_significant_contribution,
            "No contributions have been recorded yet.",
            "Not yet significant",
        ),
    ),
    Rule(
        "FUNDED-POSTS-EXIT",
        "Industry-funded posts have an exit strategy",
        GUIDANCE,
        BLOCKER,
        frozenset({"pid_approved"}),
        "Posts paid with industry money stay under NHS control and need a plan for when funding ends.",
        "Record the exit strategy for each funded post.",
        lambda f: _list_evidence(
            f.funded_posts_without_exit,
            "Contributions have not been recorded yet.",
            "No exit strategy for",
        ),
    ),
    Rule(
        "PID-CERTIFIED",
        "The PID is certified by the company's signatory",
        CLAUSE_20,
        BLOCKER,
        frozenset({"pid_approved"}),
        "The company's certification signatory must confirm the PID complies with the Code.",
        "Ask the certification signatory to certify the current PID version.",
        lambda f: _flag_evidence(
            f.pid_certified,
            "No PID has been written yet.",
            "The current PID version is not certified.",
        ),
    ),
    Rule(
        "PID-APPROVED",
        "The PID is approved by the team and each governance committee",
        GUIDANCE,
        BLOCKER,
        frozenset({"pid_approved"}),
        "Each party's governance committee approves the exact PID version that will be delivered.",
        "Collect the outstanding approvals.",
        lambda f: _flag_evidence(
            f.pid_approved,
            "No PID has been written yet.",
            "The current PID version lacks approvals.",
        ),
    ),
    Rule(
        "PID-BEFORE-AGREEMENT",
        "The approved PID is unchanged before the agreement is signed",
        GUIDANCE,
        BLOCKER,
        frozenset({"agreement_signed"}),
        "The agreement is drawn from the approved PID, so the PID must be approved and unchanged.",
        "Re-approve the PID, or raise an amendment.",
        lambda f: (
            fail("The PID changed after approval.")
            if f.pid_changed_since_approval
            else _flag_evidence(
                f.pid_approved, "No approved PID exists yet.", "The PID is not approved."
            )
        ),
    ),
    Rule(
        "AGREEMENT-SIGNED-BY-ALL",
        "Every party has signed the agreement",
        GUIDANCE,
        BLOCKER,
        frozenset({"agreement_signed", "in_delivery"}),
        "Delivery may only start under a signed agreement.",
        "Record each party's signature date and upload the signed copy.",
        lambda f: _list_evidence(
            f.agreement_unsigned_parties, "No agreement has been recorded yet.", "Not yet signed by"
        ),
    ),
    Rule(
        "AGREEMENT-LEGAL-ENTITIES",
        "Agreement parties are legal entities, never individuals",
        GUIDANCE,
        BLOCKER,
        frozenset({"agreement_signed"}),
        "A partnership agreement binds organisations; an individual member of staff cannot be a party.",
        "Replace the listed parties with the legal entities they belong to.",
        lambda f: (
            fail(f"Not legal entities: {_names(f.agreement_non_legal_parties)}.")
            if f.agreement_non_legal_parties
            else PASS
        ),
    ),
    Rule(
        "AGREEMENT-CLAUSES",
        "The agreement covers every required clause",
        f"{GUIDANCE}, 'Recommended Collaborative/Joint Working Agreement Framework' and "
        "'Collaborative and joint-working approaches: a comparison' (clinical independence, "
        "anti-bribery compliance); The King's Fund (2024), 'How are collaborative working "
        "projects governed and regulated?' (anti-bribery and anti-corruption law, competition "
        "and commercial in confidence) and Principle 9 (separation from promotional and "
        "marketing activities)",
        BLOCKER,
        frozenset({"agreement_signed"}),
        "The agreement must cover benefits, money, roles, success measures, publication, "
        "contingency, disputes, exit and Code breaches, and the safeguards the sources name: "
        "anti-bribery and anti-corruption compliance, respect for clinical independence, "
        "separation from promotion and marketing, and competition law and commercial "
        "confidentiality.",
        "Complete the missing clauses in the agreement record.",
        lambda f: _list_evidence(
            f.agreement_missing_clauses, "No agreement has been recorded yet.", "Missing clauses"
        ),
    ),
    Rule(
        "SUMMARY-CERTIFIED",
        "The executive summary is certified",
        CLAUSE_20,
        BLOCKER,
        frozenset({"summary_published"}),
        "The company's certification signatory confirms the summary complies with the Code before it is published.",
        "Ask the certification signatory to certify the summary.",
        lambda f: _flag_evidence(
            f.summary_certified,
            "No executive summary has been written yet.",
            "The summary is not certified.",
        ),
    ),
    Rule(
        "SUMMARY-PUBLISHED",
        "The executive summary is published",
        CLAUSE_20,
        BLOCKER,
        frozenset({"summary_published", "in_delivery"}),
        "The executive summary must be public before the project starts.",
        "Certify and publish the executive summary.",
        _summary_published,
    ),
    Rule(
        "COMPLETION-RECORDED",
        "The actual end date is recorded",
        GUIDANCE,
        BLOCKER,
        frozenset({"completed"}),
        "The six-month outcomes deadline runs from the actual end date.",
        "Record when delivery actually ended.",
        _completion_recorded,
        asked_at_step=True,
    ),
    Rule(
        "OUTCOMES-PUBLISHED",
        "The outcomes summary is published",
        CLAUSE_20,
        BLOCKER,
        frozenset({"outcomes_published"}),
        "Outcomes are published so that others can learn and the public can see results.",
        "Certify and publish the summary of project outcomes.",
        _outcomes_published,
    ),
    Rule(
        "OUTCOMES-WITHIN-SIX-MONTHS",
        "Outcomes are published within six months of the end of delivery",
        CLAUSE_20 + "; " + GUIDANCE_OUTCOMES,
        RISK,
        frozenset({"ongoing"}),
        "The Code expects outcomes to be published promptly, within six months of completion, "
        "and the guidance asks for them whatever happened: a project stopped early still "
        "publishes an outcomes (closure) summary, on the same six-month clock from the day "
        "delivery stopped.",
        "Publish the summary of project outcomes now.",
        _outcomes_within_six_months,
    ),
    Rule(
        "TOV-DISCLOSED",
        "Transfers of value are disclosed for every year",
        "ABPI Code 2024, clause 31 (Disclosure UK)",
        RISK,
        frozenset({"ongoing"}),
        "Each calendar year's transfers of value are disclosed on Disclosure UK by the end of June the next year.",
        "Mark the year as disclosed once the company has submitted it.",
        _tov_disclosed,
    ),
)

CATALOGUE: tuple[Rule, ...] = (
    *CORE_RULES,
    *PUBLICATION_RULES,
    *SAFEGUARD_RULES,
    *GOVERNANCE_RULES,
    *(
        _red(q)
        for q in checklist.QUESTIONS
        if q.colour is checklist.Colour.RED and q.applies is checklist.Applies.BOTH
    ),
    *(_amber(q) for q in checklist.AMBER),
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in CATALOGUE}
GATES: frozenset[str] = frozenset(g for rule in CATALOGUE for g in rule.gates)
