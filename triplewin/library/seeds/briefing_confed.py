"""The NHS Confederation briefing's examples (2024), in our own words. The briefing rarely
gives dates or names the type of arrangement; where it does not, the fields stay empty."""

from __future__ import annotations

from typing import Any

from triplewin.library.seeds.sources import BRIEFING

WESTON_PARK: dict[str, Any] = {
    "key": "weston-park-remote-consultations",
    "title": "Evaluating remote oncology consultations at Weston Park Cancer Centre",
    "status": "published",
    "summary": (
        "Weston Park Cancer Centre and Bristol Myers Squibb studied what telephone and video "
        "appointments during COVID-19 meant for staff, patients on anti-cancer treatment and safe "
        "care, to shape a lasting outpatient model."
    ),
    "working_type": "jw",
    "setting": "secondary",
    "nation": "england",
    "region": "north_east_yorkshire",
    "icb": "NHS South Yorkshire Integrated Care Board",
    "therapy_areas": ["oncology"],
    "condition": "Non-surgical oncology outpatients",
    "interventions": ["service_evaluation", "digital_platform", "data_analytics"],
    "background": (
        "The pandemic forced many oncology appointments onto the phone or video, but their "
        "effect on patients, staff and the safe delivery of systemic anti-cancer treatment had "
        "not been measured."
    ),
    "objectives": (
        "Evaluate remote and face-to-face appointments for patients on SACT; help design an "
        "end-to-end process for choosing remote or in-person assessment; support sustainable "
        "outpatient services across the network."
    ),
    "what_was_done": (
        "Three workstreams ran side by side: analysis of treatment and follow-up numbers before "
        "and during COVID-19; interviews gathering staff ideas for a post-pandemic pathway; and "
        "staff accounts of how patients experienced each kind of consultation."
    ),
    "outcomes_narrative": (
        "The evaluation set out the gains, losses, risks and safety issues of remote care and the "
        "conditions that help it work; some were already addressed and others were in hand. "
        "Sharing the findings with clinicians locally and nationally has had the widest effect."
    ),
    "what_happened_next": "sustained",
    "what_happened_next_detail": "Findings were presented at local and national forums and are informing clinical practice.",
    "partners": [
        {
            "sector": "nhs",
            "name": "Sheffield Teaching Hospitals NHS Foundation Trust",
            "contribution": "Weston Park's clinical team led and controlled every part of the evaluation.",
        },
        {
            "sector": "industry",
            "name": "Bristol Myers Squibb Pharmaceuticals Limited",
            "contribution": "Help with study design, data entry and analysis, write-up, timelines and dissemination through posters and presentations.",
        },
    ],
    "outcomes": [
        {
            "measure": "Risks and benefits of remote consultations",
            "narrative": "Identified, with the factors that support safe remote care.",
        },
    ],
    "lessons": [
        {
            "barrier": "capacity",
            "lesson": "Share the time-consuming work so clinicians can keep to their day job.",
            "how_overcome": "The partner took on data entry and analysis, which the project lead called invaluable for time management.",
        },
        {
            "barrier": "",
            "lesson": "Staff and patient engagement is what lets you keep the positives and manage the risks.",
            "how_overcome": "The evaluation gathered staff views directly and patients' experience through staff.",
        },
    ],
    "sources": [BRIEFING],
}


BARTS_SHORT_STAY: dict[str, Any] = {
    "key": "barts-short-stay-arthroplasty",
    "title": "Short-stay hip and knee replacement at Barts Health Orthopaedic Centre",
    "status": "published",
    "summary": (
        "Johnson & Johnson helped the orthopaedic centre at Newham Hospital align hip and knee "
        "replacement care with GIRFT through a short-stay pathway. Length of stay held steady "
        "while the centre took on more complex patients."
    ),
    "working_type": "",
    "setting": "secondary",
    "nation": "england",
    "region": "london",
    "icb": "NHS North East London Integrated Care Board",
    "therapy_areas": ["musculoskeletal"],
    "condition": "Total hip and knee arthroplasty",
    "interventions": ["pathway_redesign", "education", "service_evaluation"],
    "inequalities_focus": True,
    "inequalities_how": "Refined protocols opened surgery to more complex (ASA 3) patients who had previously been excluded.",
    "background": (
        "The centre performs around 2,500 planned orthopaedic operations a year in four "
        "theatres. Waits were long and stays after total hip or knee replacement averaged 3.7 "
        "days; enhanced recovery had spread slowly across the UK."
    ),
    "objectives": (
        "Bring practice into line with Getting It Right First Time recommendations; train staff "
        "in new processes for faster discharge; involve one representative from each discipline; "
        "improve information for patients."
    ),
    "what_was_done": (
        "A baseline audit and gap analysis against national guidance steered the work. Barriers "
        "were tackled across 17 departments through 11 key interventions, staff were trained to "
        "common length-of-stay expectations, and patients received new materials."
    ),
    "outcomes_narrative": (
        "Alignment with several GIRFT recommendations improved, staff satisfaction rose, more "
        "hip and knee operations were done, and already high patient satisfaction held or "
        "improved slightly."
    ),
    "what_happened_next": "sustained",
    "what_happened_next_detail": (
        "Monthly root cause analysis of long stays continues, with escalation for anyone not "
        "discharged by the day-two target."
    ),
    "partners": [
        {
            "sector": "nhs",
            "name": "Barts Health NHS Trust",
            "contribution": "The multidisciplinary team across 17 departments owned every clinical change.",
        },
        {
            "sector": "industry",
            "name": "Johnson & Johnson",
            "contribution": (
                "Transformation expertise from earlier short-stay programmes and hands-on "
                "capacity at no extra cost, linked to the centre's NHS Supply Chain arrangements."
            ),
        },
    ],
    "outcomes": [
        {
            "measure": "Average length of stay after hip or knee replacement",
            "unit": "days",
            "before": 3.7,
            "narrative": "Held steady while case mix grew more complex.",
        },
        {
            "measure": "Patients graded ASA 3",
            "unit": "%",
            "before": 0,
            "after": 25,
            "narrative": "Share of more complex patients treated.",
        },
    ],
    "lessons": [
        {
            "barrier": "capacity",
            "lesson": "An outside view plus extra hands can compress years of change into months.",
            "how_overcome": "The partner held up a mirror to current practice and did much of the legwork the NHS team had no time for.",
        },
    ],
    "sources": [BRIEFING],
}


LEICESTER_CKD: dict[str, Any] = {
    "key": "leicester-integrated-ckd",
    "title": "Integrated chronic kidney disease care in Leicester, Leicestershire and Rutland",
    "status": "published",
    "summary": (
        "University Hospitals of Leicester and AstraZeneca risk-graded the local CKD population so "
        "suitable patients could be managed virtually and high-risk ones referred quickly, using "
        "an NHS-owned dashboard under strict data sharing agreements."
    ),
    "working_type": "",
    "setting": "primary",
    "nation": "england",
    "region": "midlands",
    "icb": "NHS Leicester, Leicestershire and Rutland Integrated Care Board",
    "therapy_areas": ["renal"],
    "condition": "Chronic kidney disease (CKD)",
    "interventions": ["case_finding", "data_analytics", "education", "pathway_redesign"],
    "background": (
        "Nearly 10,500 people had diagnosed CKD in East Leicestershire and Rutland (prevalence "
        "3.8%) and nearly 7,700 in Leicester City (2.3%). Kidney disease can progress to failure "
        "and raises cardiovascular and mortality risk, so early diagnosis and risk grading matter."
    ),
    "objectives": (
        "Risk-stratify the city and county CKD population; find more patients who can be managed "
        "virtually; run PCN-level outreach with a multidisciplinary team; cut advice and guidance "
        "requests; expedite high-risk referrals; build primary care pharmacists' confidence in "
        "medication review and prescribing."
    ),
    "what_was_done": (
        "An integrated CKD service used practice data to grade risk, brought specialist "
        "knowledge into primary care and trained clinical pharmacists. A dashboard identified "
        "high-risk cohorts; its data stayed with the NHS and reached the Apollo primary care data "
        "service under a data sharing agreement."
    ),
    "outcomes_narrative": "High-risk groups were identified while patient data stayed under NHS control throughout.",
    "what_happened_next": "unknown",
    "partners": [
        {
            "sector": "nhs",
            "name": "University Hospitals of Leicester NHS Trust",
            "contribution": "Renal specialist time and the integrated CKD service; primary care pharmacists' time through the PCNs.",
        },
        {
            "sector": "industry",
            "name": "AstraZeneca UK Limited",
            "contribution": "Project management to drive the plan and development of the risk dashboard.",
        },
        {
            "sector": "other",
            "name": "Apollo",
            "contribution": "Primary care data extraction service, working under the data sharing agreement.",
        },
    ],
    "outcomes": [
        {
            "measure": "People with diagnosed CKD in scope",
            "unit": "people",
            "after": 18200,
            "narrative": "About 10,500 in East Leicestershire and Rutland and 7,700 in Leicester City.",
        },
    ],
    "lessons": [
        {
            "barrier": "information_governance",
            "lesson": "Robust data sharing agreements were critical to success.",
            "how_overcome": "Agreements were in place before any data moved, setting out exactly who could see what.",
        },
        {
            "barrier": "data_sharing",
            "lesson": "Keep the data with the NHS and share only what each party needs.",
            "how_overcome": "The dashboard is NHS-owned; Apollo receives data under a data sharing agreement.",
        },
        {
            "barrier": "trust",
            "lesson": "Answer the fear that a company will misuse data before anyone raises it.",
            "how_overcome": "Patient data was never shared with AstraZeneca under any circumstances, and partners were told so plainly.",
        },
    ],
    "sources": [BRIEFING],
}


SKIN_ANALYTICS: dict[str, Any] = {
    "key": "skin-analytics-post-referral",
    "title": "AI-supported post-referral skin cancer service across NHS sites",
    "status": "published",
    "summary": (
        "Skin Analytics, a health-tech company, co-designed post-referral pathways with NHS sites "
        "that use artificial intelligence to assess suspected skin cancer, aiming to clear "
        "backlogs without adding face-to-face clinics."
    ),
    "working_type": "",
    "setting": "secondary",
    "nation": "uk",
    "region": "",
    "icb": "",
    "therapy_areas": ["oncology", "dermatology"],
    "condition": "Suspected skin cancer after urgent referral",
    "interventions": ["digital_platform", "pathway_redesign", "education"],
    "background": (
        "More people are seeking review of suspicious skin lesions, yet only 6% of urgent "
        "referrals turn out to be melanoma or squamous cell carcinoma. Rising demand puts "
        "specialist services under pressure to meet cancer diagnosis targets."
    ),
    "objectives": (
        "Reduce the backlog and delays in detecting and treating skin cancer without extra "
        "face-to-face clinics; explore what artificial intelligence can safely do after referral."
    ),
    "what_was_done": (
        "The company and each site designed the pathway together. The company managed "
        "implementation, trained staff in every role on site, supported change management so the "
        "technology was used well, and reported success measures at quarterly business reviews."
    ),
    "outcomes_narrative": "The briefing reports the approach and the obstacles overcome rather than figures.",
    "what_happened_next": "unknown",
    "partners": [
        {
            "sector": "nhs",
            "name": "NHS trusts at several sites",
            "contribution": "Clinical teams, clinical safety officers and the host pathway.",
        },
        {
            "sector": "industry",
            "name": "Skin Analytics",
            "contribution": "Pathway co-design, project management, on-site training, change management and reporting.",
        },
    ],
    "outcomes": [
        {
            "measure": "Urgent skin referrals that prove to be melanoma or squamous cell carcinoma",
            "unit": "%",
            "before": 6,
            "narrative": "The scale of demand the service set out to manage.",
        },
    ],
    "lessons": [
        {
            "barrier": "contracting_time",
            "lesson": "Find the people who must sign off, such as clinical safety officers, at the very start.",
            "how_overcome": "Learning from earlier sites, the company now identifies these stakeholders early to avoid later delays.",
        },
        {
            "barrier": "information_governance",
            "lesson": "Teams new to clinical risk management need a worked route through it.",
            "how_overcome": (
                "The company shares NHS guidance on completing DCB0160 and explains it, while "
                "leaving the provider to complete it."
            ),
        },
    ],
    "sources": [BRIEFING],
}
