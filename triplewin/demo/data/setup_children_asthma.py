"""Stage 2 for the children's asthma project (ICB, trust and AstraZeneca), still in set-up.

The team, committees, contributions and all five plans are in place, the first steering
meeting has been held, and PID version 1 is submitted, certified by AstraZeneca's signatory
and approved by the team, the ICB and AstraZeneca. Only the trust's governance committee is
still to decide: sign in as nhs.lead (a member of that committee) and approve it to see the
project move to "PID approved".
"""

from __future__ import annotations

from triplewin.conflicts.models import Arrangement, DecisionKind
from triplewin.demo.data.people import IRC_ULHT, lead_email
from triplewin.demo.data.people_setup import AZ_LEGAL, AZ_SIGNATORY, AZ_SRO, ICB_SRO, ULHT_LEGAL
from triplewin.demo.data.people_setup import email as e
from triplewin.demo.data.setup_children_asthma_meetings import MEETINGS
from triplewin.demo.data.setup_children_asthma_plans import PLANS
from triplewin.demo.data.setup_types import (
    Approval,
    Brings,
    CommitteeSeat,
    ManagedConflict,
    PidSpec,
    SetupSpec,
    TeamObjection,
    TeamPlace,
)

ICB_LEAD = lead_email("lincs-icb")
AZ_LEAD = lead_email("astrazeneca")

TEAM = (
    TeamPlace(ICB_LEAD, "lincs_icb", "chair"),
    TeamPlace(e("anwen.hale"), "lincs_icb", "clinical_lead"),
    TeamPlace(e("priyanka.dholakia"), "lincs_icb", "pharmacist"),
    TeamPlace(e("tom.ashworth"), "lincs_icb", "other"),
    TeamPlace(e("kerry.minto"), "lincs_icb", "analyst"),
    TeamPlace(e("helena.vickery"), "ulht", "clinical_lead"),
    TeamPlace(e("sian.pritchard"), "ulht", "other"),
    TeamPlace(AZ_LEAD, "astrazeneca", "partnership_lead"),
    TeamPlace(e("jonah.redfern"), "astrazeneca", "programme_manager"),
    TeamPlace(e("camille.osei"), "astrazeneca", "medical_affairs_lead"),
)

COMMITTEES = (
    CommitteeSeat("lincs_icb", "sro", ICB_SRO),
    CommitteeSeat("lincs_icb", "clinical_lead", e("anwen.hale")),
    CommitteeSeat("ulht", "sro", IRC_ULHT),
    CommitteeSeat("ulht", "legal", ULHT_LEGAL),
    CommitteeSeat("astrazeneca", "sro", AZ_SRO),
    CommitteeSeat("astrazeneca", "legal", AZ_LEGAL),
    CommitteeSeat("astrazeneca", "medical_compliance", AZ_SIGNATORY),
)

CONFLICTS = (
    ManagedConflict(
        member=e("helena.vickery"),
        decision=DecisionKind.VOTE,
        arrangement=Arrangement.DISCUSSION_ONLY,
        reason=(
            "Her paediatric advice is needed when the committee discusses AstraZeneca's part in "
            "the project, but she is paid by the company, so she does not vote on it."
        ),
        recorded_by=ICB_LEAD,
    ),
)

OBJECTIONS = (
    TeamObjection(
        member=e("helena.vickery"),
        org="lincs_icb",
        raised_by=ICB_SRO,
        reason=(
            "Dr Vickery is paid by AstraZeneca as an adviser. The ICB wants to be sure she does "
            "not shape decisions about the company's part in the project."
        ),
        decided_by=ICB_LEAD,
        outcome="dismissed",
        outcome_reason=(
            "Her paediatric expertise is essential to the project. The interest is on her "
            "register, and she sits out every vote on AstraZeneca's role, money or data access; "
            "the minutes record each time."
        ),
    ),
)

CONTRIBUTIONS = (
    Brings(
        "lincs_icb",
        "staff_time",
        "Runs the programme day to day and chairs the steering committee.",
        value=18_000,
        role="Programme lead, clinical transformation",
        hours=300,
    ),
    Brings(
        "lincs_icb",
        "data_analytics",
        "Monthly at-risk searches in the five PCNs and the quarterly results dashboard.",
        value=22_000,
    ),
    Brings(
        "lincs_icb",
        "skills",
        "Medicines optimisation advice so that inhaler choices follow the county formulary.",
    ),
    Brings(
        "ulht",
        "staff_time",
        "Takes urgent referrals from practices and reviews children after an admission.",
        value=16_000,
        role="Paediatric asthma nurse specialist",
        hours=400,
    ),
    Brings(
        "ulht",
        "staff_time",
        "Advice on children whose asthma stays poorly controlled after a review.",
        value=9_000,
        role="Consultant paediatrician",
        hours=60,
    ),
    Brings(
        "astrazeneca",
        "money",
        "Pays for two respiratory nurse trainers for twelve months. The trust employs them, "
        "chooses who is appointed and directs their work.",
        value=110_000,
        role="Respiratory nurse trainer (two posts)",
        funded_post=True,
        exit_strategy=(
            "Fixed-term posts that end at month 12 unless the ICB commissions the review "
            "model. If it does not, the post holders are offered redeployment in the trust's "
            "respiratory service and practices return to usual annual reviews."
        ),
        beyond_normal_roles=(
            "Two new posts that train practice nurses and run extra review sessions; no "
            "existing asthma work moves onto them."
        ),
        retention_precautions=(
            "Recruited openly as new fixed-term posts; nobody already in the trust's "
            "respiratory team is moved onto company funding."
        ),
    ),
    Brings(
        "astrazeneca",
        "project_management",
        "Project plan, highlight reports and meeting papers for the steering committee.",
        value=25_000,
    ),
    Brings(
        "astrazeneca",
        "data_analytics",
        "Evaluation of the anonymised, aggregated results against the year before.",
        value=15_000,
    ),
)

PID = PidSpec(
    fields={
        "objectives": (
            "Within twelve months of the start, offer every child on the at-risk lists of the "
            "five PCNs a structured asthma review with a written action plan and an inhaler "
            "technique check."
        ),
        "success_what": (
            "At least 80% of at-risk children reviewed, each with a written action plan, and "
            "fewer emergency asthma admissions of under-18s than in the year before."
        ),
        "success_measure": (
            "Review counts from the practice template; admissions from hospital data and "
            "reliever prescriptions from prescribing data, each against the previous twelve "
            "months."
        ),
        "success_when": "Reviews monthly; admissions and prescribing quarterly; final report at month 12",
        "success_by_whom": "The ICB's population health analyst, reporting to the steering committee",
        "governance_framework": (
            "The steering committee, chaired by the ICB, runs the project and reports monthly. "
            "The ICB partnerships panel, the trust's internal review committee and "
            "AstraZeneca's UK partnership committee each approve the PID, any amendment and "
            "the outcomes report. Disagreements go to the chair first, then to the three "
            "senior responsible officers."
        ),
        "methodology": "lean",
        "methodology_notes": (
            "A light version of PRINCE2: a monthly highlight report, and an exception report "
            "whenever a milestone slips by more than four weeks."
        ),
        "meeting_schedule": (
            "The steering committee meets online every month for the life of the project. "
            "Papers go out a week before, interests are declared at the start of each meeting "
            "and minutes follow within five working days."
        ),
        "exit_strategy": (
            "If the model works, the ICB commissions the reviews from its own budget after "
            "month 12 and the trust decides whether to keep the trainer posts. If it does not, "
            "practices return to usual annual reviews and the posts end at month 12."
        ),
        "patient_confidentiality": (
            "Identifiable data stays in GP and hospital systems and is handled only by NHS "
            "staff under a data sharing agreement. AstraZeneca receives quarterly counts by "
            "PCN, anonymised and aggregated with small numbers suppressed, and its staff never "
            "contact patients or families."
        ),
    },
    on_termination={
        "lincs_icb": (
            "Tell practices and families, stop the searches, keep booked reviews within usual "
            "care and report the results so far."
        ),
        "ulht": (
            "Redeploy the nurse trainers in its respiratory service and keep the fast referral "
            "route open for children already referred."
        ),
        "astrazeneca": (
            "Pay for the posts to the end of the notice period, then return or destroy the "
            "aggregated data it holds, keeping only what publication needs."
        ),
    },
    submitted_by=ICB_LEAD,
    note="Version 1, as agreed at the first steering committee.",
    certified_by=AZ_SIGNATORY,
    # The trust's committee has not decided yet: that approval is left for the demo.
    approvals=(
        Approval(ICB_LEAD),
        Approval(ICB_SRO, "lincs_icb"),
        Approval(AZ_SRO, "astrazeneca"),
    ),
)

CHILDREN_ASTHMA_SETUP = SetupSpec(
    project="lincs_children_asthma",
    recorded_by=ICB_LEAD,
    expect_state="setup",
    team=TEAM,
    committees=COMMITTEES,
    conflicts=CONFLICTS,
    objections=OBJECTIONS,
    contributions=CONTRIBUTIONS,
    plans=PLANS,
    meetings=MEETINGS,
    pid=PID,
)
