"""Stage 2 for the community injectables project, walked live through every gate.

The last governance committee's approval moves it to "PID approved", the last signature to
"agreement signed", and publishing the certified summary to "summary published", which puts it
on the public register.
"""

from __future__ import annotations

from triplewin.demo.data.people import IRC_ULHT, lead_email
from triplewin.demo.data.people_setup import (
    LCHS_SRO,
    SANOFI_LEGAL,
    SANOFI_SIGNATORY,
    SANOFI_SRO,
    ULHT_LEGAL,
)
from triplewin.demo.data.people_setup import email as e
from triplewin.demo.data.setup_injectables_documents import AGREEMENT, PID, SUMMARY
from triplewin.demo.data.setup_types import (
    ActionItem,
    AgendaEntry,
    Brings,
    CommitteeSeat,
    MeetingSpec,
    PlanEntries,
    Resolution,
    SetupSpec,
    TeamPlace,
)

LCHS_LEAD = lead_email("lchs")
SANOFI_LEAD = lead_email("sanofi")
CHAIR = e("maya.thornbury")

TEAM = (
    TeamPlace(CHAIR, "lchs", "chair"),
    TeamPlace(LCHS_LEAD, "lchs", "project_manager"),
    TeamPlace(e("fern.whitaker"), "lchs", "clinical_lead"),
    TeamPlace(e("oskar.lund"), "lchs", "pharmacist"),
    TeamPlace(e("kwame.asante"), "ulht", "clinical_lead"),
    TeamPlace(SANOFI_LEAD, "sanofi", "programme_manager"),
    TeamPlace(e("ingrid.halvorsen"), "sanofi", "medical_affairs_lead"),
)

COMMITTEES = (
    CommitteeSeat("lchs", "sro", LCHS_SRO),
    CommitteeSeat("ulht", "sro", IRC_ULHT),
    CommitteeSeat("ulht", "legal", ULHT_LEGAL),
    CommitteeSeat("sanofi", "sro", SANOFI_SRO),
    CommitteeSeat("sanofi", "legal", SANOFI_LEGAL),
    CommitteeSeat("sanofi", "medical_compliance", SANOFI_SIGNATORY),
)

CONTRIBUTIONS = (
    Brings(
        "lchs",
        "staff_time",
        "Runs the weekly community clinics and starts treatment under the agreed protocol.",
        value=54_000,
        role="Diabetes specialist nurse",
        hours=1_200,
    ),
    Brings(
        "lchs",
        "staff_time",
        "Checks each start against the county formulary and supports practices with repeat "
        "prescriptions.",
        value=8_000,
        role="Lead pharmacist",
        hours=150,
    ),
    Brings("lchs", "other", "Clinic rooms in four community sites.", value=18_000),
    Brings(
        "lchs",
        "data_analytics",
        "Quarterly reports on waiting times, blood glucose and safety.",
        value=12_000,
    ),
    Brings(
        "ulht",
        "staff_time",
        "Supervises the community nurses and chairs a monthly case review.",
        value=18_000,
        role="Consultant diabetologist",
        hours=120,
    ),
    Brings(
        "ulht",
        "skills",
        "Designs and teaches the competency programme for community nurses.",
        value=14_000,
    ),
    Brings(
        "sanofi",
        "project_management",
        "Project plan, steering committee papers and the risk log.",
        value=35_000,
    ),
    Brings(
        "sanofi",
        "money",
        "Pays for a community diabetes nurse educator for fifteen months. The community trust "
        "employs the educator and directs the work.",
        value=45_000,
        role="Community diabetes nurse educator (0.6 whole-time equivalent)",
        funded_post=True,
        exit_strategy=(
            "The funding ends at month 15. By then the training is part of the community "
            "trust's own induction for diabetes nurses, and the post ends unless the trust "
            "chooses to fund it."
        ),
        beyond_normal_roles=(
            "Teaches community nurses to start injectables, which the community trust has "
            "not done before; it is not part of any existing role."
        ),
        retention_precautions=(
            "A new fixed-term secondment advertised across the county; it does not replace or "
            "extend any existing post."
        ),
    ),
    Brings(
        "sanofi",
        "data_analytics",
        "An independent health economist evaluates the service from aggregated data only.",
        value=20_000,
    ),
)

PLANS: PlanEntries = {
    "stakeholders": (
        {
            "name": "Community diabetes specialist nurses",
            "scope": "internal",
            "impacted": True,
            "to_involve": True,
        },
        {
            "name": "Hospital diabetes and endocrinology team",
            "scope": "internal",
            "impacted": True,
            "to_involve": True,
        },
        {
            "name": "GP practices in the east and south of the county",
            "scope": "external",
            "can_help_or_block": True,
            "to_keep_informed": True,
            "notes": "They refer patients and take over repeat prescribing.",
        },
        {
            "name": "People living with type 2 diabetes",
            "scope": "external",
            "impacted": True,
            "to_involve": True,
        },
    ),
    "communications": (
        {
            "audience": "GP practices",
            "message": "How to refer for a community start, and what changes for repeat prescribing.",
            "channel": "Practice newsletter and a short webinar",
            "timing": "At launch, then each quarter",
            "owner": "Community trust project manager",
        },
        {
            "audience": "People referred",
            "message": "Where their clinic is, and what happens at the first visit.",
            "channel": "Letter followed by a phone call",
            "timing": "On referral",
            "owner": "Community diabetes team",
        },
        {
            "audience": "The public",
            "message": "The executive summary now, and the outcomes at the end.",
            "channel": "Triple Win public register and the partners' websites",
            "timing": "Before the start, and within six months of the end",
            "owner": "Sanofi and community trust partnership leads",
        },
    ),
    "data": (
        {
            "what": "Referrals and days from referral to first dose",
            "source": "Community trust clinical records",
            "collected_by": "Community trust analyst",
            "frequency": "Monthly",
            "controller": "Lincolnshire Community Health Services NHS Trust",
            "sharing_basis": "dsa",
            "sharing_reference": "Community injectables data sharing agreement, 2026",
            "dpia": "signed_off",
            "shared_with_company": True,
            "anonymised": True,
            "aggregated": True,
        },
        {
            "what": "HbA1c at the start and after six months",
            "source": "GP and community records",
            "collected_by": "Community trust analyst",
            "frequency": "Quarterly",
            "controller": "Lincolnshire Community Health Services NHS Trust",
            "sharing_basis": "dsa",
            "sharing_reference": "Community injectables data sharing agreement, 2026",
            "dpia": "signed_off",
            "shared_with_company": True,
            "anonymised": True,
            "aggregated": True,
        },
        {
            "what": "Hypoglycaemia episodes and other safety incidents",
            "source": "Community trust incident reports",
            "collected_by": "Community trust clinical governance team",
            "frequency": "Monthly",
            "controller": "Lincolnshire Community Health Services NHS Trust",
            "sharing_basis": "not_shared",
            "dpia": "signed_off",
        },
    ),
    "patient-engagement": (
        {
            "kind": "pathway_mapping",
            "description": (
                "Map today's route to a first dose with people who have been through it and "
                "with nurses and practice staff."
            ),
            "timing": "First month",
        },
        {
            "kind": "representation",
            "description": (
                "Bring people from coastal towns and people who work shifts into the design "
                "group, and offer evening clinics."
            ),
            "timing": "Before the first clinic",
        },
        {
            "kind": "feedback",
            "description": "A survey after the first visit and at six months, and a closing workshop.",
            "timing": "Throughout",
        },
    ),
    "raci": (
        {
            "activity": "Start and adjust treatment under the protocol",
            "responsible": "Community diabetes nurses",
            "accountable": "Community trust clinical lead",
            "consulted": "Consultant diabetologist",
            "informed": "GP practices",
        },
        {
            "activity": "Competency training and sign-off",
            "responsible": "Hospital diabetes team",
            "accountable": "Consultant diabetologist",
            "consulted": "Community trust clinical lead",
            "informed": "Steering committee",
        },
        {
            "activity": "Project plan, risk log and highlight reports",
            "responsible": "Sanofi project manager",
            "accountable": "Community trust project manager",
            "consulted": "Steering committee",
            "informed": "Governance committees",
        },
    ),
    "evaluation": (
        {
            "evaluator": "Health Innovation East Midlands evaluation team",
            "independence": "independent",
            "methods": (
                "Waits, HbA1c and safety compared with hospital starts in 2025/26, with "
                "interviews of patients, community nurses and GPs at months 6 and 14."
            ),
            "reporting": "Interim report at month 8; final report at month 15",
        },
    ),
}

KICK_OFF = MeetingSpec(
    title="Project team kick-off",
    kind="steering",
    location="Online (Microsoft Teams)",
    recorded_by=CHAIR,
    agenda=(
        AgendaEntry("Apologies and declarations of interest"),
        AgendaEntry("The nurse-led protocol for starting injectable treatment"),
        AgendaEntry("The Sanofi-funded nurse educator post", relates_to="sanofi"),
        AgendaEntry("PID version 1"),
    ),
    present=(
        CHAIR,
        LCHS_LEAD,
        e("fern.whitaker"),
        e("oskar.lund"),
        e("kwame.asante"),
        SANOFI_LEAD,
    ),
    apologies=(e("ingrid.halvorsen"),),
    held=True,
    resolutions=(
        Resolution(
            "The protocol goes to the county medicines committee for approval before any "
            "community start.",
            item=2,
        ),
        Resolution(
            "The community trust employs the nurse educator, Sanofi pays for the post for "
            "fifteen months, and the trust alone decides whether to keep it afterwards.",
            item=3,
            votes={
                CHAIR: "for",
                LCHS_LEAD: "for",
                e("fern.whitaker"): "for",
                e("oskar.lund"): "for",
                e("kwame.asante"): "for",
                SANOFI_LEAD: "for",
            },
        ),
        Resolution("Submit PID version 1 for certification and approval.", item=4),
    ),
    actions=(
        ActionItem(
            "Send the protocol to the county medicines committee.",
            e("oskar.lund"),
            due_in_days=21,
        ),
        ActionItem(
            "Draft the referral letter and first-visit leaflet.",
            e("fern.whitaker"),
            due_in_days=14,
        ),
    ),
    notes=(
        "Fern Whitaker's sponsored conference place ended in March 2026 and does not affect "
        "this project. No one was excluded from the vote on item 3."
    ),
    minutes_approved=True,
)

INJECTABLES_SETUP = SetupSpec(
    project="lincs_community_injectables",
    recorded_by=LCHS_LEAD,
    expect_state="summary_published",
    team=TEAM,
    committees=COMMITTEES,
    contributions=CONTRIBUTIONS,
    plans=PLANS,
    meetings=(KICK_OFF,),
    pid=PID,
    agreement=AGREEMENT,
    summary=SUMMARY,
)
