"""Invented Lincolnshire projects in stage 3, so the oversight lead sees obligations fall due.

Their earlier steps are recorded as having happened before the partners used Triple Win.
One is published and about to start, one is being delivered, and one has finished with its
outcomes summary due by the end of March 2027.
"""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.people import NHS_LEAD, lead_email
from triplewin.demo.data.types import (
    IMPORT_REASON_FICTIONAL,
    TO_COMPLETED,
    TO_IN_DELIVERY,
    TO_SUMMARY_PUBLISHED,
    ProjectSpec,
    Summary,
    checklist_answers,
)
from triplewin.partnerships.models import Setting

CHOLESTEROL = ProjectSpec(
    key="lincs_cholesterol_after_acs",
    title="Cholesterol management after a heart attack in Lincolnshire",
    summary=(
        "Fewer than half of patients reach their cholesterol target a year after a heart "
        "attack. Add a nurse-led lipid review at six weeks and a clear route back to primary "
        "care."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Cardiology (lipid management)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Cardiac rehabilitation nurses at Lincoln County Hospital",
    lead_org="ulht",
    partner_orgs=("novartis",),
    created_by=NHS_LEAD,
    planned_start=dt.date(2027, 1, 4),
    planned_end=dt.date(2028, 6, 30),
    fictional=True,
    checklist=checklist_answers("jw"),
    executive_summary=Summary(
        rationale=(
            "Lowering cholesterol after a heart attack cuts the chance of another, but audit "
            "shows fewer than half of the trust's patients reach the nationally recommended "
            "level within a year."
        ),
        objectives=(
            "Offer every patient a nurse-led lipid review six weeks after discharge, step up "
            "treatment in line with NICE guidance, and hand over to the GP with a clear plan."
        ),
        benefits_patients="Lower cholesterol sooner and a smaller risk of another heart attack.",
        benefits_nhs="Fewer repeat admissions and a tested model for the rest of the county.",
        benefits_industry=(
            "Understanding of lipid pathways after acute care. The project recommends no "
            "particular medicine."
        ),
        period="January 2027 to June 2028.",
        financial_arrangements=(
            "Novartis funds project management and a part-time data analyst; the trust gives "
            "cardiac rehabilitation nurse and consultant time."
        ),
        publication_plans="This summary on both partners' websites; outcomes within six months.",
        contacts=(
            "Cardiometabolic partnerships lead, United Lincolnshire Hospitals NHS Trust; "
            "partnerships manager, Novartis Pharmaceuticals UK Limited."
        ),
        roles=(
            "The trust runs the clinics and keeps all patient data; Novartis manages the plan "
            "and analyses anonymised, aggregated results."
        ),
        certified_on=dt.date(2026, 10, 29),
        published_on=dt.date(2026, 11, 5),
    ),
    history=TO_SUMMARY_PUBLISHED,
    history_reason=IMPORT_REASON_FICTIONAL,
)

ATRIAL_FIBRILLATION = ProjectSpec(
    key="lincs_af_detection",
    title="Finding and treating atrial fibrillation in Lincolnshire",
    summary=(
        "Many people with atrial fibrillation are undiagnosed or not protected against stroke. "
        "Run pulse checks at community clinics and review stroke prevention for everyone on "
        "practice AF registers."
    ),
    origin_setting=Setting.SYSTEM,
    therapy_area="Cardiology (atrial fibrillation and stroke prevention)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="The ICB's cardiovascular disease prevention lead",
    lead_org="lincs_icb",
    partner_orgs=("lchs", "bayer"),
    created_by=lead_email("lincs-icb"),
    planned_start=dt.date(2026, 4, 1),
    planned_end=dt.date(2027, 9, 30),
    actual_start=dt.date(2026, 4, 1),
    fictional=True,
    checklist=checklist_answers("jw"),
    executive_summary=Summary(
        rationale=(
            "The county records fewer people with atrial fibrillation than expected, and some "
            "of those known to have it are not anticoagulated."
        ),
        objectives=(
            "Offer pulse checks in community clinics; review stroke prevention for everyone on "
            "AF registers in 20 practices; treat in line with NICE guidance."
        ),
        benefits_patients="Fewer strokes and better-informed decisions about anticoagulation.",
        benefits_nhs="Fewer stroke admissions and long-term care costs.",
        benefits_industry=(
            "Understanding of detection pathways in community settings. No medicine is "
            "favoured over another."
        ),
        period="April 2026 to September 2027.",
        financial_arrangements=(
            "Bayer funds two pharmacist posts employed by Lincolnshire Community Health "
            "Services, with an agreed exit plan; the ICB provides programme management and "
            "data; LCHS provides clinic space and nursing time."
        ),
        publication_plans="This summary on all partners' websites; outcomes within six months.",
        contacts=(
            "Clinical transformation lead, NHS Lincolnshire ICB; community cardiology service "
            "manager, LCHS; health system partnerships lead, Bayer plc."
        ),
        roles=(
            "The ICB chairs the steering group; LCHS runs clinics and employs the pharmacists; "
            "Bayer sees only aggregated results."
        ),
        certified_on=dt.date(2026, 3, 2),
        published_on=dt.date(2026, 3, 16),
    ),
    history=TO_IN_DELIVERY,
    history_reason=IMPORT_REASON_FICTIONAL,
)

CARE_HOME_HEART_FAILURE = ProjectSpec(
    key="lincs_care_home_heart_failure",
    title="Heart failure medicine reviews for care home residents in Lincolnshire",
    summary=(
        "Care home residents with heart failure rarely have their medicines reviewed by a "
        "specialist. Send community heart failure nurses into care homes to review and "
        "optimise treatment."
    ),
    origin_setting=Setting.PRIMARY,
    therapy_area="Cardiology (heart failure)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Community heart failure nursing team",
    lead_org="lchs",
    partner_orgs=("boehringer",),
    created_by=lead_email("lchs"),
    planned_start=dt.date(2025, 10, 1),
    planned_end=dt.date(2026, 9, 30),
    actual_start=dt.date(2025, 10, 1),
    actual_end=dt.date(2026, 9, 30),
    fictional=True,
    checklist=checklist_answers("jw"),
    executive_summary=Summary(
        rationale=(
            "Heart failure is common among care home residents, and many are on outdated or "
            "unsuitable treatment because specialist review is hard to arrange."
        ),
        objectives=(
            "Review every resident with heart failure in 40 care homes; optimise treatment in "
            "line with NICE guidance; train care staff to spot early warning signs."
        ),
        benefits_patients="Fewer hospital admissions and better day-to-day symptoms.",
        benefits_nhs="Fewer emergency admissions from care homes.",
        benefits_industry="Understanding of heart failure care outside hospital.",
        period="October 2025 to September 2026.",
        financial_arrangements=(
            "Boehringer Ingelheim funds project management and evaluation; LCHS provides "
            "specialist nurse time."
        ),
        publication_plans="This summary on both partners' websites; outcomes by March 2027.",
        contacts=(
            "Community cardiology service manager, LCHS; NHS partnerships team, Boehringer "
            "Ingelheim Limited."
        ),
        roles=(
            "LCHS nurses carry out every review and keep all records; Boehringer Ingelheim "
            "manages the plan and sees only aggregated results."
        ),
        certified_on=dt.date(2025, 9, 1),
        published_on=dt.date(2025, 9, 15),
    ),
    history=TO_COMPLETED,
    history_reason=IMPORT_REASON_FICTIONAL,
)

DELIVERY_PROJECTS: tuple[ProjectSpec, ...] = (
    CHOLESTEROL,
    ATRIAL_FIBRILLATION,
    CARE_HOME_HEART_FAILURE,
)
