"""The definitions of the framework documents, in the order of the lifecycle.

Labels follow the NHS Confederation/ABPI guidance, so a reader can hold the document against
the template it replaces. The agreement's heads of terms are built from the required-clause
list the agreement app keeps (`heads_of_terms`), so the two never drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from triplewin.core.documents.definitions import Definition, FieldSpec, SectionSpec, SignOff

F = FieldSpec

CONCEPT = Definition(
    kind="concept",
    title="Project Concept Framework",
    description="The idea as every partner approved it: purpose, objectives, benefits, budget.",
    sign_off=SignOff.OWN_APP,
    sections=(
        SectionSpec("partners", "Partner organisations and key stakeholders", rows=True),
        SectionSpec(
            "purpose",
            "Purpose and objectives",
            (F("purpose_background", "Purpose and background"), F("objectives", "Objectives")),
        ),
        SectionSpec(
            "benefits",
            "Intended benefits",
            (
                F("benefit_patients", "To patients"),
                F("benefit_nhs", "To the NHS"),
                F("benefit_industry", "To industry"),
                F("expected_prescribing_effect", "Expected effect on prescribing"),
            ),
        ),
        SectionSpec("contributions", "Budget and resource impact on each party", rows=True),
        SectionSpec(
            "timing",
            "Timing",
            (F("anticipated_start", "Anticipated start"), F("length", "Length")),
        ),
        # Part of what the partners approve (issue 13 item 10).
        SectionSpec(
            "checklist",
            "Classification checklist as answered",
            rows=True,
            required=False,
            empty_text="The checklist had not been answered.",
        ),
        SectionSpec(
            "decisions",
            "Decision of each partner",
            rows=True,
            required=False,
            empty_text="No partner has decided on this version yet.",
        ),
    ),
)

PID = Definition(
    kind="pid",
    title="Project Initiation Document",
    description="Outcomes, governance, team, contributions, plans and exit strategy.",
    sign_off=SignOff.OWN_APP,
    # The PID's sections come from the PID app's own assembly, section by section.
    sections=(),
)

EXECUTIVE_SUMMARY = Definition(
    kind="summary",
    title="Executive Summary",
    description="Published on the industry partner's website before the project starts.",
    sign_off=SignOff.OWN_APP,
    sections=(
        SectionSpec("title", "Project", (F("title", "Title"), F("period", "Project period"))),
        SectionSpec("rationale", "Rationale", (F("rationale", "Rationale"),)),
        SectionSpec(
            "objectives",
            "Objectives and intended benefits",
            (
                F("objectives", "Objectives"),
                F("benefits_patients", "Benefits to patients"),
                F("benefits_nhs", "Benefits to the NHS"),
                F("benefits_industry", "Benefits to industry"),
            ),
        ),
        SectionSpec(
            "arrangements",
            "Arrangements",
            (
                F("financial_arrangements", "Financial arrangements"),
                F("publication_plans", "Publication plans"),
            ),
        ),
        SectionSpec(
            "people",
            "Contacts, roles and responsibilities",
            (F("contacts", "Accountable contacts"), F("roles", "Roles and responsibilities")),
        ),
    ),
)

AMENDMENT = Definition(
    kind="amendment",
    title="Project Amendment",
    description="What changed from the PID, and its impact on timeline, logistics and money.",
    sign_off=SignOff.OWN_APP,
    per_subject=True,
    sections=(
        SectionSpec(
            "amendment",
            "The amendment",
            (
                F("title", "What the amendment is about"),
                F("reason", "Why the change is needed"),
                F("submitted_on", "Submitted on", required=False),
                F("base_version", "PID version amended", required=False),
            ),
        ),
        SectionSpec("changes", "Changes to the PID", rows=True),
        SectionSpec(
            "impact",
            "Impact",
            (
                F("impact_timeline", "On the timeline"),
                F("impact_logistics", "On logistics and resources"),
                F("impact_money", "On money"),
            ),
        ),
        SectionSpec(
            "contract",
            "The agreement",
            (F("contract_changes", "What changes in the agreement", required=False),),
        ),
    ),
)

OUTCOMES = Definition(
    kind="outcomes",
    title="Summary of Project Outcomes",
    description="What the partnership achieved, published within six months of completion.",
    sign_off=SignOff.OWN_APP,
    sections=(
        SectionSpec(
            "project",
            "The project",
            (F("partners", "Partners"), F("duration", "Duration"), F("overview", "Overview")),
        ),
        SectionSpec(
            "outcomes",
            "Outcomes",
            (
                F("results", "Results against the success criteria"),
                F("outcomes_patients", "For patients"),
                F("outcomes_nhs", "For the NHS"),
                F("outcomes_industry", "For industry"),
            ),
        ),
        SectionSpec(
            "partnership",
            "The partnership",
            (
                F("shared_vision", "Was the shared vision sustained?"),
                F("contributions", "Did every party contribute as agreed?"),
                F("benefits", "How did each party benefit?"),
                F("relationships", "Were relationships and trust maintained?"),
            ),
        ),
        SectionSpec(
            "future",
            "Sustainability and scaling",
            (
                F("business_case", "Business case and commissioning"),
                F("scaling", "Readiness to scale"),
                F("conclusions", "Conclusions and learnings"),
            ),
        ),
        SectionSpec(
            "evaluation",
            "Evaluation",
            (F("evaluator", "Who evaluated the project, how independently, and how"),),
        ),
    ),
)

MINUTES = Definition(
    kind="minutes",
    title="Minutes",
    description="Agenda, attendance, declarations of interest, decisions and actions.",
    sign_off=SignOff.OWN_APP,
    per_subject=True,
    sections=(
        SectionSpec(
            "meeting",
            "The meeting",
            (F("title", "Meeting"), F("date", "Date"), F("location", "Location", required=False)),
        ),
        SectionSpec("attendance", "Attendance", rows=True),
        SectionSpec(
            "declarations",
            "Declarations of interest",
            rows=True,
            required=False,
            empty_text="No interests were declared.",
        ),
        SectionSpec(
            "agenda",
            "Agenda",
            rows=True,
            required=False,
            empty_text="No agenda items were recorded.",
        ),
        SectionSpec(
            "decisions",
            "Decisions",
            rows=True,
            required=False,
            empty_text="No decisions were recorded.",
        ),
        SectionSpec(
            "actions", "Actions", rows=True, required=False, empty_text="No actions were recorded."
        ),
        SectionSpec("notes", "Notes", (F("notes", "Notes for the minutes", required=False),)),
    ),
)

STATUS_REPORT = Definition(
    kind="status-report",
    title="Status Report",
    description="Delivery status for the steering committee: RAG, milestones, risks, issues.",
    sign_off=SignOff.DOCUMENTS,
    sections=(
        SectionSpec(
            "status",
            "Overall status",
            (F("stage", "Stage"), F("rag", "RAG status"), F("kpis", "KPIs", required=False)),
        ),
        SectionSpec("milestones", "Milestones", rows=True),
        SectionSpec(
            "risks", "Open risks", rows=True, required=False, empty_text="No risks are open."
        ),
        SectionSpec(
            "issues", "Open issues", rows=True, required=False, empty_text="No issues are open."
        ),
        SectionSpec(
            "actions", "Open actions", rows=True, required=False, empty_text="No actions are open."
        ),
    ),
)


def heads_of_terms(clauses: Iterable[tuple[str, str, str]]) -> Definition:
    """The agreement's heads of terms: the parties, then one section per required clause.

    `clauses` are (field, name, plain-English purpose) in the order the agreement lists them.
    """
    return Definition(
        kind="agreement",
        title="Collaborative/Joint Working Agreement: Heads of Terms",
        description="Heads of terms a legal team can start the contract from.",
        sign_off=SignOff.DOCUMENTS,
        sections=(
            SectionSpec("parties", "Parties", rows=True),
            *(
                SectionSpec(f"clause-{field}", name, (F(field, name),), intro=purpose)
                for field, name, purpose in clauses
            ),
        ),
    )
