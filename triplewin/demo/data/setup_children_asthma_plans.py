"""The children's asthma project's five set-up plans: stakeholders, communications, data,
patient engagement and RACI. Every data item AstraZeneca sees is anonymised and aggregated.
"""

from __future__ import annotations

from triplewin.demo.data.setup_types import PlanEntries

PLANS: PlanEntries = {
    "stakeholders": (
        {
            "name": "Practice nurses and GPs in the five priority PCNs",
            "scope": "external",
            "impacted": True,
            "can_help_or_block": True,
            "to_involve": True,
            "notes": "They carry out the reviews, so their time and goodwill decide the result.",
        },
        {
            "name": "Children's respiratory team at Lincoln County and Pilgrim hospitals",
            "scope": "internal",
            "impacted": True,
            "to_involve": True,
            "notes": "Hosts the nurse trainers and takes urgent referrals.",
        },
        {
            "name": "Parents and carers of children with asthma",
            "scope": "external",
            "impacted": True,
            "to_involve": True,
            "notes": "Reached through the parents' panel and the practices.",
        },
        {
            "name": "School nursing teams",
            "scope": "external",
            "can_help_or_block": True,
            "to_keep_informed": True,
        },
        {
            "name": "Community pharmacies",
            "scope": "external",
            "can_help_or_block": True,
            "to_keep_informed": True,
            "notes": "Inhaler technique checks when families collect prescriptions.",
        },
        {
            "name": "ICB children and young people's programme board",
            "scope": "internal",
            "can_help_or_block": True,
            "to_keep_informed": True,
        },
    ),
    "communications": (
        {
            "audience": "Practices in the priority PCNs",
            "message": (
                "What a structured review involves, how the at-risk list is made and how to "
                "book a nurse trainer visit."
            ),
            "channel": "PCN clinical leads' meeting and the ICB practice bulletin",
            "timing": "At launch, then monthly",
            "owner": "ICB programme lead",
        },
        {
            "audience": "Parents and carers",
            "message": (
                "Why their child is invited to a review and what to bring: every inhaler and "
                "spacer they use."
            ),
            "channel": "Letter and text message from the practice, in wording the team agreed",
            "timing": "When a child is invited",
            "owner": "Each practice",
        },
        {
            "audience": "Steering and governance committees",
            "message": "Progress against the review target, risks and decisions needed.",
            "channel": "Highlight report",
            "timing": "Monthly",
            "owner": "AstraZeneca programme manager",
        },
        {
            "audience": "The public",
            "message": "What the partnership is for, and later what it achieved.",
            "channel": "Triple Win public register and the partners' websites",
            "timing": "Before the start, and within six months of the end",
            "owner": "ICB and AstraZeneca partnership leads",
        },
    ),
    "data": (
        {
            "what": "Children on each practice's at-risk list",
            "source": "GP clinical systems",
            "collected_by": "ICB population health analyst",
            "frequency": "Monthly",
            "controller": "NHS Lincolnshire Integrated Care Board",
            "sharing_basis": "not_shared",
            "dpia": "signed_off",
        },
        {
            "what": "Reviews completed and action plans issued, by PCN",
            "source": "Practice asthma review template",
            "collected_by": "ICB population health analyst",
            "frequency": "Monthly",
            "controller": "NHS Lincolnshire Integrated Care Board",
            "sharing_basis": "dsa",
            "sharing_reference": "Children's asthma data sharing agreement",
            "dpia": "signed_off",
            "shared_with_company": True,
            "anonymised": True,
            "aggregated": True,
        },
        {
            "what": "Emergency asthma admissions of under-18s",
            "source": "Hospital admissions data",
            "collected_by": "ICB population health analyst",
            "frequency": "Quarterly",
            "controller": "NHS Lincolnshire Integrated Care Board",
            "sharing_basis": "dsa",
            "sharing_reference": "Children's asthma data sharing agreement",
            "dpia": "signed_off",
            "shared_with_company": True,
            "anonymised": True,
            "aggregated": True,
        },
        {
            "what": "Reliever inhaler prescriptions per child",
            "source": "NHS prescribing data",
            "collected_by": "ICB medicines optimisation team",
            "frequency": "Quarterly",
            "controller": "NHS Lincolnshire Integrated Care Board",
            "sharing_basis": "mou",
            "sharing_reference": "ICB and AstraZeneca memorandum of understanding on prescribing counts",
            "dpia": "signed_off",
            "shared_with_company": True,
            "anonymised": True,
            "aggregated": True,
        },
    ),
    "patient-engagement": (
        {
            "kind": "pathway_mapping",
            "description": (
                "Walk through the path from an asthma attack to the next routine review with "
                "parents, school nurses and practice staff, to find where children are lost."
            ),
            "timing": "First two months",
        },
        {
            "kind": "representation",
            "description": (
                "Recruit the parents' panel from the coastal towns and urban wards with the "
                "most admissions, with interpreters where families need them."
            ),
            "timing": "Before the first reviews",
        },
        {
            "kind": "patient_stories",
            "description": (
                "Three families describe, with consent, what changed after a review. Used in "
                "staff training only, never in company materials."
            ),
            "timing": "Months 6 to 9",
        },
        {
            "kind": "feedback",
            "description": (
                "A short survey of parents and young people after each review, and a closing "
                "session with the panel."
            ),
            "timing": "Throughout, with the closing session at month 12",
        },
    ),
    "raci": (
        {
            "activity": "Produce the monthly at-risk lists",
            "responsible": "ICB population health analyst",
            "accountable": "ICB programme lead",
            "consulted": "Practices",
            "informed": "Steering committee",
        },
        {
            "activity": "Recruit and manage the nurse trainers",
            "responsible": "Trust children's respiratory team",
            "accountable": "Trust paediatric clinical lead",
            "consulted": "ICB programme lead",
            "informed": "Steering committee",
        },
        {
            "activity": "Carry out structured reviews",
            "responsible": "Practice nurses, supported by the nurse trainers",
            "accountable": "PCN clinical directors",
            "consulted": "Trust asthma nurse specialist",
            "informed": "ICB programme lead",
        },
        {
            "activity": "Quarterly evaluation report",
            "responsible": "AstraZeneca analytics, from aggregated data only",
            "accountable": "ICB programme lead",
            "consulted": "Health Innovation East Midlands",
            "informed": "All three governance committees",
        },
    ),
    "evaluation": (
        {
            "evaluator": "ICB population health analyst, reviewed by a university partner",
            "independence": "nhs_partner",
            "methods": "Before-and-after comparison of reviews, admissions and reliever use.",
            "reporting": "Quarterly to the project team; final report at the end",
        },
    ),
}
