"""The three worked examples in the NHS Confederation and ABPI guidance (2024).

The guidance gives objectives, methods and outputs but no dates, so the dates here are
estimates (dates_approximate=True) and each summary's period says so.
"""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.people import lead_email
from triplewin.demo.data.types import TO_OUTCOMES_PUBLISHED, ProjectSpec, Summary
from triplewin.partnerships.models import Setting

APPROXIMATE = "approximate: the published case study gives no exact dates"

LOGIC = ProjectSpec(
    key="hartlepool_logic",
    title="LOGIC: proactive COPD care in Hartlepool",
    summary=(
        "COPD is more common in Hartlepool than across England and the PCN had some of the "
        "country's highest COPD admission rates. Pay for specialist nurse time to carry out "
        "thorough reviews and coach practice nurses, and simplify inhaler regimens where local "
        "guidance supports it."
    ),
    origin_setting=Setting.PRIMARY,
    therapy_area="Respiratory (COPD)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="PCN clinical pharmacist and respiratory nurse, prompted by COPD heat maps",
    lead_org="hartlepool_pcn",
    partner_orgs=("astrazeneca",),
    created_by=lead_email("hartlepool-pcn"),
    planned_start=dt.date(2022, 4, 1),
    planned_end=dt.date(2023, 3, 31),
    actual_start=dt.date(2022, 4, 1),
    actual_end=dt.date(2023, 3, 31),
    dates_approximate=True,
    executive_summary=Summary(
        rationale=(
            "Maps of COPD prevalence, admissions and prescribing showed outcomes in Hartlepool "
            "lagging the rest of the country, with the PCN third highest in England for COPD "
            "admissions. Local pharmacists also wanted to cut oral steroid over-use and the "
            "number of patients juggling several inhalers."
        ),
        objectives=(
            "Fund COPD nurse time for high-quality reviews and for supervising practice nurses; "
            "move suitable patients from multiple inhalers to one triple-therapy inhaler as "
            "local guidance recommends; review people with combined heart and lung risk; reduce "
            "avoidable use of hospital and other services."
        ),
        benefits_patients=(
            "Fewer flare-ups and admissions, more understanding of their illness, and links to "
            "social prescribing."
        ),
        benefits_nhs=(
            "A more skilled nursing team through mentoring, less wasted medicine, and lower "
            "costs from simpler regimens."
        ),
        benefits_industry="Experience of a primary care joint working model with measured outcomes.",
        period=f"About twelve months across 2022 and 2023 ({APPROXIMATE}).",
        financial_arrangements=(
            "AstraZeneca funded specialist COPD nurse time. The PCN gave clinical pharmacist, "
            "practice nurse and project management time. The PCN signs through a legal entity "
            "acting on its behalf."
        ),
        publication_plans=(
            "Executive summary and outcomes on AstraZeneca's website; worked example in the NHS "
            "Confederation and ABPI guidance."
        ),
        contacts="Clinical pharmacist, Hartlepool Health PCN; partnership team, AstraZeneca UK.",
        roles=(
            "The PCN delivers the reviews and keeps patient data; its project manager and "
            "clinical pharmacist report progress against KPIs at fortnightly meetings. "
            "AstraZeneca funds nurse time and supports evaluation. A RACI chart sets out who does "
            "what, and an exit strategy is agreed."
        ),
        certified_on=dt.date(2022, 3, 7),
        published_on=dt.date(2022, 3, 21),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "Better COPD outcomes and fewer hospital admissions.",
        "Practice nurses upskilled through ongoing mentoring.",
        "Cost savings and less waste as patients moved to single-inhaler therapy.",
    ),
)

SACT_REVIEW = ProjectSpec(
    key="lancs_sact_review",
    title="Chemotherapy (SACT) pathway review in Lancashire and South Cumbria",
    summary=(
        "Treatment chairs were not always used well and many patients travelled far for "
        "systemic anti-cancer therapy. Study how patients move through the service, where they "
        "wait and where they are treated, and give the trusts options for meeting future demand."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Oncology (systemic anti-cancer therapy)",
    intended_type="cw",
    involves_medicines=True,
    proposed_by=(
        "The Royal Preston oncology team: its clinical lead, service manager, senior "
        "chemotherapy nurse and pharmacist"
    ),
    lead_org="lancs_teaching",
    partner_orgs=("lsc_cancer_alliance", "sanofi"),
    created_by=lead_email("lancs-teaching"),
    planned_start=dt.date(2021, 9, 1),
    planned_end=dt.date(2022, 8, 31),
    actual_start=dt.date(2021, 9, 1),
    actual_end=dt.date(2022, 8, 31),
    dates_approximate=True,
    executive_summary=Summary(
        rationale=(
            "Inefficient treatment days and long journeys were problems for patients and staff, "
            "and the trust had neither the time nor the people to analyse the pathway alone. "
            "The idea grew from two years of conversations between the Preston team and Sanofi."
        ),
        objectives=(
            "Evaluate how patients reach the service, how long they wait at each step and how "
            "far they travel; reduce unwarranted variation; find changes that improve "
            "experience, free capacity and shorten time in hospital; write an options appraisal "
            "for the trusts."
        ),
        benefits_patients="Fairer access, shorter waits and less travel for treatment.",
        benefits_nhs=(
            "Better use of chair time and a business case for change, with patient care "
            "maintained throughout."
        ),
        benefits_industry="Understanding of how oncology services are delivered day to day.",
        period=f"About a year across 2021 and 2022 ({APPROXIMATE}).",
        financial_arrangements=(
            "Sanofi gave project management and data analysis. The trust and the cancer alliance "
            "gave clinical, nursing, pharmacy and managerial time."
        ),
        publication_plans=(
            "Executive summary and end report on Sanofi's corporate website and on the trust's "
            "website."
        ),
        contacts=(
            "Oncology service manager, Lancashire Teaching Hospitals NHS Foundation Trust; NHS "
            "engagement team, Sanofi UK."
        ),
        roles=(
            "The trust leads and holds the data, which is anonymised before analysis. Sanofi "
            "runs the project plan and analysis. A governance committee approves the concept and "
            "the PID, and either party may stop at the end of any stage."
        ),
        certified_on=dt.date(2021, 8, 2),
        published_on=dt.date(2021, 8, 16),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "An options appraisal of pathway changes was delivered to the trust.",
        "Better use of telephone immuno-oncology follow-up and more pre-assessment capacity "
        "were identified.",
        "The cancer alliance funded extra posts in the department.",
    ),
)

SWAG_PREHAB = ProjectSpec(
    key="swag_prehab",
    title="Digital prehabilitation platform for the SWAG Cancer Alliance",
    summary=(
        "Support to help people get fit for cancer treatment differed from trust to trust. "
        "Create one digital platform, with content agreed by clinicians from every trust, on "
        "nutrition, exercise and psychological wellbeing."
    ),
    origin_setting=Setting.SYSTEM,
    therapy_area="Oncology (prehabilitation)",
    intended_type="cw",
    involves_medicines=False,
    proposed_by="Cancer alliance prehabilitation lead, after talks with MSD's oncology team",
    lead_org="swag_cancer_alliance",
    partner_orgs=("msd",),
    created_by=lead_email("swag"),
    planned_start=dt.date(2022, 10, 3),
    planned_end=dt.date(2023, 12, 29),
    actual_start=dt.date(2022, 10, 3),
    actual_end=dt.date(2023, 12, 29),
    dates_approximate=True,
    executive_summary=Summary(
        rationale=(
            "Prehabilitation was organised and commissioned differently across the region, so "
            "the quality of advice a patient received depended on where they were treated."
        ),
        objectives=(
            "Agree standard content with clinicians from all six trusts; build a shared digital "
            "platform; narrow variation and inequalities in access; help patients become "
            "physically and mentally stronger before and during treatment."
        ),
        benefits_patients=(
            "Consistent advice on diet, activity and wellbeing wherever they are treated, and a "
            "better understanding of their own health."
        ),
        benefits_nhs=(
            "One resource that every professional in the region can use, and prehabilitation "
            "established as a regional priority."
        ),
        benefits_industry="A better grasp of cancer alliance priorities and service redesign.",
        period=f"Roughly late 2022 to December 2023 ({APPROXIMATE}).",
        financial_arrangements=(
            "MSD provided project management and ran the task and finish groups. The cancer "
            "alliance and its trusts provided clinical expertise and the content."
        ),
        publication_plans=(
            "Executive summary and outcomes on MSD's website; case study on the national Living "
            "With and Beyond Cancer FutureNHS pages."
        ),
        contacts="Prehabilitation lead, SWAG Cancer Alliance; oncology projects team, MSD UK.",
        roles=(
            "The cancer alliance owns the platform and its content. MSD manages the project and "
            "facilitates groups under agreed terms of reference; its medical, legal and business "
            "reviewers check compliance with the Code."
        ),
        certified_on=dt.date(2022, 9, 5),
        published_on=dt.date(2022, 9, 19),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "Monthly platform views grew from 140 to 222 between August and December 2023.",
        "Monthly users grew from 77 to 138 over the same months.",
        "The cancer alliance now lists prehabilitation as a regional priority.",
    ),
)

GUIDANCE_CASES: tuple[ProjectSpec, ...] = (LOGIC, SACT_REVIEW, SWAG_PREHAB)
