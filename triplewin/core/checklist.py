"""The classification checklist: is this collaborative working, joint working, or neither?

Red questions decide the classification: a single "no" means the arrangement is not
collaborative or joint working as it stands. Amber questions flag risks to timely delivery.
Joint working is the narrower type: its benefit question asks for direct patient benefit, it
must measure outcomes for patients, and it must include an NHS organisation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

GUIDANCE = "NHS Confederation/ABPI guidance (2024)"


class Colour(StrEnum):
    RED = "red"
    AMBER = "amber"


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "na"


class Applies(StrEnum):
    BOTH = "both"
    CW_ONLY = "cw"
    JW_ONLY = "jw"


class Classification(StrEnum):
    JOINT_WORKING = "joint_working"
    COLLABORATIVE_WORKING = "collaborative_working"
    NEITHER = "neither"
    INCOMPLETE = "incomplete"


CLASSIFICATION_LABELS = {
    Classification.JOINT_WORKING: "Joint working",
    Classification.COLLABORATIVE_WORKING: "Collaborative working",
    Classification.NEITHER: "Neither collaborative nor joint working",
    Classification.INCOMPLETE: "Not yet decided: some red questions are unanswered",
}


@dataclass(frozen=True)
class Question:
    id: str
    colour: Colour
    text: str
    why: str
    applies: Applies = Applies.BOTH
    allows_not_applicable: bool = False
    source: str = "ABPI collaborative/joint working checklist"


QUESTIONS: tuple[Question, ...] = (
    Question(
        "benefit_patients_direct",
        Colour.RED,
        "Will patients be the main beneficiaries, and will they benefit directly?",
        "Joint working must be centred on patients and must always improve their care directly.",
        Applies.JW_ONLY,
        source="ABPI Code 2024, clause 20 (joint working)",
    ),
    Question(
        "benefit_patients_or_nhs",
        Colour.RED,
        "Will the project benefit patients, the NHS or both, with patient care at least "
        "maintained where the NHS is the main beneficiary?",
        "Collaborative working may aim at NHS efficiency, but never at the expense of care.",
        Applies.CW_ONLY,
        source="ABPI Code 2024, clause 20 (collaborative working)",
    ),
    Question(
        "mutual_benefit_acknowledged",
        Colour.RED,
        "Do all partners openly accept that the company may benefit as well as the NHS?",
        "Being open about what industry gains is part of what makes these projects trusted.",
    ),
    Question(
        "organisational_benefit",
        Colour.RED,
        "Do all of the benefits go to organisations rather than to individual people?",
        "A benefit to an individual health professional would be an inducement, not a partnership.",
    ),
    Question(
        "significant_contribution",
        Colour.RED,
        "Will every partner pool a significant contribution (money, people, skills or other "
        "resources)?",
        "Without pooled contributions from all sides it is a grant or a donation, not a partnership.",
    ),
    Question(
        "shared_commitment",
        Colour.RED,
        "Are all partners jointly committed to delivering the project successfully?",
        "A shared commitment to delivery distinguishes partnership from sponsorship.",
    ),
    Question(
        "outcomes_measurable",
        Colour.RED,
        "Are the project's outcomes defined so that they can be measured or tracked while the "
        "project runs and shown when it ends?",
        "Every partner needs to see progress and to show what was achieved. For collaborative "
        "working the outcomes may be for the NHS, such as efficiency, as long as patient care "
        "is at least maintained.",
        source=f"{GUIDANCE}, collaborative and joint working comparison table (outcomes)",
    ),
    Question(
        "patient_outcomes_measured",
        Colour.RED,
        "Are outcomes for patients among the outcomes that will be measured?",
        "Joint working must always benefit patients directly, so it has to show what changed "
        "for them. Collaborative working does not need this if it benefits the NHS and "
        "maintains patient care.",
        Applies.JW_ONLY,
        source=(
            f"{GUIDANCE}, comparison table (joint working benefits patients directly; outcomes "
            "measured or tracked); ABPI joint working checklist"
        ),
    ),
    Question(
        "anonymised_aggregated_data",
        Colour.RED,
        "Will the company only ever receive patient data that is anonymised and aggregated?",
        "Companies must never see identifiable patient data from a partnership.",
        source=(
            f"{GUIDANCE}, companies have no contact with identifiable patient level data; "
            "ABPI joint working checklist"
        ),
    ),
    Question(
        "commit_to_publish_summary",
        Colour.RED,
        "Have all partners agreed to publish an executive summary before the project starts?",
        "Publication before start is a Code requirement and the basis of public trust.",
    ),
    Question(
        "treatments_in_guidance",
        Colour.RED,
        "Are all of the treatments that the project involves in line with national guidance?",
        "A partnership may not be used to move prescribing outside national guidance.",
        allows_not_applicable=True,
    ),
    Question(
        "open_and_transparent",
        Colour.RED,
        "Will the arrangement be run openly, with nothing hidden from the public or the partners?",
        "Transparency is what separates partnership from promotion.",
    ),
    Question(
        "exit_strategy_agreed",
        Colour.RED,
        "Have the partners agreed how the project will end, or be stopped, and what happens then?",
        "An exit strategy and contingency protect patients and staff if the project stops.",
    ),
    Question(
        "no_inducement",
        Colour.RED,
        "Is it clear that the project does not induce anyone to prescribe, supply, recommend, "
        "buy or sell medicines?",
        "The Code forbids inducements. More patients being found and treated in line with "
        "national and local guidelines can still be a benefit to the company; record that "
        "expected effect openly among the benefits to industry.",
        source=(
            "ABPI Code 2024, clauses 3 and 20; the guidance accepts guideline-led identification "
            "and prescribing as a benefit to industry"
        ),
    ),
    Question(
        "no_direct_patient_contact",
        Colour.RED,
        "Will company staff stay out of direct contact with patients and away from identifiable "
        "patient information?",
        "Companies may support a service but must not reach patients or their records.",
        source="ABPI Code 2024, clause 20",
    ),
    Question(
        "no_promotion_to_public",
        Colour.RED,
        "Will the project avoid promoting prescription-only medicines to the public?",
        "Promotion of prescription-only medicines to the public is forbidden in the UK.",
        source="ABPI Code 2024, clause 26",
    ),
    Question(
        "prospective",
        Colour.RED,
        "Is all of the work still to begin, with nothing already under way?",
        "Partnerships must be prospective: they cannot fund or badge work that has already started.",
        source="ABPI Code 2024, clause 20",
    ),
    Question(
        "team_in_place",
        Colour.AMBER,
        "Is there a project team, or a plan to form one, with people from every partner?",
        "Projects without a team stall between approvals.",
    ),
    Question(
        "right_skills",
        Colour.AMBER,
        "Do the partners have the skills and capacity the project needs?",
        "Missing skills are the most common cause of slipped timelines.",
    ),
    Question(
        "approval_procedures",
        Colour.AMBER,
        "Does each partner know its own approval route and who signs off?",
        "Unclear sign-off routes are a frequently reported obstacle.",
    ),
    Question(
        "recognised_template",
        Colour.AMBER,
        "Will the agreement start from a recognised template?",
        "Starting from a known template saves weeks of legal negotiation.",
    ),
    Question(
        "certification_signatory",
        Colour.AMBER,
        "Has the company named who will certify the project documents?",
        "Documents cannot be certified, and so cannot be published, without a signatory.",
    ),
)

QUESTIONS_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
COMMON_RED = tuple(q for q in QUESTIONS if q.colour is Colour.RED and q.applies is Applies.BOTH)
AMBER = tuple(q for q in QUESTIONS if q.colour is Colour.AMBER)
# Red questions that only joint working must pass, beyond its benefit question (which is
# paired with collaborative working's wider one and decided separately).
JW_EXTRA_RED = tuple(
    q
    for q in QUESTIONS
    if q.colour is Colour.RED and q.applies is Applies.JW_ONLY and q.id != "benefit_patients_direct"
)

# Answers stored under a question that has since been split, and what each becomes. The
# bundled outcomes question (issue 13) asked about measured patient outcomes and anonymised,
# aggregated data at once. A "yes" answered both parts, so it carries over to all three new
# questions. A "no" cannot say which part failed; the likeliest is patient outcomes (a
# collaborative working project measuring NHS efficiency), so it becomes "no" there and the
# other two are left unanswered, for the team to answer again rather than to be guessed.
SPLIT_QUESTIONS: dict[str, dict[str, dict[str, str]]] = {
    "outcomes_measured_anonymised": {
        Answer.YES: {
            "outcomes_measurable": Answer.YES,
            "patient_outcomes_measured": Answer.YES,
            "anonymised_aggregated_data": Answer.YES,
        },
        Answer.NO: {"patient_outcomes_measured": Answer.NO},
    }
}


def upgrade_answers(answers: Mapping[str, str]) -> dict[str, str]:
    """Answers with any split question's old key replaced by the keys it became.

    An answer already given to a new question is kept; the old key is dropped either way.
    """
    result = {k: v for k, v in answers.items() if k not in SPLIT_QUESTIONS}
    for old, mapping in SPLIT_QUESTIONS.items():
        value = answers.get(old)
        for new_id, new_value in mapping.get(value or "", {}).items():
            result.setdefault(new_id, str(new_value))
    return result


@dataclass(frozen=True)
class Alternative:
    name: str
    when: str


ALTERNATIVES: tuple[Alternative, ...] = (
    Alternative(
        "Change the project",
        "Rework the parts that failed the red questions, then answer the checklist again.",
    ),
    Alternative(
        "Research collaboration",
        "Suits work whose main aim is to generate new knowledge under research governance.",
    ),
    Alternative(
        "Donation or grant (ABPI Code clause 23)",
        "Suits a company supporting NHS work without pooled contributions or shared delivery.",
    ),
    Alternative(
        "Sponsorship",
        "Suits company support for an event or activity that the NHS organisation runs itself.",
    ),
    Alternative(
        "Service or supply contract",
        "Suits buying a service or product on commercial terms, with no shared objectives.",
    ),
)


@dataclass(frozen=True)
class Parties:
    """Which kinds of organisation are among the partners: the verdict depends on them too.

    Collaborative working is between at least one pharmaceutical company and at least one
    healthcare organisation (NHS or not); joint working must include the NHS itself.
    """

    nhs: bool
    healthcare: bool
    pharmaceutical: bool

    def missing(self) -> tuple[str, ...]:
        gaps = []
        if not self.pharmaceutical:
            gaps.append("no pharmaceutical company")
        if not self.healthcare:
            gaps.append("no NHS or other healthcare organisation")
        return tuple(gaps)


@dataclass(frozen=True)
class Verdict:
    classification: Classification
    qualifies_cw: bool
    qualifies_jw: bool
    reasons: tuple[str, ...]
    failed_red: tuple[str, ...]
    unanswered_red: tuple[str, ...]
    amber_risks: tuple[str, ...]
    alternatives: tuple[Alternative, ...] = field(default=())

    @property
    def label(self) -> str:
        return CLASSIFICATION_LABELS[self.classification]


def _red_passes(answer: str | None, question: Question) -> bool:
    if answer == Answer.YES:
        return True
    return answer == Answer.NOT_APPLICABLE and question.allows_not_applicable


def classify(answers: Mapping[str, str], *, parties: Parties) -> Verdict:
    """Give the checklist's verdict from the answers and the kinds of partner.

    Without a pharmaceutical company and a healthcare organisation among the partners the
    arrangement is neither type, whatever the answers say, and the verdict gives that reason
    first, so the verdict page and the gate's PARTIES-PRESENT rule always agree.
    """
    has_nhs_party = parties.nhs
    unanswered = tuple(q.id for q in COMMON_RED if answers.get(q.id) in (None, ""))
    failed = tuple(
        q.id
        for q in COMMON_RED
        if answers.get(q.id) not in (None, "") and not _red_passes(answers.get(q.id), q)
    )
    reasons = [f"{QUESTIONS_BY_ID[q].text} — answered no. {QUESTIONS_BY_ID[q].why}" for q in failed]

    direct = answers.get("benefit_patients_direct")
    wider = answers.get("benefit_patients_or_nhs")
    jw_benefit = direct == Answer.YES
    cw_benefit = jw_benefit or wider == Answer.YES
    benefit_unanswered = direct in (None, "") or (direct == Answer.NO and wider in (None, ""))
    if benefit_unanswered:
        unanswered = (
            *unanswered,
            "benefit_patients_direct" if direct in (None, "") else "benefit_patients_or_nhs",
        )
    elif not cw_benefit:
        failed = (*failed, "benefit_patients_or_nhs")
        reasons.append(
            "Neither patients nor the NHS (with patient care maintained) are said to benefit, "
            "so the benefit test fails."
        )

    if jw_benefit and has_nhs_party:
        unanswered = (
            *unanswered,
            *(q.id for q in JW_EXTRA_RED if answers.get(q.id) in (None, "")),
        )

    ambers = tuple(q.id for q in AMBER if answers.get(q.id) == Answer.NO)
    missing_parties = parties.missing()
    if missing_parties:
        reasons.insert(
            0,
            "Collaborative and joint working need at least one pharmaceutical company and at "
            "least one NHS or other healthcare organisation as partners; there is "
            + " and ".join(missing_parties)
            + ".",
        )
        return Verdict(
            Classification.NEITHER,
            False,
            False,
            tuple(reasons),
            failed,
            unanswered,
            ambers,
            ALTERNATIVES,
        )
    if unanswered:
        return Verdict(
            Classification.INCOMPLETE, False, False, tuple(reasons), failed, unanswered, ambers
        )

    qualifies_cw = not failed and cw_benefit
    jw_failed = tuple(
        q.id
        for q in JW_EXTRA_RED
        if answers.get(q.id) not in (None, "") and not _red_passes(answers.get(q.id), q)
    )
    qualifies_jw = qualifies_cw and jw_benefit and has_nhs_party and not jw_failed
    if qualifies_cw and not qualifies_jw:
        if not jw_benefit:
            reasons.append(
                "Joint working needs a direct benefit to patients; this project's main benefit is "
                "to the NHS, so it qualifies as collaborative working only."
            )
        if not has_nhs_party:
            reasons.append(
                "Joint working must include an NHS organisation as a partner, and none is listed."
            )
        reasons.extend(
            f"{QUESTIONS_BY_ID[q].text} — answered no. {QUESTIONS_BY_ID[q].why} So it qualifies "
            "as collaborative working only."
            for q in jw_failed
        )
    if qualifies_jw:
        classification = Classification.JOINT_WORKING
        reasons.append("Every red question is answered yes and patients benefit directly.")
    elif qualifies_cw:
        classification = Classification.COLLABORATIVE_WORKING
    else:
        classification = Classification.NEITHER
    alternatives = ALTERNATIVES if classification is Classification.NEITHER else ()
    return Verdict(
        classification, qualifies_cw, qualifies_jw, tuple(reasons), failed, (), ambers, alternatives
    )


def answered_count(answers: Mapping[str, str]) -> int:
    return sum(1 for q in QUESTIONS if answers.get(q.id) not in (None, ""))
