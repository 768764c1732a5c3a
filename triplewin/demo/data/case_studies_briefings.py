"""Shorter examples from the NHS Confederation briefing (2024) and the ABPI's article.

These sources describe aims and results but rarely dates or the type of arrangement, so most
dates are estimates and the type is left blank where the source does not state it.
"""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.people import lead_email
from triplewin.demo.data.types import TO_OUTCOMES_PUBLISHED, ProjectSpec, Summary
from triplewin.partnerships.models import Setting

APPROXIMATE = "approximate: the public sources give no exact dates"

WESTON_PARK = ProjectSpec(
    key="weston_park_remote_consultations",
    title="Evaluating remote oncology consultations at Weston Park Cancer Centre",
    summary=(
        "During COVID-19 many oncology appointments moved to telephone or video. Find out what "
        "that meant for staff, for patients on anti-cancer treatment and for safe care, so the "
        "outpatient model can be redesigned on evidence."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Oncology (non-surgical)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Clinical team at Weston Park Cancer Centre",
    lead_org="sheffield_teaching",
    partner_orgs=("bms",),
    created_by=lead_email("sheffield"),
    planned_start=dt.date(2021, 1, 4),
    planned_end=dt.date(2022, 3, 31),
    actual_start=dt.date(2021, 1, 4),
    actual_end=dt.date(2022, 3, 31),
    dates_approximate=True,
    executive_summary=Summary(
        rationale=(
            "Remote consultations became unavoidable in the pandemic, but nobody had measured "
            "their effect on patients, on staff or on the safe delivery of systemic anti-cancer "
            "treatment."
        ),
        objectives=(
            "Compare treatment and follow-up activity before and during COVID-19; gather staff "
            "views on a post-pandemic pathway; explore patients' experience as staff saw it; "
            "design an end-to-end process for choosing in-person or remote assessment."
        ),
        benefits_patients="Consultations suited to their needs, with the risks of remote care managed.",
        benefits_nhs="A sustainable outpatient model for SACT across the network.",
        benefits_industry="Insight into how oncology services adapt under pressure.",
        period=f"About 2021 to early 2022 ({APPROXIMATE}).",
        financial_arrangements=(
            "Bristol Myers Squibb helped with study design, data entry and analysis, logistics "
            "and dissemination. The trust's clinical team led the work and gave clinical time."
        ),
        publication_plans="Posters and talks at local and national forums; summary on BMS's website.",
        contacts=(
            "Oncology project lead, Weston Park Cancer Centre, Sheffield Teaching Hospitals NHS "
            "Foundation Trust; NHS partnership team, Bristol Myers Squibb."
        ),
        roles=(
            "The clinical team controls every part of the evaluation. The company's partnerships "
            "team shares the workload of data handling and keeps the timetable on track."
        ),
        certified_on=dt.date(2020, 12, 7),
        published_on=dt.date(2020, 12, 14),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "The gains, losses, risks and safety effects of remote consultations were identified.",
        "Factors that help remote approaches work were found; several are already in place.",
        "Findings were shared with clinicians locally and nationally.",
    ),
)

BARTS_SHORT_STAY = ProjectSpec(
    key="barts_short_stay",
    title="Short-stay hip and knee replacement at Barts Health Orthopaedic Centre",
    summary=(
        "Patients stayed 3.7 days on average after hip or knee replacement and waits were long. "
        "Bring practice into line with GIRFT through a short-stay pathway, staff training and "
        "shared expectations about discharge."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Orthopaedics (hip and knee replacement)",
    intended_type="",
    involves_medicines=False,
    proposed_by="Barts Health Orthopaedic Centre leadership team",
    lead_org="barts",
    partner_orgs=("jnj",),
    created_by=lead_email("barts"),
    planned_start=dt.date(2022, 6, 1),
    planned_end=dt.date(2023, 5, 31),
    actual_start=dt.date(2022, 6, 1),
    actual_end=dt.date(2023, 5, 31),
    dates_approximate=True,
    executive_summary=Summary(
        rationale=(
            "The centre at Newham Hospital carries out about 2,500 planned orthopaedic "
            "operations a year in four theatres. Enhanced recovery had spread slowly and stays "
            "after total hip or knee replacement averaged 3.7 days."
        ),
        objectives=(
            "Audit performance and find gaps against national guidance; align with GIRFT; train "
            "one representative from each discipline and their teams in the new interventions "
            "and discharge targets; improve information for patients."
        ),
        benefits_patients=(
            "Quicker, well-supported recovery and access to surgery for more complex patients."
        ),
        benefits_nhs="More operations from the same theatres and beds, and happier staff.",
        benefits_industry="Experience of pathway optimisation in a large NHS orthopaedic centre.",
        period=f"About a year across 2022 and 2023 ({APPROXIMATE}).",
        financial_arrangements=(
            "Johnson & Johnson gave transformation expertise and hands-on support without extra "
            "charge, linked to the centre's NHS Supply Chain arrangements. The trust gave staff "
            "time across 17 departments."
        ),
        publication_plans="Case study in the NHS Confederation's 2024 partnerships briefing.",
        contacts=(
            "Orthopaedic clinical director, Barts Health NHS Trust; pathway optimisation team, "
            "Johnson & Johnson."
        ),
        roles=(
            "The multidisciplinary team owns every clinical change. Johnson & Johnson leads the "
            "gap analysis and supports 11 key interventions across the pathway."
        ),
        certified_on=dt.date(2022, 5, 3),
        published_on=dt.date(2022, 5, 16),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "Stays held steady while case mix grew harder: ASA 3 patients rose from none to 25%.",
        "Closer alignment with several GIRFT recommendations and higher staff satisfaction.",
        "More hip and knee operations performed; patient satisfaction stayed high.",
    ),
)

LEICESTER_CKD = ProjectSpec(
    key="leicester_ickd",
    title="Integrated chronic kidney disease care in Leicester, Leicestershire and Rutland",
    summary=(
        "Kidney disease is often picked up late. Risk-stratify people with CKD in general "
        "practice so suitable patients are managed virtually, high-risk patients are referred "
        "quickly, and specialist know-how reaches primary care."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Renal (chronic kidney disease)",
    intended_type="",
    involves_medicines=True,
    proposed_by="Renal specialists at the trust",
    lead_org="uhl",
    partner_orgs=("astrazeneca",),
    created_by=lead_email("leicester"),
    planned_start=dt.date(2021, 4, 1),
    planned_end=dt.date(2022, 6, 30),
    actual_start=dt.date(2021, 4, 1),
    actual_end=dt.date(2022, 6, 30),
    dates_approximate=True,
    executive_summary=Summary(
        rationale=(
            "Nearly 10,500 people had diagnosed CKD in East Leicestershire and Rutland (3.8% "
            "prevalence) and nearly 7,700 in Leicester City (2.3%). The disease raises "
            "cardiovascular and mortality risk, so early diagnosis and risk grading matter."
        ),
        objectives=(
            "Grade the risk of the whole city and county CKD population; find patients who can "
            "be managed virtually; run PCN-level outreach with a multidisciplinary team; build "
            "primary care pharmacists' skills in medication review."
        ),
        benefits_patients="Kidney disease found earlier and faster specialist input when needed.",
        benefits_nhs=(
            "Fewer advice and guidance requests, new PCN care models and more capable primary "
            "care teams."
        ),
        benefits_industry="Understanding of CKD pathways and population health tools.",
        period=f"About 2021 to mid-2022 ({APPROXIMATE}).",
        financial_arrangements=(
            "AstraZeneca supported project management and built a dashboard to find high-risk "
            "groups. The trust gave renal specialist time and PCNs gave pharmacist time."
        ),
        publication_plans="Case study in the NHS Confederation's 2024 partnerships briefing.",
        contacts=(
            "Renal service lead, University Hospitals of Leicester NHS Trust; partnership team, "
            "AstraZeneca UK Limited."
        ),
        roles=(
            "The NHS owns the dashboard data, which reaches the primary care data service Apollo "
            "under a data sharing agreement and is never passed to AstraZeneca. AstraZeneca "
            "drives the project plan."
        ),
        certified_on=dt.date(2021, 3, 1),
        published_on=dt.date(2021, 3, 15),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "High-risk CKD groups were found through an NHS-owned dashboard.",
        "Data sharing agreements kept patient data under NHS control throughout.",
    ),
)

LEEDS_RHEUMATOLOGY = ProjectSpec(
    key="leeds_remote_rheumatology",
    title="Remote monitoring for people with arthritis in Leeds",
    summary=(
        "People with inflammatory arthritis could wait for a routine slot even when their "
        "condition flared. Set up Leeds's first rheumatology remote monitoring service, with a "
        "digital self-management tool and a nurse and consultant advice team."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Rheumatology (inflammatory arthritis)",
    intended_type="",
    involves_medicines=True,
    proposed_by="Rheumatology team at Leeds Teaching Hospitals",
    lead_org="leeds_teaching",
    partner_orgs=("novartis",),
    created_by=lead_email("leeds"),
    planned_start=dt.date(2021, 4, 1),
    planned_end=dt.date(2023, 3, 31),
    actual_start=dt.date(2021, 4, 1),
    actual_end=dt.date(2023, 3, 31),
    dates_approximate=True,
    executive_summary=Summary(
        rationale=(
            "Rheumatology clinics were full, and patients needed quicker help when their "
            "arthritis changed rather than waiting for the next routine appointment."
        ),
        objectives=(
            "Co-design a digital self-management tool with patients; form a team of "
            "rheumatology nurses and consultants who respond when patients need advice; move "
            "routine follow-up to remote monitoring where safe."
        ),
        benefits_patients="Earlier care when arthritis flares and support to manage it at home.",
        benefits_nhs="Clinic slots freed for the patients who most need to be seen in person.",
        benefits_industry="Understanding of how digital pathways work in immunology care.",
        period=f"About 2021 to 2023 ({APPROXIMATE}).",
        financial_arrangements=(
            "Novartis supported the design of the service and its digital tool; the trust gave "
            "rheumatology nurse and consultant time. Details are in Novartis's own summary."
        ),
        publication_plans="Summary and results on Novartis's website; highlighted by the ABPI.",
        contacts=(
            "Rheumatology service lead, Leeds Teaching Hospitals NHS Trust; partnerships team, "
            "Novartis Pharmaceuticals UK Limited."
        ),
        roles=(
            "The trust runs the service and holds all patient data. Novartis supports design "
            "and evaluation."
        ),
        certified_on=dt.date(2021, 3, 1),
        published_on=dt.date(2021, 3, 15),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "Patients reached care sooner when their arthritis changed.",
        "Clinic capacity improved.",
    ),
)

DONT_WAIT_TO_ANTICOAGULATE = ProjectSpec(
    key="glos_dont_wait_to_anticoagulate",
    title="Don't wait to anticoagulate: preventing AF-related stroke in Gloucestershire",
    summary=(
        "Many people with atrial fibrillation at high risk of stroke were on no anticoagulant, "
        "or only on antiplatelets. Help GP practices find them, talk through the risks and "
        "benefits, and treat them in line with NICE guidance."
    ),
    origin_setting=Setting.SYSTEM,
    therapy_area="Cardiology (atrial fibrillation and stroke prevention)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="West of England Academic Health Science Network",
    lead_org="hi_west",
    partner_orgs=("glos_icb", "bayer"),
    created_by=lead_email("hi-west"),
    planned_start=dt.date(2014, 9, 1),
    planned_end=dt.date(2017, 3, 31),
    actual_start=dt.date(2014, 9, 1),
    actual_end=dt.date(2017, 3, 31),
    dates_approximate=True,
    executive_summary=Summary(
        rationale=(
            "Atrial fibrillation is a major cause of stroke, and anticoagulation greatly cuts "
            "that risk, yet many high-risk patients in primary care went untreated or were "
            "given antiplatelet drugs instead."
        ),
        objectives=(
            "Raise appropriate anticoagulation among high-risk patients; reduce the number on "
            "no treatment or on antiplatelets alone; build GP practices' quality improvement "
            "skills and prescribers' confidence with all oral anticoagulants."
        ),
        benefits_patients="Fewer strokes, and shared decisions about treatment.",
        benefits_nhs=(
            "Avoided strokes and their long-term costs, and a way for commissioners to sustain "
            "the improvement."
        ),
        benefits_industry="Understanding of barriers to guideline-based anticoagulation.",
        period=(
            "From September 2014; the end date here is an estimate, as the public sources give "
            "none."
        ),
        financial_arrangements=(
            "Bayer contributed to the joint working; the network provided programme management "
            "and quality improvement support, and the clinical commissioning group (now part of "
            "NHS Gloucestershire ICB) and its practices gave clinical time."
        ),
        publication_plans="Reports on the network's website; highlighted by the ABPI in 2024.",
        contacts=(
            "Programme lead, Health Innovation West of England; medicines optimisation lead, NHS "
            "Gloucestershire ICB; health system partnerships team, Bayer plc."
        ),
        roles=(
            "The health innovation network leads and runs the improvement programme; "
            "practices make every prescribing decision; Bayer supports the programme under a "
            "joint working agreement."
        ),
        certified_on=dt.date(2014, 8, 4),
        published_on=dt.date(2014, 8, 18),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=("An estimated 13 strokes were prevented over a 12-week period.",),
)

BRIEFING_CASES: tuple[ProjectSpec, ...] = (
    WESTON_PARK,
    BARTS_SHORT_STAY,
    LEICESTER_CKD,
    LEEDS_RHEUMATOLOGY,
    DONT_WAIT_TO_ANTICOAGULATE,
)
