"""The ABPI article's examples of partnership working, in our own words. The article gives
no dates, and for the Welsh example no partners; those fields stay empty."""

from __future__ import annotations

from typing import Any

from triplewin.library.seeds.sources import ABPI_ARTICLE

LEEDS_RHEUMATOLOGY: dict[str, Any] = {
    "key": "leeds-remote-rheumatology",
    "title": "Remote monitoring for people with inflammatory arthritis in Leeds",
    "status": "published",
    "summary": (
        "Leeds Teaching Hospitals and Novartis set up the city's first remote monitoring pathway "
        "in rheumatology: a self-management tool designed with patients and a nurse and consultant "
        "team who respond when someone needs advice."
    ),
    "working_type": "",
    "setting": "secondary",
    "nation": "england",
    "region": "north_east_yorkshire",
    "icb": "NHS West Yorkshire Integrated Care Board",
    "therapy_areas": ["rheumatology", "musculoskeletal"],
    "condition": "Inflammatory arthritis",
    "interventions": ["digital_platform", "pathway_redesign"],
    "background": "Clinics were full and people whose arthritis flared could wait for the next routine slot.",
    "objectives": (
        "Co-design a digital self-management tool with patients; create an advice team of "
        "rheumatology nurses and consultants; move routine follow-up to remote monitoring where "
        "it is safe."
    ),
    "what_was_done": "The tool and the advice team were built together with patients to form an entirely new service.",
    "outcomes_narrative": "People with arthritis reached care sooner when they needed it, and clinic capacity improved.",
    "what_happened_next": "unknown",
    "partners": [
        {
            "sector": "nhs",
            "name": "Leeds Teaching Hospitals NHS Trust",
            "contribution": "Rheumatology nurses and consultants, and the service itself.",
        },
        {
            "sector": "industry",
            "name": "Novartis Pharmaceuticals UK Limited",
            "contribution": "Support for designing the service and its digital tool.",
        },
    ],
    "outcomes": [
        {
            "measure": "Time to care when arthritis changes",
            "narrative": "Earlier care for people struggling with their arthritis.",
        },
        {
            "measure": "Clinic capacity",
            "narrative": "Improved, with slots kept for those who need to be seen.",
        },
    ],
    "lessons": [
        {
            "barrier": "",
            "lesson": "Design digital tools with the patients who will use them.",
            "how_overcome": "Patients helped develop the self-management tool from the start.",
        },
    ],
    "sources": [ABPI_ARTICLE],
}


DONT_WAIT_TO_ANTICOAGULATE: dict[str, Any] = {
    "key": "dont-wait-to-anticoagulate",
    "title": "Don't wait to anticoagulate: stroke prevention in atrial fibrillation, Gloucestershire",
    "status": "published",
    "summary": (
        "Bayer joined the West of England's academic health science network (now Health "
        "Innovation West of England), the county's clinical commissioning group and others to help "
        "GP practices find people with atrial fibrillation at high risk of stroke and treat them in "
        "line with guidance. An estimated 13 strokes were prevented in 12 weeks."
    ),
    "working_type": "jw",
    "setting": "primary",
    "nation": "england",
    "region": "south_west",
    "icb": "NHS Gloucestershire Integrated Care Board",
    "therapy_areas": ["cardiovascular"],
    "condition": "Atrial fibrillation and stroke prevention",
    "interventions": ["case_finding", "education"],
    "background": (
        "Atrial fibrillation is a major cause of stroke and anticoagulation cuts the risk sharply, "
        "yet many high-risk patients in general practice were untreated or on antiplatelets alone."
    ),
    "objectives": (
        "Increase appropriate anticoagulation among high-risk patients; reduce the number on no "
        "treatment or antiplatelets only; build practices' improvement skills and prescribers' "
        "confidence."
    ),
    "what_was_done": (
        "Practices were supported to search their registers, review patients at risk and share "
        "decisions about treatment, with quality improvement help from the network."
    ),
    "outcomes_narrative": "The programme was estimated to have prevented 13 strokes over 12 weeks.",
    "what_happened_next": "unknown",
    "partners": [
        {
            "sector": "nhs",
            "name": "Health Innovation West of England",
            "contribution": "Then the West of England AHSN: programme management and quality improvement support.",
        },
        {
            "sector": "nhs",
            "name": "NHS Gloucestershire Integrated Care Board",
            "contribution": "Then Gloucestershire CCG: clinical leadership and practice engagement.",
        },
        {
            "sector": "industry",
            "name": "Bayer plc",
            "contribution": "Contribution to the joint working programme.",
        },
    ],
    "outcomes": [
        {
            "measure": "Strokes estimated to have been prevented",
            "unit": "strokes",
            "after": 13,
            "period": "12 weeks",
        },
    ],
    "lessons": [],
    "sources": [ABPI_ARTICLE],
}


WALES_HEAD_AND_NECK: dict[str, Any] = {
    "key": "wales-head-and-neck-diagnostics",
    "title": "Faster head and neck cancer diagnostics in a Welsh health board",
    "status": "published",
    "summary": (
        "A collaborative working project in a health board in Wales cut the turnaround time of "
        "diagnostic tests for head and neck cancer by 32%, an example of work whose main benefit "
        "is to the health service while patient care is at least maintained."
    ),
    "working_type": "cw",
    "setting": "secondary",
    "nation": "wales",
    "region": "",
    "icb": "",
    "therapy_areas": ["oncology"],
    "condition": "Head and neck cancer",
    "interventions": ["pathway_redesign"],
    "background": "The ABPI cites this project to show how collaborative working can target service efficiency, such as waiting times.",
    "objectives": "Shorten the turnaround time of diagnostic tests for suspected head and neck cancer.",
    "what_was_done": "The public account does not describe the method or name the partners.",
    "outcomes_narrative": "Diagnostic test turnaround times fell by 32%.",
    "what_happened_next": "unknown",
    "partners": [
        {"sector": "nhs", "name": "A health board in Wales (not named in the source)"},
        {"sector": "industry", "name": "A pharmaceutical company (not named in the source)"},
    ],
    "outcomes": [
        {"measure": "Reduction in diagnostic test turnaround time", "unit": "%", "after": 32},
    ],
    "lessons": [],
    "sources": [ABPI_ARTICLE],
}
