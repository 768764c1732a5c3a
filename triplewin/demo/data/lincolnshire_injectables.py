"""An invented Lincolnshire project that goes through every gate live when the demo loads.

Stage 1 is here: the idea, a complete scoping guide, the checklist and a concept that all three
partners approve. Its stage 2 (team, plans, PID, agreement and executive summary) is in
`setup_injectables`, and ends with the summary on the public register.
"""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.people import NHS_LEAD, lead_email
from triplewin.demo.data.types import (
    Concept,
    Contribution,
    Decision,
    ProjectSpec,
    Step,
    checklist_answers,
)
from triplewin.partnerships.models import Setting

LCHS_LEAD = lead_email("lchs")
SANOFI_LEAD = lead_email("sanofi")

SCOPING: dict[str, dict[str, str]] = {
    "need": {
        "unmet_need": (
            "Adults with type 2 diabetes who need an injectable treatment wait months for a "
            "hospital clinic slot to start it, and many live far from Lincoln or Boston."
        ),
        "scale": (
            "Around 900 referrals a year to start injectable therapy; the median wait for a "
            "first appointment is eleven weeks."
        ),
        "evidence": "Referral and waiting list data for 2025/26 and the national diabetes audit.",
        "cost_of_inaction": (
            "Months more of high blood glucose for each person waiting, raising the risk of "
            "eye, kidney and foot complications."
        ),
    },
    "fit": {
        "priority_area": (
            "People already under the community diabetes nurses in the east and south of the "
            "county; fifteen months covers training, a full caseload and follow-up."
        ),
        "benefits": "Treatment started sooner and nearer home, with hospital slots kept for complex cases.",
        "internal_support": (
            "The community trust's long-term conditions division and the hospital diabetes "
            "team both support it."
        ),
        "plan_alignment": (
            "The ICB joint forward plan's aims for diabetes care and for care closer to home."
        ),
    },
    "delivery": {
        "interventions": (
            "Train community diabetes nurses to start and adjust injectables under an agreed "
            "protocol, run weekly community clinics and give the hospital team a monthly "
            "case review."
        ),
        "workforce_impact": (
            "Community nurses gain a new competence and spend one more session a week in "
            "clinic; hospital consultants supervise rather than see every new start."
        ),
        "operational_pressures": "Nurse vacancies in the community teams and winter demand.",
        "dependencies": "GP practices for repeat prescribing and the hospital diabetes team for advice.",
        "staff_capacity": "Yes: two nurse sessions a week are freed by moving routine follow-up online.",
    },
    "people": {
        "public_involvement": (
            "The diabetes patient panel reviews the clinic letters and leaflets; patients "
            "starting injectables are asked about their experience at three months and at "
            "the end."
        ),
    },
    "success": {
        "success_measures": (
            "Wait from referral to first dose (target under four weeks), HbA1c at six months, "
            "and hypoglycaemia episodes, reported quarterly by the community trust's analyst."
        ),
        "sustainability": (
            "Yes: waiting time and activity data will show whether the ICB should commission "
            "community starts permanently."
        ),
    },
    "medicines": {
        "pathways": "Starting and adjusting injectable treatment for type 2 diabetes.",
        "company_expertise": (
            "Sanofi has supported nurse education in diabetes elsewhere; other makers of "
            "injectable diabetes treatments were also approached."
        ),
        "other_organisations": "Health Innovation East Midlands for advice on the evaluation.",
        "inequalities": (
            "Coastal and rural areas with long journeys to hospital, and people who cannot take "
            "time off work for clinic visits."
        ),
    },
}

COMMUNITY_INJECTABLES = ProjectSpec(
    key="lincs_community_injectables",
    title="Starting injectable diabetes treatment closer to home in Lincolnshire",
    summary=(
        "People with type 2 diabetes wait months for a hospital appointment to start an "
        "injectable treatment. Train community diabetes nurses to start it in local clinics, "
        "with the hospital team supervising."
    ),
    origin_setting=Setting.PRIMARY,
    therapy_area="Diabetes (type 2, injectable therapy)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Community diabetes specialist nurses",
    lead_org="lchs",
    partner_orgs=("ulht", "sanofi"),
    created_by=LCHS_LEAD,
    planned_start=dt.date(2027, 3, 1),
    planned_end=dt.date(2028, 5, 31),
    fictional=True,
    opening_steps=(Step("start_scoping", LCHS_LEAD),),
    scoping=SCOPING,
    checklist=checklist_answers("jw"),
    concept=Concept(
        key_stakeholders=(
            "Community diabetes nurses, the hospital diabetes team, GP practices in the east "
            "and south of the county, community pharmacies and a group of people living with "
            "type 2 diabetes."
        ),
        purpose_background=(
            "Starting injectable diabetes treatment needs a hospital appointment, and waits "
            "are long. Community nurses already know these patients and could start treatment "
            "locally with the right training and supervision."
        ),
        objectives=(
            "Cut the wait from referral to first dose to under four weeks; start at least 400 "
            "people in community clinics over fifteen months; keep safety at least as good as "
            "in hospital."
        ),
        benefit_patients="Treatment started sooner, nearer home and by a nurse they know.",
        benefit_nhs="Shorter hospital waiting lists and a model the ICB can commission.",
        benefit_industry=(
            "Understanding of how community teams start injectable therapy. The protocol "
            "follows NICE guidance and the county formulary, and favours no product."
        ),
        expected_prescribing_effect=(
            "More people whose diabetes needs it may start injectable treatment sooner, "
            "including the company's insulins and GLP-1 medicines where the formulary and NICE "
            "guidance already recommend them. The choice of product stays with the clinician."
        ),
        start_year=2027,
        start_quarter=1,
        duration_months=15,
        contributions=(
            Contribution(
                "lchs",
                "Diabetes specialist nurse clinics, pharmacist time, clinic rooms and data "
                "analysis.",
                120_000,
            ),
            Contribution(
                "ulht",
                "Consultant supervision, monthly case reviews and a training programme for the "
                "community nurses.",
                40_000,
            ),
            Contribution(
                "sanofi",
                "Project management, a part-funded community nurse educator post and an "
                "independent evaluation.",
                95_000,
            ),
        ),
        decisions=(
            Decision(
                LCHS_LEAD,
                "lchs",
                "Approved by the community trust's partnerships group.",
            ),
            Decision(NHS_LEAD, "ulht", "Supported by the diabetes and endocrinology service."),
            Decision(SANOFI_LEAD, "sanofi", "Approved by Sanofi's UK partnership committee."),
        ),
    ),
    closing_steps=(Step("start_setup", LCHS_LEAD),),
)

WALKED_PROJECTS: tuple[ProjectSpec, ...] = (COMMUNITY_INJECTABLES,)
