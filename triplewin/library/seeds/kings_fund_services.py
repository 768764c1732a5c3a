"""Two of the four partnerships The King's Fund examined in depth (2024), in our own words:
a hospital service in Lincolnshire and a national programme in drug and alcohol services."""

from __future__ import annotations

from typing import Any

from triplewin.library.seeds.sources import ABPI_LIBRARY, KINGS_FUND

CARDIO_DIABETES: dict[str, Any] = {
    "key": "ulht-cardio-diabetes",
    "title": "Cardio-diabetes service after acute coronary syndrome in Lincolnshire",
    "status": "published",
    "summary": (
        "A Lincolnshire hospital trust and Boehringer Ingelheim built a joint cardiology and "
        "diabetes service so that every heart attack admission is checked for diabetes and "
        "leaves with one plan for both conditions. Testing rose from 65% to 97% and the trust "
        "now funds the service itself."
    ),
    "working_type": "jw",
    "setting": "secondary",
    "nation": "england",
    "region": "midlands",
    "icb": "NHS Lincolnshire Integrated Care Board",
    "therapy_areas": ["cardiovascular", "diabetes"],
    "condition": "Type 2 diabetes after acute coronary syndrome",
    "interventions": ["pathway_redesign", "case_finding", "education", "workforce"],
    "inequalities_focus": False,
    "start_date": "2020-11-01",
    "end_date": "2023-09-30",
    "background": (
        "About one in three Lincolnshire residents with diabetes also has recorded heart or "
        "circulatory disease, above the average for England. Clinicians at United Lincolnshire "
        "Hospitals saw that people admitted with a heart attack or unstable angina often went "
        "home untested for diabetes, and that the two specialties rarely planned care together "
        "even though the same patients kept coming back to both."
    ),
    "objectives": (
        "Test HbA1c in everyone admitted with acute coronary syndrome; find undiagnosed diabetes "
        "and pre-diabetes; bring cardiology and diabetes teams together on the ward and in "
        "clinic; optimise glucose, lipid and blood pressure treatment in line with current "
        "guidelines; cut repeat cardiac events and unplanned admissions."
    ),
    "what_was_done": (
        "An audit of current care came first. The trust then added routine HbA1c testing on "
        "admission, joint ward reviews by both specialties, a weekly cardio-diabetes "
        "multidisciplinary meeting and a combined clinic that sees each patient with diabetes "
        "within three months of discharge. GPs receive a single written plan covering both "
        "conditions, people with pre-diabetes are referred to the national prevention "
        "programme, and cardiac practitioners and diabetes nurses trained each other."
    ),
    "outcomes_narrative": (
        "Close to 500 patients were seen. Early clinical data point to fewer acute kidney "
        "injuries, heart failure admissions, repeat coronary events and deaths, with savings "
        "from avoided complications. Patients and GPs welcomed having one joined-up plan."
    ),
    "what_happened_next": "sustained",
    "what_happened_next_detail": (
        "The trust funds the service permanently. Its operating procedures are part of normal "
        "practice and feed into local heart failure and community diabetes pathways, and the "
        "national Getting It Right First Time team points other trusts to it as good practice."
    ),
    "partners": [
        {
            "sector": "nhs",
            "name": "United Lincolnshire Hospitals NHS Trust",
            "contribution": (
                "Consultants, specialist nurses and advanced practitioners from both specialties "
                "designed and ran the service; the trust employed a clinical research fellow to "
                "manage it day to day and evaluate it."
            ),
        },
        {
            "sector": "industry",
            "name": "Boehringer Ingelheim Limited",
            "contribution": (
                "Part-funded the fellow post; convened and chaired the steering group; helped "
                "with set-up, contracting and sign-off; health economics support to build the "
                "recommissioning case; communications and links with the ICB and primary care."
            ),
        },
    ],
    "outcomes": [
        {
            "measure": "Acute coronary syndrome admissions tested for diabetes",
            "unit": "%",
            "before": 65,
            "after": 97,
            "period": "2020 to 2023",
        },
        {
            "measure": "Patients seen by the service",
            "unit": "patients",
            "after": 500,
            "narrative": "Close to 500 by the time of the evaluation.",
        },
        {
            "measure": "Tested patients found to have undiagnosed diabetes",
            "unit": "%",
            "after": 8,
            "narrative": "A further quarter had pre-diabetes.",
        },
    ],
    "lessons": [
        {
            "barrier": "sustaining",
            "lesson": "Plan the business case from the first day, not the last.",
            "how_overcome": (
                "The company's value and outcomes specialists helped the trust collect the data "
                "its board needed, and senior leaders who would fund the service were engaged "
                "throughout; the trust took over the funding when the partnership ended."
            ),
        },
        {
            "barrier": "capacity",
            "lesson": "A dedicated post turns clinicians' ideas into a running service.",
            "how_overcome": (
                "The part-funded clinical fellow carried the daily management and evaluation "
                "that busy consultants could not."
            ),
        },
        {
            "barrier": "contracting_time",
            "lesson": "Help with paperwork speeds up a first partnership.",
            "how_overcome": (
                "The industry partner drafted supporting documents and guided the trust through "
                "contracting and internal sign-off."
            ),
        },
    ],
    "sources": [KINGS_FUND, ABPI_LIBRARY],
}


HEP_C_U_LATER: dict[str, Any] = {
    "key": "nhs-apa-hep-c-u-later",
    "title": "Hep C U Later: hepatitis C testing in drug and alcohol services",
    "status": "published",
    "summary": (
        "The NHS Addictions Provider Alliance and Gilead made hepatitis C testing and referral "
        "routine across community drug and alcohol services. Over five years 46,468 tests were "
        "done and 20 of 46 services reached micro-elimination."
    ),
    "working_type": "jw",
    "setting": "community",
    "nation": "england",
    "region": "several",
    "icb": "",
    "therapy_areas": ["hepatology", "mental_health"],
    "condition": "Hepatitis C in people who use drug and alcohol services",
    "interventions": ["case_finding", "data_analytics", "workforce", "education"],
    "inequalities_focus": True,
    "inequalities_how": (
        "Hepatitis C falls hardest on people in deprived areas and on people who inject drugs, "
        "who often cannot reach mainstream testing. Testing was taken to the services they "
        "already use, with outreach tailored locally, including for people who are homeless."
    ),
    "start_date": "2019-05-01",
    "end_date": "2024-03-31",
    "background": (
        "Hepatitis C can damage the liver silently for years, yet antiviral tablets now cure it. "
        "Most infections in England are linked to injecting drugs. England set out to eliminate "
        "the virus as a public health threat ahead of the World Health Organization's 2030 goal, "
        "and drug and alcohol services are where many of the people affected can be reached. "
        "The alliance's trusts serve more than 49,000 people, about 35% of those in treatment."
    ),
    "objectives": (
        "Offer every service user a hepatitis C test; raise testing and referral in each service; "
        "connect positive results to treatment networks; make testing data consistent across "
        "trusts; help each service meet the micro-elimination standard: everyone offered a test, "
        "90% tested and 90% of those diagnosed starting or finishing treatment."
    ),
    "what_was_done": (
        "Regional patient access to care managers championed the work, trained local teams and "
        "linked services with the networks that treat hepatitis C. Targets and live monitoring "
        "were set for every service. Data co-ordinators improved how services recorded tests, "
        "referrals and treatment so the alliance had one picture. Campaigns, handbooks, posters "
        "and a stigma toolkit were produced, and the work fed into standards for blood-borne virus "
        "care across the whole drug treatment sector."
    ),
    "outcomes_narrative": (
        "Testing climbed every year, and so did the numbers treated and cured. Data on tests, "
        "referrals and treatment became comparable across providers."
    ),
    "what_happened_next": "recommissioned",
    "what_happened_next_detail": (
        "When the joint working agreement ended in March 2024, NHS England commissioned the "
        "programme for at least another year within its national elimination programme. What "
        "follows is less certain because responsibility is split between ICBs, local authorities "
        "and specialised commissioning."
    ),
    "partners": [
        {
            "sector": "nhs",
            "name": "NHS Addictions Provider Alliance",
            "contribution": (
                "Member trusts delivered testing and referral, owned the data and led several "
                "workstreams with their own staff."
            ),
        },
        {
            "sector": "industry",
            "name": "Gilead Sciences Limited",
            "contribution": (
                "Employed the patient access to care managers and funded NHS-employed posts: the "
                "programme lead, data co-ordinators and analysts; programme management, analytics "
                "and convening of drug service providers."
            ),
        },
        {
            "sector": "other",
            "name": "The Hepatitis C Trust",
            "contribution": "Helped design the interventions around service users, with people with lived experience.",
        },
    ],
    "outcomes": [
        {
            "measure": "Hepatitis C tests carried out",
            "unit": "tests",
            "after": 46468,
            "period": "2019 to 2024",
        },
        {
            "measure": "Tests per year",
            "unit": "tests",
            "before": 6475,
            "after": 18067,
            "period": "2021/22 to 2023/24",
            "narrative": "12,498 in the year between.",
        },
        {
            "measure": "Services at micro-elimination",
            "unit": "services",
            "after": 20,
            "narrative": "20 of the 46 participating services; many others were close.",
        },
    ],
    "lessons": [
        {
            "barrier": "sustaining",
            "lesson": "Bring future commissioners in early, especially where commissioning is split.",
            "how_overcome": (
                "National funding bridged the gap after the agreement; partners reflected that "
                "earlier work with ICBs and local authorities would have helped."
            ),
        },
        {
            "barrier": "data_sharing",
            "lesson": "Measure outcomes, not just activity, across every provider.",
            "how_overcome": (
                "Funded data co-ordinators standardised recording across trusts and linked "
                "testing with treatment data for a whole-pathway view."
            ),
        },
        {
            "barrier": "trust",
            "lesson": "Start from what the services say they need, not from a ready-made solution.",
            "how_overcome": (
                "The company asked providers what would let them test everyone and built the "
                "programme around their answers; only a handful of services declined to take part."
            ),
        },
    ],
    "sources": [
        KINGS_FUND,
        {
            "url": "https://www.hepculater.com/resources",
            "title": "Hep C U Later programme resources",
        },
    ],
}
