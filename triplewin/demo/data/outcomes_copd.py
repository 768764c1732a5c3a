"""The COPD project's outcomes summary, after-action review, partner survey and principles
scores. Invented, like the project; the wording is ours."""

from __future__ import annotations

from triplewin.demo.data.lincolnshire_copd import AZ_LEAD, RESP_CONSULTANT, RESP_NURSE
from triplewin.demo.data.people import IRC_ULHT, NHS_LEAD
from triplewin.demo.data.people_setup import AZ_SIGNATORY, AZ_SRO
from triplewin.demo.data.people_setup import email as e
from triplewin.demo.data.setup_types import Approval
from triplewin.demo.data.stage3_types import Assessment, LearningSpec, OutcomesSpec

PRINCIPLES = (
    "shared_purpose",
    "measurement",
    "staff_insight",
    "relationships",
    "leadership",
    "stakeholders",
    "governance",
    "project_management",
    "commercial_boundaries",
)

COPD_OUTCOMES = OutcomesSpec(
    written_by=NHS_LEAD,
    fields={
        "overview": (
            "A checked five-part discharge bundle (inhaler technique, rescue pack advice, a "
            "written self-management plan, smoking support and a rehabilitation referral) was "
            "given to people leaving Lincoln County and Pilgrim hospitals after a COPD "
            "flare-up, supported by a respiratory nurse post funded for a year."
        ),
        "results": (
            "Thirty-day readmissions fell from 19.6% to about 14% and stayed there for six "
            "months. Bundle completion rose from 37% to over 80%. Referrals to pulmonary "
            "rehabilitation made before discharge doubled, from about 21 to over 40 a month."
        ),
        "outcomes_patients": (
            "Fewer returns to hospital, and patients told us they left knowing what to do if "
            "their breathing worsened."
        ),
        "outcomes_nhs": (
            "Roughly 300 bed days a year released on the respiratory wards, and a bundle built "
            "into the electronic discharge checklist so it continues without the project."
        ),
        "outcomes_industry": (
            "A clearer view of where acute respiratory pathways lose patients between hospital "
            "and community care. No medicine was promoted and no brand appears in the bundle."
        ),
        "shared_vision": (
            "Yes. The steering group kept readmissions as its single headline measure from the "
            "first meeting to the last."
        ),
        "contributions": (
            "Yes. The nurse post, project management and the trust's clinical and analyst time "
            "were all delivered as agreed, with the post starting two weeks late."
        ),
        "benefits": (
            "Patients benefited most directly; the trust gained capacity and a tested "
            "pathway; the company gained understanding of the pathway, as planned."
        ),
        "relationships": (
            "Relationships held up well, helped by monthly data that both partners saw at the "
            "same time and by a clear line between the project and any sales activity."
        ),
        "business_case": (
            "The trust has funded the nurse post permanently from the bed days released, "
            "approved by its investment panel."
        ),
        "scaling": (
            "The bundle and its checklist are ready for other trusts; the ICB has asked for it "
            "to be offered to the county's community hospital."
        ),
        "conclusions": (
            "Small, checked steps at discharge changed readmissions more than new services "
            "would have. Start data collection before go-live, and involve rehabilitation "
            "providers from the first meeting."
        ),
    },
    certified_by=AZ_SIGNATORY,
    approvals=(
        Approval(NHS_LEAD),
        Approval(IRC_ULHT, "ulht"),
        Approval(AZ_SRO, "astrazeneca"),
    ),
    published_by=NHS_LEAD,
)

AGREE = ("aim_held", "measured", "contributed", "benefited", "trust", "governance")
LAST = ("boundaries", "again")


def _answers(scores: str, went_well: str = "", change: str = "") -> dict[str, int | str]:
    """Eight agreement scores written as digits, in question order, then the two comments."""
    values = [int(digit) for digit in scores]
    answers: dict[str, int | str] = dict(zip((*AGREE, *LAST), values, strict=True))
    if went_well:
        answers["went_well"] = went_well
    if change:
        answers["change"] = change
    return answers


COPD_LEARNING = LearningSpec(
    recorded_by=NHS_LEAD,
    review=(
        {
            "topic": "Recruiting the funded nurse",
            "principle": "project_management",
            "planned": "The nurse in post by the end of August 2025.",
            "happened": "She started in mid-September, two weeks late.",
            "why": "Pre-employment checks took longer than the timetable allowed.",
            "sustain": "Writing the exit plan for the post before recruiting to it.",
            "improve": "Start recruitment as soon as the agreement is signed.",
        },
        {
            "topic": "Monthly data shared with both partners",
            "principle": "measurement",
            "planned": "Readmissions and bundle completion reported monthly.",
            "happened": "Reported every month, with a year of baseline data behind them.",
            "why": "The analyst pulled twelve months of history before go-live.",
            "sustain": "Agreeing the measures and their definitions in the PID.",
            "improve": "Add a patient-reported measure from the start.",
        },
        {
            "topic": "Rehabilitation capacity",
            "principle": "stakeholders",
            "planned": "Existing classes absorb the extra referrals.",
            "happened": "Waiting lists grew in the first winter until two classes were added.",
            "why": "The community provider joined the steering group only in month four.",
            "improve": "Bring every provider the pathway depends on in at set-up.",
        },
    ),
    responses={
        NHS_LEAD: _answers(
            "55455454", "Clear measures agreed early.", "Involve rehabilitation earlier."
        ),
        RESP_CONSULTANT: _answers("54445454", "Ward teams owned the bundle."),
        RESP_NURSE: _answers("45354455", "", "Protect time to complete the bundle in winter."),
        AZ_LEAD: _answers("55445555", "Open, shared data every month."),
        e("jonah.redfern"): _answers("54454455", "", "Start recruitment sooner."),
        e("camille.osei"): _answers("45445454"),
    },
    close_survey=True,
    assessments=(
        Assessment(
            NHS_LEAD,
            200,
            dict(zip(PRINCIPLES, (4, 3, 3, 4, 4, 2, 4, 3, 5), strict=True)),
            {"stakeholders": "Rehabilitation provider not yet involved."},
        ),
        Assessment(AZ_LEAD, 200, dict(zip(PRINCIPLES, (4, 4, 3, 4, 3, 3, 4, 3, 5), strict=True))),
        Assessment(
            NHS_LEAD,
            30,
            dict(zip(PRINCIPLES, (5, 5, 4, 5, 4, 4, 5, 4, 5), strict=True)),
            {"measurement": "A year of baseline data made the results convincing."},
        ),
        Assessment(AZ_LEAD, 30, dict(zip(PRINCIPLES, (5, 4, 4, 5, 4, 4, 5, 4, 5), strict=True))),
    ),
)
