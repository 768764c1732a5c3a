"""The three worked examples in the NHS Confederation and ABPI guidance (2024), in our words.

The guidance describes objectives, methods and outputs but gives no dates, so none are set.
"""

from __future__ import annotations

from typing import Any

from triplewin.library.seeds.sources import ABPI_LIBRARY, GUIDANCE

LOGIC: dict[str, Any] = {
    "key": "logic-copd-hartlepool",
    "title": "LOGIC: proactive COPD care in Hartlepool primary care",
    "status": "published",
    "summary": (
        "Hartlepool Health PCN and AstraZeneca funded specialist COPD nurse time for thorough "
        "reviews and for coaching practice nurses, and moved suitable patients from several "
        "inhalers to a single triple-therapy inhaler as local guidance advises."
    ),
    "working_type": "jw",
    "setting": "primary",
    "nation": "england",
    "region": "north_east_yorkshire",
    "icb": "NHS North East and North Cumbria Integrated Care Board",
    "therapy_areas": ["respiratory"],
    "condition": "Chronic obstructive pulmonary disease (COPD)",
    "interventions": ["case_finding", "education", "workforce"],
    "inequalities_focus": False,
    "background": (
        "Heat maps of COPD prevalence, admissions and prescribing showed Hartlepool doing worse "
        "than elsewhere: COPD was more common than nationally and the PCN had the third highest "
        "COPD admission rate in England. The PCN's clinical pharmacist wanted fewer courses of "
        "oral steroids, and the medicines optimisation pharmacist wanted fewer patients on "
        "multiple inhalers, for environmental and financial reasons."
    ),
    "objectives": (
        "Pay for COPD nurse time to carry out high-quality reviews and supervise practice nurses; "
        "switch suitable patients from multiple-inhaler to single-inhaler triple therapy; find and "
        "review people with combined heart and lung risk; reduce avoidable use of hospital and "
        "other services."
    ),
    "what_was_done": (
        "Specialist nurses reviewed patients and mentored the PCN's nurses. The partners met "
        "fortnightly against the KPIs in the joint working agreement, reported through the NHS "
        "project manager and clinical pharmacist, used a RACI chart for every stakeholder and "
        "agreed a firm exit strategy. Patients were offered education about their condition and "
        "social prescribing."
    ),
    "outcomes_narrative": (
        "COPD outcomes improved and more admissions were prevented. Practice nurses gained skills "
        "through ongoing mentoring, and simpler inhaler regimens cut medicine waste and cost."
    ),
    "what_happened_next": "unknown",
    "partners": [
        {
            "sector": "nhs",
            "name": "Hartlepool Health Primary Care Network",
            "contribution": "Clinical pharmacist, practice nurse and project management time; delivery of reviews; patient data kept by the PCN.",
        },
        {
            "sector": "industry",
            "name": "AstraZeneca UK Limited",
            "contribution": "Funded specialist COPD nurse time and supported evaluation.",
        },
    ],
    "outcomes": [
        {
            "measure": "Hospital admissions for COPD",
            "narrative": "Fewer admissions after proactive reviews.",
        },
        {
            "measure": "Inhaler regimens",
            "narrative": "Patients moved from several inhalers to one, reducing waste and cost.",
        },
    ],
    "lessons": [
        {
            "barrier": "capacity",
            "lesson": "Short, regular meetings against agreed KPIs keep a small team on track.",
            "how_overcome": "Fortnightly meetings with quick responses from every side solved problems as they arose.",
        },
        {
            "barrier": "trust",
            "lesson": "Explain what joint working means in a business-to-business contract.",
            "how_overcome": "The ABPI joint working principles were written into the contract so every party knew its commitments.",
        },
        {
            "barrier": "sustaining",
            "lesson": "Leave skills behind, not just results.",
            "how_overcome": "Specialist nurses mentored practice nurses so the improvement outlasts the funded time.",
        },
    ],
    "sources": [GUIDANCE, ABPI_LIBRARY],
}

SACT_REVIEW: dict[str, Any] = {
    "key": "lsc-sact-pathway-review",
    "title": "Review of the chemotherapy (SACT) pathway in Lancashire and South Cumbria",
    "status": "published",
    "summary": (
        "The oncology team at Royal Preston Hospital, the cancer alliance and Sanofi evaluated how "
        "patients reach systemic anti-cancer therapy, how long they wait and how far they travel, "
        "and gave the trusts an options appraisal; the alliance then funded extra posts."
    ),
    "working_type": "cw",
    "setting": "secondary",
    "nation": "england",
    "region": "north_west",
    "icb": "NHS Lancashire and South Cumbria Integrated Care Board",
    "therapy_areas": ["oncology"],
    "condition": "Systemic anti-cancer therapy (chemotherapy)",
    "interventions": ["service_evaluation", "pathway_redesign", "data_analytics", "workforce"],
    "inequalities_focus": True,
    "inequalities_how": "One aim was equal access to treatment wherever patients live, by reducing unwarranted variation.",
    "background": (
        "Treatment chairs were being used inefficiently and many patients travelled a long way "
        "for chemotherapy. The trust lacked the time and people to study the pathway itself. The "
        "idea came out of two years of conversations between Sanofi and the Preston team: its "
        "oncology pharmacist, the lead chemotherapy nurse, the service manager and the clinical "
        "lead."
    ),
    "objectives": (
        "Evaluate how patients enter the service, how long each step takes and where they are "
        "treated compared with where they live; reduce unwarranted variation; find changes that "
        "improve experience, free capacity and shorten time spent in hospital; produce an options "
        "appraisal so the service can meet future demand."
    ),
    "what_was_done": (
        "Anonymised service data, staff and patient surveys and pathway mapping identified where "
        "time was lost. A governance committee approved the concept and PID, a project plan "
        "assigned every task, and actions were reviewed at each meeting. The contract let either "
        "party stop at the end of any stage."
    ),
    "outcomes_narrative": (
        "The options appraisal pointed to better use of the telephone immuno-oncology service, "
        "keeping chair time for suitable treatments and more pre-assessment capacity so chair "
        "slots are not lost. The cancer alliance funded additional posts."
    ),
    "what_happened_next": "sustained",
    "what_happened_next_detail": "Extra posts in the department were funded by the cancer alliance after the review.",
    "partners": [
        {
            "sector": "nhs",
            "name": "Lancashire Teaching Hospitals NHS Foundation Trust",
            "contribution": "Clinical, nursing, pharmacy and management time; ownership of the data.",
        },
        {
            "sector": "nhs",
            "name": "Lancashire and South Cumbria Cancer Alliance",
            "contribution": "System sponsorship and, afterwards, funding for new posts.",
        },
        {
            "sector": "industry",
            "name": "Sanofi UK",
            "contribution": "Project management and data analysis, working to its collaborative working procedures.",
        },
    ],
    "outcomes": [
        {
            "measure": "Options appraisal delivered to the trust",
            "narrative": "Recommended changes to chair use, telephone follow-up and pre-assessment.",
        },
        {
            "measure": "New posts funded by the cancer alliance",
            "narrative": "Extra staff for the department after the review.",
        },
    ],
    "lessons": [
        {
            "barrier": "capacity",
            "lesson": "Involve several people on each side so the work survives someone leaving.",
            "how_overcome": "When the clinical lead took a sabbatical, the rest of the team kept the project going.",
        },
        {
            "barrier": "contracting_time",
            "lesson": "A one-page explanation of the process helps partners new to collaborative working.",
            "how_overcome": "The company's standard operating procedure, built on the ABPI Code, showed which document was due at each stage.",
        },
        {
            "barrier": "trust",
            "lesson": "Relationships built over time open the door to the right decision-makers.",
            "how_overcome": "Two years of contact meant the clinical lead, nurse, pharmacist and manager were all involved from the start.",
        },
    ],
    "sources": [GUIDANCE],
}

SWAG_PREHAB: dict[str, Any] = {
    "key": "swag-prehabilitation-platform",
    "title": "A shared digital prehabilitation platform for the SWAG Cancer Alliance",
    "status": "published",
    "summary": (
        "MSD helped the Somerset, Wiltshire, Avon and Gloucestershire Cancer Alliance build one "
        "digital platform on nutrition, exercise and wellbeing before and during cancer treatment, "
        "with content agreed by clinicians from all six trusts. Monthly views rose from 140 to 222."
    ),
    "working_type": "cw",
    "setting": "system",
    "nation": "england",
    "region": "south_west",
    "icb": "",
    "therapy_areas": ["oncology"],
    "condition": "Prehabilitation for people with cancer",
    "interventions": ["digital_platform", "pathway_redesign", "education"],
    "inequalities_focus": True,
    "inequalities_how": (
        "A stated aim was to narrow inequalities for underserved groups and people who find "
        "services hard to reach, by giving every patient the same resource wherever they are treated."
    ),
    "background": (
        "How prehabilitation was organised and commissioned varied across the region, so the "
        "help a patient received depended on where they were treated. The idea grew from MSD's "
        "oncology team talking with the commissioning support unit and then the alliance's "
        "prehabilitation lead."
    ),
    "objectives": (
        "Agree standard prehabilitation content with professionals from every trust; reduce "
        "variation in quality across the region; reduce inequalities; help patients build "
        "physical and mental resilience, make informed choices and understand their health."
    ),
    "what_was_done": (
        "A task and finish group with terms of reference gave each of the six trusts an equal "
        "voice. Sub-groups worked on the three pillars of nutrition, exercise and wellbeing. A "
        "core steering team, a project plan with named owners, an action log, a communications "
        "plan for launch and an end-of-project survey of NHS stakeholders kept the work on track."
    ),
    "outcomes_narrative": (
        "The Prehab Hub launched and its use grew month on month. It was shared regionally and "
        "nationally, including through the national Living With and Beyond Cancer team."
    ),
    "what_happened_next": "sustained",
    "what_happened_next_detail": "Prehabilitation is now listed as a regional priority on the cancer alliance's website.",
    "partners": [
        {
            "sector": "nhs",
            "name": "Somerset, Wiltshire, Avon and Gloucestershire (SWAG) Cancer Alliance",
            "contribution": "Clinical expertise from six trusts, the content, and ownership of the platform.",
        },
        {
            "sector": "industry",
            "name": "MSD UK",
            "contribution": "Project management and facilitation of the task and finish groups; medical, legal and business review for Code compliance.",
        },
    ],
    "outcomes": [
        {
            "measure": "Monthly platform views",
            "unit": "views",
            "before": 140,
            "after": 222,
            "period": "August to December 2023",
        },
        {
            "measure": "Monthly platform users",
            "unit": "users",
            "before": 77,
            "after": 138,
            "period": "August to December 2023",
        },
    ],
    "lessons": [
        {
            "barrier": "trust",
            "lesson": "Terms of reference that give every trust parity keep a regional group together.",
            "how_overcome": "Each trust had a representative and the same say in the content.",
        },
        {
            "barrier": "",
            "lesson": "Write the exit route into the agreement before you need it.",
            "how_overcome": "Either party could end the project at any stage, which made it easier for both to commit.",
        },
    ],
    "sources": [GUIDANCE],
}

GUIDANCE_STUDIES: tuple[dict[str, Any], ...] = (LOGIC, SACT_REVIEW, SWAG_PREHAB)
