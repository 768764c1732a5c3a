"""Invented Lincolnshire ideas in stage 1, so the demo sign-ins have live work to do.

* An idea nobody has scoped yet.
* A project part-way through the scoping guide, with its checklist answered (one amber risk).
* A project whose concept the trust has approved, waiting for Boehringer Ingelheim: sign in
  as industry.lead and approve it to see the project move to "concept approved".
* A request that fails two red checklist questions, so the verdict is "neither" and the
  checklist offers other routes such as a grant.
"""

from __future__ import annotations

from triplewin.demo.data.people import NHS_LEAD
from triplewin.demo.data.types import (
    Concept,
    Contribution,
    Decision,
    ProjectSpec,
    Step,
    checklist_answers,
)
from triplewin.partnerships.models import Setting

START_SCOPING = (Step("start_scoping", NHS_LEAD),)

HEART_FAILURE_IDEA = ProjectSpec(
    key="lincs_hf_diabetes_idea",
    title="Spotting heart failure early in people with type 2 diabetes",
    summary=(
        "Breathlessness and swollen ankles in people with type 2 diabetes are often blamed on "
        "something else. Explore whether an NT-proBNP blood test at routine diabetes reviews "
        "would find heart failure sooner in east Lincolnshire."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Cardiology and diabetes (heart failure)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Heart failure specialist nurses at Pilgrim Hospital, Boston",
    lead_org="ulht",
    partner_orgs=("boehringer",),
    created_by=NHS_LEAD,
    fictional=True,
)

KIDNEY_CHECKS = ProjectSpec(
    key="lincs_kidney_checks",
    title="Kidney health checks for cardio-diabetes patients in Lincolnshire",
    summary=(
        "Many people seen by the trust's cardio-diabetes service have never had a urine "
        "albumin test. Add kidney checks to the clinic and agree how general practice follows "
        "up the results."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Renal and diabetes (chronic kidney disease)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Renal and diabetes consultants at Lincoln County Hospital",
    lead_org="ulht",
    partner_orgs=("lincs_icb", "boehringer"),
    created_by=NHS_LEAD,
    fictional=True,
    opening_steps=START_SCOPING,
    scoping={
        "need": {
            "unmet_need": (
                "Kidney disease goes unnoticed in people with diabetes and heart disease "
                "because the urine albumin test is skipped."
            ),
            "scale": (
                "An audit of about 600 clinic patients last year found fewer than half had a "
                "urine albumin-to-creatinine ratio on record."
            ),
            "evidence": "Our summer 2026 clinic audit and the county's national diabetes audit data.",
            "cost_of_inaction": (
                "Kidney disease advances silently, raising the chance of dialysis, heart "
                "failure and early death."
            ),
        },
        "fit": {
            "priority_area": (
                "Begin with patients already attending the cardio-diabetes clinic; twelve "
                "months allows one full cycle of checks and follow-up."
            ),
            "benefits": "Earlier diagnosis and treatment that protects both kidneys and heart.",
            "internal_support": (
                "The renal clinical director and the diabetes network lead support it; the "
                "ICB's long-term conditions lead has asked to join."
            ),
            "plan_alignment": (
                "The ICB joint forward plan's long-term conditions and cardiovascular "
                "prevention goals."
            ),
        },
        "delivery": {
            "interventions": (
                "Add the albumin test to clinic bloods, a kidney risk review at the weekly "
                "MDT, and a standard letter for GPs. The timetable is still to be agreed."
            ),
        },
    },
    checklist=checklist_answers("jw", recognised_template="no"),
)

COMMUNITY_FOLLOW_UP_SCOPING: dict[str, dict[str, str]] = {
    "need": {
        "unmet_need": (
            "People with diabetes discharged from Pilgrim Hospital after a heart attack often "
            "live on the coast or in rural villages and miss the three-month follow-up clinic."
        ),
        "scale": (
            "About 300 patients a year are due follow-up; roughly one in four does not attend."
        ),
        "evidence": "Clinic attendance data for 2025/26 and a survey by the specialist nurses.",
        "cost_of_inaction": (
            "Missed follow-up leaves treatment unfinished and raises the risk of another heart "
            "attack, kidney injury and readmission."
        ),
    },
    "fit": {
        "priority_area": (
            "Patients living more than 30 minutes from the clinic; two community hubs over 18 "
            "months can reach them."
        ),
        "benefits": "Follow-up close to home, better attendance and earlier optimised treatment.",
        "internal_support": (
            "The cardiology and diabetes clinical directors and the divisional operations "
            "director back it."
        ),
        "plan_alignment": (
            "The ICB joint forward plan's priorities for cardiovascular care and care closer "
            "to home."
        ),
    },
    "delivery": {
        "interventions": (
            "Monthly clinics in two hubs, remote review of blood results and a shared plan sent "
            "to each GP, phased in over the first six months."
        ),
        "workforce_impact": (
            "Specialist nurses and cardiology advanced practitioners spend one day a week in "
            "the community; inpatient care is unchanged."
        ),
        "operational_pressures": "Winter bed pressures and nurse vacancies could pull staff back.",
        "dependencies": (
            "Rooms in Lincolnshire Community Health Services hubs and access to GP records."
        ),
        "staff_capacity": "Yes, with back-fill for clinic sessions costed in the concept.",
    },
    "people": {
        "public_involvement": (
            "Two people who had a heart attack with diabetes sit on the design group; "
            "Healthwatch Lincolnshire will ask coastal patients about travel, and every "
            "patient is asked for their views at the end."
        ),
    },
    "success": {
        "success_measures": (
            "Follow-up attendance (target 90%), glucose and lipid targets met at six months and "
            "readmissions at twelve months, reported quarterly by the trust's clinical fellow."
        ),
        "sustainability": (
            "Yes: twelve months of attendance, readmission and cost data to support the trust "
            "and ICB in funding the hubs permanently."
        ),
    },
    "medicines": {
        "pathways": "Follow-up after acute coronary syndrome for people with diabetes.",
        "company_expertise": (
            "Boehringer Ingelheim supported the original service; other companies with "
            "cardiometabolic medicines could also contribute."
        ),
        "other_organisations": (
            "Lincolnshire Community Health Services for hub space; Health Innovation East "
            "Midlands for evaluation advice."
        ),
        "inequalities": (
            "Coastal and rural communities with poor transport and higher deprivation; the "
            "hubs are placed to reach them."
        ),
    },
}

COMMUNITY_FOLLOW_UP = ProjectSpec(
    key="lincs_community_follow_up",
    title="Cardio-diabetes follow-up in community clinics across Lincolnshire",
    summary=(
        "Patients from coastal and rural Lincolnshire often miss their cardio-diabetes "
        "follow-up because the clinic is far away. Run follow-up in two community hubs so "
        "nobody's treatment stalls for lack of transport."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Cardiology and diabetes",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Diabetes specialist nurses in the cardio-diabetes service",
    lead_org="ulht",
    partner_orgs=("boehringer",),
    created_by=NHS_LEAD,
    fictional=True,
    opening_steps=START_SCOPING,
    scoping=COMMUNITY_FOLLOW_UP_SCOPING,
    checklist=checklist_answers("jw"),
    concept=Concept(
        key_stakeholders=(
            "Cardiology and diabetes teams at Pilgrim Hospital, Lincolnshire Community Health "
            "Services, coastal PCNs, the ICB's cardiovascular programme and a patient panel "
            "drawn from cardiac rehabilitation."
        ),
        purpose_background=(
            "The trust's cardio-diabetes service raised testing and treatment after heart "
            "attacks, but patients far from the hospital miss follow-up. Community hubs could "
            "close that gap."
        ),
        objectives=(
            "Open follow-up clinics in two community hubs; lift attendance to 90%; optimise "
            "treatment within six months of discharge; give every patient's GP a shared plan."
        ),
        benefit_patients=(
            "Follow-up near home, fewer missed appointments and better control of glucose, "
            "cholesterol and blood pressure."
        ),
        benefit_nhs="Fewer readmissions and evidence for a permanent community model.",
        benefit_industry=(
            "Understanding of how community follow-up changes cardiometabolic care. No link "
            "to any product."
        ),
        expected_prescribing_effect=(
            "Follow-up that happens on time may mean more patients have their treatment "
            "optimised as national guidelines advise, which can include the company's "
            "medicines. Prescribing decisions stay with the clinicians and the formulary."
        ),
        start_year=2027,
        start_quarter=2,
        duration_months=18,
        contributions=(
            Contribution(
                "ulht",
                "Specialist nurse and advanced practitioner clinic sessions, consultant "
                "oversight, data analysis and clinic administration.",
                140_000,
            ),
            Contribution(
                "boehringer",
                "Project management, part-funding of a clinical fellow post for 18 months (the "
                "trust keeps the post if the evaluation supports it) and evaluation support.",
                110_000,
            ),
        ),
        decisions=(
            Decision(
                NHS_LEAD,
                "ulht",
                "Agreed by the trust's internal review committee on 18 November 2026.",
            ),
        ),
    ),
)

FOOT_CARE_FUNDING = ProjectSpec(
    key="lincs_foot_care_funding",
    title="Funding the Boston rapid-access diabetes foot clinic",
    summary=(
        "The podiatry team began a rapid-access foot clinic pilot in Boston in April 2026 and "
        "has asked Boehringer Ingelheim to pay for it to carry on."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Diabetes (foot care)",
    intended_type="cw",
    involves_medicines=False,
    proposed_by="Podiatry service lead at Pilgrim Hospital",
    lead_org="ulht",
    partner_orgs=("boehringer",),
    created_by=NHS_LEAD,
    fictional=True,
    opening_steps=START_SCOPING,
    scoping={
        "need": {
            "unmet_need": (
                "Foot ulcers in people with diabetes are seen too late, and some lead to "
                "amputation."
            ),
            "scale": "About 40 urgent foot referrals a month across the Boston area.",
            "evidence": "Podiatry referral data and the national diabetes foot care audit.",
            "cost_of_inaction": "The pilot stops when its winter funding runs out in March 2027.",
        },
    },
    # The pilot is already running, and the company is asked only for money: both red.
    checklist=checklist_answers("cw", prospective="no", significant_contribution="no"),
)

SCOPING_PROJECTS: tuple[ProjectSpec, ...] = (
    HEART_FAILURE_IDEA,
    KIDNEY_CHECKS,
    COMMUNITY_FOLLOW_UP,
    FOOT_CARE_FUNDING,
)
