"""Invented Lincolnshire projects that went through the stage 1 gates live.

One passed every gate, had its concept approved by all three partners (with one amber risk
accepted on the record) and moved into set-up. The other was withdrawn during scoping.
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

ICB_LEAD = lead_email("lincs-icb")
AZ_LEAD = lead_email("astrazeneca")

CHILDREN_ASTHMA_SCOPING: dict[str, dict[str, str]] = {
    "need": {
        "unmet_need": (
            "Children and young people with asthma are admitted after attacks that regular, "
            "structured reviews could often prevent."
        ),
        "scale": (
            "Several hundred emergency asthma admissions of under-18s each year across the "
            "county, concentrated in a handful of PCNs."
        ),
        "evidence": (
            "Admissions data from the ICB's population health team and the national child "
            "asthma audit."
        ),
        "cost_of_inaction": (
            "More attacks, missed school days, avoidable admissions and, at worst, deaths."
        ),
    },
    "fit": {
        "priority_area": (
            "The five PCNs with the highest admission rates; twelve months is enough to train "
            "their staff and review every child on the at-risk list."
        ),
        "benefits": (
            "Fewer attacks and admissions for children, and more confident practice teams."
        ),
        "internal_support": (
            "The ICB's children's programme board and the trust's paediatric respiratory team "
            "support it."
        ),
        "plan_alignment": (
            "The national children and young people's asthma bundle and the ICB joint forward plan."
        ),
    },
    "delivery": {
        "interventions": (
            "At-risk lists from practice data, nurse trainer sessions in each practice, "
            "structured reviews with written action plans, and a fast route to the hospital "
            "asthma nurse."
        ),
        "workforce_impact": (
            "Practice nurses need protected review time; no pathway redesign in hospital."
        ),
        "operational_pressures": "Winter demand in general practice and paediatric wards.",
        "dependencies": "School nursing teams and community pharmacy inhaler technique checks.",
        "staff_capacity": "Yes: PCNs have agreed two review sessions a week for the year.",
    },
    "people": {
        "public_involvement": (
            "Parents from the PCNs' patient participation groups help design the review "
            "invitation; children and parents are asked for feedback after each review and "
            "at the end of the project."
        ),
    },
    "success": {
        "success_measures": (
            "Share of at-risk children reviewed (target 80%), action plans issued, reliever "
            "inhaler prescriptions and emergency admissions, reported quarterly by the ICB "
            "analyst."
        ),
        "sustainability": (
            "Yes: the business case needs admission and prescribing trends to show the review "
            "model can be commissioned across all PCNs."
        ),
    },
    "medicines": {
        "pathways": "Routine asthma review in primary care and referral to the hospital team.",
        "company_expertise": (
            "AstraZeneca has run similar review programmes elsewhere; other respiratory "
            "companies were considered."
        ),
        "other_organisations": "Health Innovation East Midlands for evaluation design.",
        "inequalities": (
            "Deprived urban wards and coastal towns with the highest admission rates come first."
        ),
    },
}

CHILDREN_ASTHMA = ProjectSpec(
    key="lincs_children_asthma",
    title="Asthma reviews for children and young people in Lincolnshire",
    summary=(
        "Children in Lincolnshire are admitted with asthma attacks that good routine care "
        "could prevent. Give practices the data to find children at risk, train their staff "
        "in structured reviews and link them with the hospital asthma team."
    ),
    origin_setting=Setting.SYSTEM,
    therapy_area="Respiratory (paediatric asthma)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="The ICB's clinical lead for children's asthma",
    lead_org="lincs_icb",
    partner_orgs=("ulht", "astrazeneca"),
    system_route={
        "clinical_leads": (
            "Dr Anwen Hale, GP and the ICB's clinical lead for children's asthma\n"
            "The paediatric respiratory consultant at United Lincolnshire Hospitals"
        ),
        "executive_leads": "Rachel Denholm, the ICB's director of strategy and partnerships",
        "chief_pharmacist": (
            "The ICB's chief pharmacist reviewed the inhaler and medicines review parts of the "
            "proposal before it went to committee."
        ),
        "committee_name": "Lincolnshire Integrated Medicines Optimisation Committee (IMOC)",
        "committee_decision": "conditions",
        "decided_on": dt.date(2026, 10, 21),
        "decision_note": (
            "Supported, on condition that reviews follow the local asthma guideline and that "
            "no inhaler brand is preferred over the formulary."
        ),
    },
    created_by=ICB_LEAD,
    planned_start=dt.date(2027, 4, 1),
    planned_end=dt.date(2028, 3, 31),
    fictional=True,
    products_concerned=("Symbicort (budesonide with formoterol)",),
    opening_steps=(Step("start_scoping", ICB_LEAD),),
    scoping=CHILDREN_ASTHMA_SCOPING,
    checklist=checklist_answers("jw", recognised_template="no"),
    concept=Concept(
        key_stakeholders=(
            "Five priority PCNs, school nursing, community pharmacy, the trust's paediatric "
            "respiratory team and a parents' panel recruited through local schools."
        ),
        purpose_background=(
            "Emergency admissions for childhood asthma in the county are above the regional "
            "average and clustered in a few areas. Structured reviews are patchy."
        ),
        objectives=(
            "Review at least 80% of at-risk children in the five PCNs within twelve months, "
            "each with a written action plan and inhaler technique check."
        ),
        benefit_patients="Fewer attacks, admissions and missed school days.",
        benefit_nhs="Lower emergency demand and a commissionable review model.",
        benefit_industry=(
            "Evidence on review models for children. Only anonymised, aggregated data is "
            "shared with the company."
        ),
        expected_prescribing_effect=(
            "Structured reviews may change inhaler prescribing for some children, in line with "
            "national asthma guidelines and the local formulary; this may include the "
            "company's inhalers. Reviewers choose treatment on clinical grounds alone."
        ),
        start_year=2027,
        start_quarter=2,
        duration_months=12,
        contributions=(
            Contribution(
                "lincs_icb",
                "Programme lead time, practice data extraction and commissioning support.",
                60_000,
            ),
            Contribution(
                "ulht",
                "Paediatric asthma nurse specialist sessions and consultant advice on complex "
                "cases.",
                45_000,
            ),
            Contribution(
                "astrazeneca",
                "Two respiratory nurse trainers for twelve months, project management and "
                "analytics on aggregated data.",
                150_000,
            ),
        ),
        decisions=(
            Decision(
                ICB_LEAD,
                "lincs_icb",
                "Approved at the ICB partnerships panel on 4 November 2026.",
                risk_reasons={
                    "AMBER-RECOGNISED-TEMPLATE": (
                        "Our legal team will adapt the NHS standard collaboration agreement "
                        "and agree it with AstraZeneca's lawyers before the PID is signed off."
                    ),
                },
            ),
            Decision(NHS_LEAD, "ulht", "Supported by the paediatric division."),
            Decision(AZ_LEAD, "astrazeneca", "Approved by the UK partnership committee."),
        ),
    ),
    closing_steps=(Step("start_setup", ICB_LEAD),),
)

COPD_VIRTUAL_WARD = ProjectSpec(
    key="lincs_copd_virtual_ward",
    title="Respiratory virtual ward support for COPD in Lincolnshire",
    summary=(
        "Extend the county's respiratory virtual ward so more people having a COPD flare-up "
        "can be looked after safely at home."
    ),
    origin_setting=Setting.SYSTEM,
    therapy_area="Respiratory (COPD)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="The ICB's urgent and emergency care programme",
    lead_org="lincs_icb",
    partner_orgs=("ulht", "boehringer"),
    created_by=ICB_LEAD,
    fictional=True,
    opening_steps=(Step("start_scoping", ICB_LEAD),),
    scoping={
        "need": {
            "unmet_need": "COPD flare-ups fill medical beds every winter.",
            "scale": "COPD is among the top causes of emergency admission in the county.",
            "evidence": "Winter bed occupancy reports for the last three years.",
            "cost_of_inaction": "Longer waits in emergency departments and more corridor care.",
        },
    },
    closing_steps=(
        Step(
            "withdraw_from_scoping",
            ICB_LEAD,
            "The ICB will fund the virtual ward expansion from its own winter budget, so a "
            "partnership is no longer needed. Both partners agreed to stop on 3 September 2026.",
        ),
    ),
)

SETUP_PROJECTS: tuple[ProjectSpec, ...] = (CHILDREN_ASTHMA, COPD_VIRTUAL_WARD)
