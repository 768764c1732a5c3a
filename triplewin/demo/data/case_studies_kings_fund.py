"""The four partnerships studied in depth by The King's Fund (2024), as library entries.

Facts and figures come from the report's case-study annex; the wording is our own. The exact
dates here are the ones the report gives. Executive summary certification and publication
dates are not public, so they are set a few weeks before each project began.
"""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.people import NHS_LEAD, lead_email
from triplewin.demo.data.types import TO_OUTCOMES_PUBLISHED, ProjectSpec, Summary
from triplewin.partnerships.models import Setting

CARDIO_DIABETES = ProjectSpec(
    key="ulht_cardio_diabetes",
    title="Cardio-diabetes care after acute coronary syndrome in Lincolnshire",
    summary=(
        "People admitted with a heart attack or unstable angina were often sent home without a "
        "diabetes test, and their heart and diabetes risks were treated by separate teams. "
        "Build a joint cardiology and diabetes service that tests every admission and tunes "
        "treatment across both conditions."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Cardiology and diabetes",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Consultant cardiologists and diabetologists at the trust",
    lead_org="ulht",
    partner_orgs=("boehringer",),
    created_by=NHS_LEAD,
    planned_start=dt.date(2020, 11, 1),
    planned_end=dt.date(2023, 9, 30),
    actual_start=dt.date(2020, 11, 1),
    actual_end=dt.date(2023, 9, 30),
    executive_summary=Summary(
        rationale=(
            "Roughly a third of Lincolnshire residents with diabetes also have recorded "
            "cardiovascular disease, more than the national average. A trust audit showed that "
            "acute coronary syndrome admissions frequently left hospital with no HbA1c check and "
            "with diabetes and heart risk factors managed in isolation."
        ),
        objectives=(
            "Check HbA1c for every acute coronary syndrome admission; add joint ward rounds and a "
            "weekly cardio-diabetes multidisciplinary meeting; see each patient with diabetes in "
            "a combined clinic within three months of going home; bring lipid, blood pressure "
            "and glucose treatment up to current guidelines; send the GP one joint care plan."
        ),
        benefits_patients=(
            "Hidden diabetes and pre-diabetes found sooner, one plan covering heart and diabetes "
            "care, and fewer repeat heart events, kidney injuries and heart failure admissions."
        ),
        benefits_nhs=(
            "Fewer readmissions and complications, cardiology and diabetes staff trained in each "
            "other's field, and the evidence needed to fund the service permanently."
        ),
        benefits_industry=(
            "Insight into how cardio-renal-metabolic care is organised in hospital and how a "
            "joint service is evaluated and sustained. The project promotes no product."
        ),
        period="November 2020 to September 2023.",
        financial_arrangements=(
            "Boehringer Ingelheim part-funded a trust-employed clinical research fellow and gave "
            "project management, value and outcomes analysis, and communications support. The "
            "trust gave consultant, specialist nurse and advanced practitioner time. Transfers "
            "of value are disclosed on Disclosure UK."
        ),
        publication_plans=(
            "Executive summary on both partners' websites before the start; outcomes to the "
            "ABPI case study library and to national clinical meetings."
        ),
        contacts=(
            "Cardio-diabetes project lead, United Lincolnshire Hospitals NHS Trust; NHS "
            "partnerships team, Boehringer Ingelheim Limited."
        ),
        roles=(
            "The trust designs and runs the clinical service and keeps all patient data. "
            "Boehringer Ingelheim convenes and chairs the steering group, runs the project plan "
            "and helps build the recommissioning case. Only anonymised, aggregated results leave "
            "the trust."
        ),
        certified_on=dt.date(2020, 10, 5),
        published_on=dt.date(2020, 10, 19),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "Diabetes testing of acute coronary syndrome admissions went from 65% to 97%.",
        "Nearly 500 patients were seen by the service.",
        "About 8% of those tested had undiagnosed diabetes; about a quarter had pre-diabetes.",
        "The trust now funds the cardio-diabetes service on a permanent basis.",
    ),
)

HEP_C_U_LATER = ProjectSpec(
    key="apa_hep_c_u_later",
    title="Hep C U Later: hepatitis C testing through drug and alcohol services",
    summary=(
        "Many people who use drug and alcohol services carry hepatitis C without knowing "
        "it. Make testing and referral part of routine care across the alliance's services, "
        "backed by dedicated staff, shared data and clear targets."
    ),
    origin_setting=Setting.SYSTEM,
    therapy_area="Hepatology (hepatitis C)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Alliance leaders, within NHS England's hepatitis C elimination programme",
    lead_org="nhs_apa",
    partner_orgs=("gilead",),
    created_by=lead_email("nhs-apa"),
    planned_start=dt.date(2019, 5, 1),
    planned_end=dt.date(2024, 3, 31),
    actual_start=dt.date(2019, 5, 1),
    actual_end=dt.date(2024, 3, 31),
    executive_summary=Summary(
        rationale=(
            "Hepatitis C rarely shows symptoms before the liver is seriously damaged, yet modern "
            "antivirals cure it. Most infections are linked to injecting drugs, and people who "
            "use drug services often struggle to reach mainstream testing. England aimed to "
            "end hepatitis C as a public health threat earlier than the WHO's 2030 goal."
        ),
        objectives=(
            "Offer a test to everyone using the services; raise testing and referral in every "
            "service; connect positive results to treatment networks; make data consistent "
            "across trusts; help each service reach micro-elimination: everyone offered a test, "
            "90% tested and 90% of those diagnosed starting or finishing treatment."
        ),
        benefits_patients=(
            "More infections found and cured where people already receive care, preventing "
            "cirrhosis, liver cancer and early death."
        ),
        benefits_nhs=(
            "Progress towards national elimination, less future liver disease, and a reliable "
            "picture of testing and treatment across many providers."
        ),
        benefits_industry=(
            "Understanding of testing pathways in drug and alcohol services and a shared stake "
            "in the elimination goal."
        ),
        period="May 2019 to March 2024.",
        financial_arrangements=(
            "Gilead employed regional patient access to care managers and funded NHS-employed "
            "posts: the programme lead, data co-ordinators and analysts. Alliance trusts gave "
            "substantial extra staff time. Values are disclosed on Disclosure UK."
        ),
        publication_plans=(
            "Summary on Gilead's website; programme resources on its own site; outcomes to the "
            "ABPI case study library."
        ),
        contacts=(
            "Hep C U Later programme lead, NHS Addictions Provider Alliance; public health "
            "partnerships team, Gilead Sciences Limited."
        ),
        roles=(
            "Alliance trusts deliver testing and referral and own the data. The programme lead "
            "co-ordinates across regions. Gilead-funded managers train service staff and link "
            "them to treatment networks; Gilead advises on programme management and analytics."
        ),
        certified_on=dt.date(2019, 4, 8),
        published_on=dt.date(2019, 4, 23),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "Over the programme, services across the alliance carried out 46,468 hepatitis C tests.",
        "Annual tests grew from 6,475 (2021/22) to 12,498 (2022/23) and 18,067 (2023/24).",
        "20 of the 46 participating services reached micro-elimination.",
        "NHS England funded the programme for at least one more year after the agreement ended.",
    ),
)

STARRS_GM = ProjectSpec(
    key="him_starrs_gm",
    title="STARRS-GM: targeted asthma reviews in Greater Manchester",
    summary=(
        "Greater Manchester has more asthma, and poorer asthma outcomes, than England overall, "
        "with heavy reliance on reliever inhalers. Use practice records to find the adults at "
        "highest risk and give them a structured review guided by consultation software."
    ),
    origin_setting=Setting.SYSTEM,
    therapy_area="Respiratory (asthma)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="Health Innovation Manchester with local respiratory clinicians",
    lead_org="hi_manchester",
    partner_orgs=("astrazeneca", "lunghealth"),
    created_by=lead_email("hi-manchester"),
    planned_start=dt.date(2021, 12, 1),
    planned_end=dt.date(2022, 12, 31),
    actual_start=dt.date(2021, 12, 1),
    actual_end=dt.date(2022, 12, 31),
    executive_summary=Summary(
        rationale=(
            "Emergency asthma admissions and over-use of short-acting reliever (SABA) inhalers "
            "are higher here than nationally. Four of England's most deprived local authority "
            "areas are in the region, and poor asthma control follows deprivation."
        ),
        objectives=(
            "Find high-risk adults from GP data; review and optimise their care to national and "
            "local guidance; cut SABA over-reliance and unneeded high-dose inhaled steroids; "
            "standardise reviews with LungHealth software and FeNO testing; streamline referral "
            "to severe asthma services; lower the carbon footprint of inhalers."
        ),
        benefits_patients=(
            "Better-controlled asthma, a personal action plan and quicker specialist help for "
            "those with complex disease."
        ),
        benefits_nhs=(
            "Fewer attacks and admissions, more confident practice nurses, evidence to guide "
            "wider rollout, and lower inhaler emissions."
        ),
        benefits_industry=(
            "Evidence of how a data-led review model works in general practice; for LungHealth, "
            "real-world use of its software."
        ),
        period="December 2021 to December 2022.",
        financial_arrangements=(
            "AstraZeneca funded the joint working, including specialist nurses who trained "
            "practice staff, and gave analytics and evaluation support. Health Innovation "
            "Manchester gave project management and clinical leadership. LungHealth supplied "
            "software and training under its own contract with Health Innovation Manchester."
        ),
        publication_plans=(
            "Summary on AstraZeneca's website; evaluation in a peer-reviewed journal; outcomes "
            "to the ABPI case study library."
        ),
        contacts=(
            "Programme manager, Health Innovation Manchester; partnership team, AstraZeneca UK "
            "Limited; implementation lead, LungHealth Ltd."
        ),
        roles=(
            "Health Innovation Manchester runs the programme, chairs the weekly steering group "
            "and recruits and supports practices. AstraZeneca funds training nurses and helps "
            "identify at-risk groups. LungHealth provides the consultation tool and trains "
            "users. A project board takes escalated decisions; there is no three-way contract."
        ),
        certified_on=dt.date(2021, 11, 8),
        published_on=dt.date(2021, 11, 22),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "Over 1,000 adults received an asthma review.",
        "Around 30 practices in five localities used the guided consultation software.",
        "Over 120 clinicians used the asthma MDT sessions and education resources.",
        "Many patients stopped relying on SABA; dry powder inhalers were prescribed more often.",
    ),
)

SKIN_CANCER = ProjectSpec(
    key="lsc_skin_cancer",
    title="Redesigning the urgent skin cancer pathway, Lancashire and South Cumbria",
    summary=(
        "Urgent referrals for suspected skin cancer were climbing every year and too few "
        "patients had an answer within 28 days. Map demand and capacity across the region and "
        "appraise options for teledermoscopy so the cancer alliance can decide what to change."
    ),
    origin_setting=Setting.SYSTEM,
    therapy_area="Oncology (skin cancer)",
    intended_type="cw",
    involves_medicines=False,
    proposed_by="Cancer alliance and ICB service managers",
    lead_org="lsc_cancer_alliance",
    partner_orgs=("sanofi",),
    created_by=lead_email("lsc-cancer-alliance"),
    planned_start=dt.date(2022, 12, 1),
    planned_end=dt.date(2023, 8, 31),
    actual_start=dt.date(2022, 12, 1),
    actual_end=dt.date(2023, 8, 31),
    executive_summary=Summary(
        rationale=(
            "In 2022 just 67% of people urgently referred with suspected skin cancer learned "
            "within 28 days whether they had cancer, against a 75% Faster Diagnosis Standard. "
            "Primary care referrals were growing by 10 to 15% a year, and the system had to plan "
            "its rollout of teledermatology."
        ),
        objectives=(
            "Find where the urgent skin cancer pathway is under most strain, using stakeholder "
            "interviews, a GP survey, referral heat maps and mapping of dermatology provision; "
            "then give the cancer alliance a scored options appraisal of image capture models."
        ),
        benefits_patients=(
            "Faster diagnosis or reassurance, fewer unnecessary hospital referrals, and images "
            "taken nearer home."
        ),
        benefits_nhs=(
            "Evidence for commissioning decisions, less pressure on dermatology and less "
            "unwarranted variation. Patient care is at least maintained throughout."
        ),
        benefits_industry=(
            "A clearer view of the skin cancer pathway and of how its analytics support service "
            "redesign. The project promotes no product."
        ),
        period="December 2022 to August 2023.",
        financial_arrangements=(
            "Sanofi gave a dedicated project manager, interviewing and data analysis, and its "
            "analytics tools. The cancer alliance gave a senior project manager and clinical and "
            "managerial time. GP education videos were funded by a separate Sanofi grant to "
            "Lancashire Teaching Hospitals and sit outside this arrangement."
        ),
        publication_plans=(
            "Summary and outcomes on Sanofi's website; findings reported to the ICB and shared "
            "with the ABPI case study library."
        ),
        contacts=(
            "Senior project manager, Lancashire and South Cumbria Cancer Alliance; NHS "
            "engagement team, Sanofi UK."
        ),
        roles=(
            "The cancer alliance leads, and all service decisions go through the ICB. Sanofi's "
            "project manager supports interviews, mapping and analysis. A steering group meets "
            "monthly to oversee the plan."
        ),
        certified_on=dt.date(2022, 11, 7),
        published_on=dt.date(2022, 11, 21),
    ),
    history=TO_OUTCOMES_PUBLISHED,
    outcomes=(
        "Faster Diagnosis Standard performance went from 67% (Q3 2022/23) to 88% (Q4 2023/24).",
        "All four acute providers in the region now offer teledermoscopy.",
        "One PCN opened a community image capture hub; commissioners plan to scale it up.",
        "Primary care referrals started to fall, reversing the earlier rise.",
    ),
)

KINGS_FUND_CASES: tuple[ProjectSpec, ...] = (
    CARDIO_DIABETES,
    HEP_C_U_LATER,
    STARRS_GM,
    SKIN_CANCER,
)
