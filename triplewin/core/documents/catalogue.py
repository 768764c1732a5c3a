"""The definitions of the framework documents, in the order of the lifecycle.

Labels follow the NHS Confederation/ABPI guidance, so a reader can hold the document against
the template it replaces. The agreement's heads of terms are built from the required-clause
list the agreement app keeps (`heads_of_terms`), so the two never drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from triplewin.core import scoping_guide
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
            (
                F("anticipated_start", "Anticipated start"),
                F("length", "Length"),
                # Worked out from the quarter and the length (calendar quarters).
                F("expected_start", "Expected to start on", required=False),
                F("expected_end", "Expected to end by", required=False),
            ),
        ),
        # Part of what the partners approve (issue 13 item 10).
        SectionSpec(
            "checklist",
            "Classification checklist as answered",
            rows=True,
            required=False,
            empty_text="The checklist had not been answered.",
        ),
        # Each partner's decision is not part of the content it decides on: the document's
        # sign-off record, from the engine, prints it (ADR 0024).
    ),
)

SCOPING = Definition(
    kind="scoping",
    title="Scoping Decision Guide",
    description="The partners' answers to the scoping questions, before any concept is written.",
    # Nobody signs the scoping guide: it is the partners' working record.
    sign_off=SignOff.OWN_APP,
    # One section per part of the guide; the kind leaves out questions on medicines when the
    # project involves none, so each section lists the questions that apply as rows.
    sections=tuple(
        SectionSpec(section.slug, section.title, rows=True) for section in scoping_guide.SECTIONS
    ),
)

CHECKLIST = Definition(
    kind="checklist",
    title="Classification Checklist: Verdict and Reasons",
    description="Whether the project is collaborative or joint working, and why, from the checklist.",
    sign_off=SignOff.OWN_APP,
    sections=(
        SectionSpec(
            "verdict",
            "Verdict",
            (
                F("classification", "Verdict"),
                F("partners", "Kinds of partner"),
                F("answered", "Questions answered"),
            ),
        ),
        SectionSpec(
            "reasons",
            "Reasons",
            rows=True,
            required=False,
            empty_text="The checklist gives no reasons until its questions are answered.",
        ),
        SectionSpec(
            "failed",
            "Red questions not met",
            rows=True,
            required=False,
            empty_text="Every red question answered so far is met.",
        ),
        SectionSpec(
            "unanswered",
            "Red questions still to answer",
            rows=True,
            required=False,
            empty_text="Every red question has been answered.",
        ),
        SectionSpec(
            "amber",
            "Risks to address (amber questions answered No)",
            rows=True,
            required=False,
            empty_text="No amber risk is open.",
        ),
        SectionSpec(
            "alternatives",
            "Other routes to consider",
            rows=True,
            required=False,
            empty_text="None: the project qualifies, or its answers are not complete.",
        ),
        SectionSpec("answers", "Every question as answered", rows=True),
    ),
)

LESSONS = Definition(
    kind="lessons",
    title="Lessons Learned Review",
    description="The after-action review: what was planned, what happened, why, and the lessons.",
    sign_off=SignOff.OWN_APP,
    sections=(
        SectionSpec("entries", "After-action review", rows=True),
        SectionSpec(
            "principles",
            "Latest self-assessment against the principles of effective partnerships",
            rows=True,
            required=False,
            empty_text="The partners have not assessed themselves against the principles yet.",
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
                # Optional, as in the amendments app: an empty answer means no impact, and an
                # approved amendment must not read as unfinished.
                F("impact_timeline", "On the timeline", required=False),
                F("impact_logistics", "On logistics and resources", required=False),
                F("impact_money", "On money", required=False),
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
            "criteria",
            "Success criteria agreed in the PID",
            rows=True,
            required=False,
            empty_text="No success criteria were recorded in the PID.",
        ),
        SectionSpec(
            "kpis",
            "KPI results",
            rows=True,
            required=False,
            empty_text="No KPI shared with every partner has been set.",
            intro=(
                "Each KPI shared with every partner, with its baseline, latest result and "
                "target. KPIs on data not shared with company partners stay on the KPI pages."
            ),
        ),
        SectionSpec(
            "evaluation",
            "Evaluation",
            (F("evaluator", "Who evaluated the project, how independently, and how"),),
        ),
        SectionSpec(
            "transfers",
            "Transfers of value",
            rows=True,
            required=False,
            empty_text="No transfers of value have been recorded for this project.",
            intro="What each company gave each recipient, by calendar year, as disclosed.",
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
