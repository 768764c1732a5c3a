"""The other two King's Fund partnerships (2024), in our own words: asthma reviews in Greater
Manchester and the urgent skin cancer pathway in Lancashire and South Cumbria."""

from __future__ import annotations

from typing import Any

from triplewin.library.seeds.sources import KINGS_FUND

STARRS_GM: dict[str, Any] = {
    "key": "starrs-gm-asthma",
    "title": "STARRS-GM: data-led asthma reviews in Greater Manchester",
    "status": "published",
    "summary": (
        "Health Innovation Manchester, AstraZeneca and LungHealth used GP records to find adults "
        "at highest risk from asthma and gave them a structured review supported by guided "
        "consultation software. More than 1,000 people were reviewed across around 30 practices."
    ),
    "working_type": "jw",
    "setting": "primary",
    "nation": "england",
    "region": "north_west",
    "icb": "NHS Greater Manchester Integrated Care Board",
    "therapy_areas": ["respiratory"],
    "condition": "Asthma",
    "interventions": ["case_finding", "digital_platform", "education", "data_analytics"],
    "inequalities_focus": True,
    "inequalities_how": (
        "Poor asthma control in the region tracks deprivation, and four of England's most "
        "deprived local authority areas are in Greater Manchester. Practices were prioritised by "
        "asthma prevalence and unmet need, and an equality impact assessment was carried out."
    ),
    "start_date": "2021-12-01",
    "end_date": "2022-12-31",
    "background": (
        "Greater Manchester has more asthma than England as a whole, more emergency admissions "
        "than expected and heavy use of short-acting reliever inhalers (SABA), a sign of poorly "
        "controlled disease."
    ),
    "objectives": (
        "Find high-risk adults from practice data and review them against national and local "
        "guidance; reduce over-reliance on SABA and unnecessary high-dose inhaled steroids; "
        "standardise reviews with a computer-guided consultation and FeNO testing; make referral "
        "to severe asthma services quicker; inform any wider rollout of the software; lower the "
        "carbon footprint of inhalers."
    ),
    "what_was_done": (
        "Searches of GP systems flagged people over-using relievers or on high-dose steroids. "
        "About 30 practices in five localities used the LungHealth software for reviews, with "
        "FeNO testing. Practice nurses were trained by specialist nurses, and an asthma MDT for "
        "primary care let GPs and nurses discuss complex cases with the severe asthma service. "
        "Patients received personal action plans, some reviews took place in community pharmacy, "
        "and referral routes to specialist clinics were simplified."
    ),
    "outcomes_narrative": (
        "Many patients had their treatment changed to improve control, including stopping SABA "
        "and, where suitable, moving to maintenance and reliever therapy. Dry powder inhalers were "
        "prescribed more often, cutting emissions."
    ),
    "what_happened_next": "scaled",
    "what_happened_next_detail": (
        "A second phase, under different partnership arrangements, is rolling the software out "
        "to more practices, adding COPD as well as asthma, and introducing remote spirometry."
    ),
    "partners": [
        {
            "sector": "nhs",
            "name": "Health Innovation Manchester",
            "contribution": (
                "Ran the programme and its weekly steering group, gave clinical leadership, "
                "recruited and supported practices and kept the ICB involved."
            ),
        },
        {
            "sector": "industry",
            "name": "AstraZeneca UK Limited",
            "contribution": (
                "Funded the joint working, including specialist training nurses; shared "
                "experience from similar programmes; analytics to find at-risk groups and to "
                "evaluate impact."
            ),
        },
        {
            "sector": "other",
            "name": "LungHealth Ltd",
            "contribution": (
                "Supplied the guided consultation software and training, under its own contract "
                "with Health Innovation Manchester, and helped design the cohorts."
            ),
        },
    ],
    "outcomes": [
        {
            "measure": "Adults given an asthma review",
            "unit": "people",
            "after": 1000,
            "narrative": "More than 1,000.",
        },
        {
            "measure": "Practices using the guided consultation software",
            "unit": "practices",
            "after": 30,
            "narrative": "Around 30, in five localities.",
        },
        {
            "measure": "Clinicians using the asthma MDT and education resources",
            "unit": "clinicians",
            "after": 120,
            "narrative": "More than 120.",
        },
    ],
    "lessons": [
        {
            "barrier": "contracting_time",
            "lesson": "Three partners without a three-way contract need extra care.",
            "how_overcome": (
                "The company contracted with the innovation network, which contracted separately "
                "with the software firm; a project board handled escalations and all three met "
                "weekly to work through differences."
            ),
        },
        {
            "barrier": "trust",
            "lesson": "Some practices will decline because a drug company is involved.",
            "how_overcome": (
                "The innovation network acted as an honest broker, explained the safeguards in "
                "the agreement and the Code, and built confidence through visible delivery."
            ),
        },
        {
            "barrier": "",
            "lesson": "Ask first whether the problem is one the local system actually has.",
            "how_overcome": "Every proposal was tested against the integrated care system's own strategy.",
        },
    ],
    "sources": [
        KINGS_FUND,
        {
            "url": "https://doi.org/10.1038/s41533-023-00329-8",
            "title": "Chakrabarti et al (2023), npj Primary Care Respiratory Medicine",
        },
    ],
}


SKIN_CANCER: dict[str, Any] = {
    "key": "lsc-skin-cancer-pathway",
    "title": "Faster diagnosis on the urgent skin cancer pathway in Lancashire and South Cumbria",
    "status": "published",
    "summary": (
        "The cancer alliance and Sanofi mapped demand and capacity on the urgent suspected skin "
        "cancer pathway and appraised options for teledermoscopy. Performance against the 28-day "
        "Faster Diagnosis Standard rose from 67% to 88%."
    ),
    "working_type": "cw",
    "setting": "system",
    "nation": "england",
    "region": "north_west",
    "icb": "NHS Lancashire and South Cumbria Integrated Care Board",
    "therapy_areas": ["oncology", "dermatology"],
    "condition": "Suspected skin cancer",
    "interventions": ["pathway_redesign", "data_analytics", "service_evaluation", "workforce"],
    "inequalities_focus": False,
    "start_date": "2022-12-01",
    "end_date": "2023-08-31",
    "background": (
        "In 2022 only 67% of people referred urgently with suspected skin cancer heard within 28 "
        "days whether they had cancer, against a standard of 75%. Referrals from general practice "
        "were growing by 10 to 15% a year, and the system also had to decide how to introduce "
        "teledermatology."
    ),
    "objectives": (
        "Understand where the urgent skin cancer pathway is under most pressure and help the "
        "cancer alliance choose and implement improvements: quicker answers for patients, fewer "
        "unnecessary referrals, care nearer home and less unwarranted variation."
    ),
    "what_was_done": (
        "Interviews with GPs, consultants, service and practice managers and commissioners, and a "
        "survey of GPs in a local teledermatology pilot, showed where change mattered most. A "
        "heat map of urgent referrals and an asset map of dermatology provision followed. The "
        "team then scored options for capturing images: instead of GPs photographing lesions in "
        "consultations, image hubs in hospitals and PCN or community sites feed a central triage "
        "team, supported by a procured platform for moving images securely."
    ),
    "outcomes_narrative": (
        "Decisions on the pathway were made on evidence. Teledermoscopy now runs in all four acute "
        "providers, one PCN hosts a community image hub, and urgent referrals from primary care "
        "began to fall."
    ),
    "what_happened_next": "scaled",
    "what_happened_next_detail": (
        "Commissioners are testing the PCN image hub model at larger scale before deciding on a "
        "region-wide rollout."
    ),
    "partners": [
        {
            "sector": "nhs",
            "name": "Lancashire and South Cumbria Cancer Alliance",
            "contribution": "A senior project manager led delivery; clinical and managerial time; formal link to the ICB.",
        },
        {
            "sector": "industry",
            "name": "Sanofi UK",
            "contribution": (
                "A dedicated project manager who arranged and ran interviews and led much of the "
                "analysis; data analysis and presentation tools for the referral and asset maps."
            ),
        },
    ],
    "outcomes": [
        {
            "measure": "Faster Diagnosis Standard met (urgent suspected skin cancer)",
            "unit": "%",
            "before": 67,
            "after": 88,
            "period": "Q3 2022/23 to Q4 2023/24",
        },
        {
            "measure": "Acute providers offering teledermoscopy",
            "unit": "providers",
            "after": 4,
            "narrative": "All four in the region.",
        },
    ],
    "lessons": [
        {
            "barrier": "sustaining",
            "lesson": "Hosting the work inside the cancer alliance gave it a direct line to commissioners.",
            "how_overcome": "Commissioners were informed throughout, so procurement decisions followed the findings.",
        },
        {
            "barrier": "",
            "lesson": "Be ready to drop the first idea when the evidence points elsewhere.",
            "how_overcome": "GP-taken images gave way to image hubs once interviews and mapping showed the hubs would work better.",
        },
        {
            "barrier": "capacity",
            "lesson": "Welcome an industry project manager as a member of the team.",
            "how_overcome": "The NHS lead spent time introducing the company's manager to the pathway and the people in it.",
        },
    ],
    "sources": [KINGS_FUND],
}
