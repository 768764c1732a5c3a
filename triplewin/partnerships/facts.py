"""Builds the plain-Python ProjectFacts that the rules engine reads."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model
from django.utils import timezone

from triplewin.concept.models import ConceptFramework
from triplewin.concept.selectors import approval_state, missing_parts
from triplewin.core import scoping_guide
from triplewin.core.checklist import Parties, upgrade_answers
from triplewin.core.lifecycle import State
from triplewin.core.rules import PartnerFact, ProjectFacts
from triplewin.core.rules.facts import parties_of
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.organisations.models import OrgType
from triplewin.partnerships.models import Project, ProjectTransition
from triplewin.scoping.models import ClassificationChecklist, ScopingGuide
from triplewin.team import selectors as team


def _setup_facts(project: Project) -> dict[str, Any]:
    """Contributions, plans, PID, agreement and summary evidence for the Stage 2 gates."""
    # Imported here because these apps build on partnerships themselves.
    from triplewin.agreement import selectors as agreement
    from triplewin.contributions import selectors as contributions
    from triplewin.executive_summary.selectors import summary_certified
    from triplewin.pid.selectors import pid_status
    from triplewin.plans import selectors as plans

    pid = pid_status(project)
    return {
        "parties_without_significant_contribution": (
            contributions.parties_without_significant_contribution(project)
        ),
        "funded_posts_without_exit": contributions.funded_posts_without_exit(project),
        "plans_missing": plans.plans_missing(project),
        "data_shared_not_anonymised": plans.data_shared_not_anonymised(project),
        "pid_missing_sections": pid.missing_sections,
        "pid_certified": pid.certified,
        "pid_approved": pid.approved,
        "pid_changed_since_approval": pid.changed_since_approval,
        "agreement_missing_clauses": agreement.agreement_missing_clauses(project),
        "agreement_unsigned_parties": agreement.agreement_unsigned_parties(project),
        "agreement_non_legal_parties": agreement.agreement_non_legal_parties(project),
        "summary_certified": summary_certified(project),
        **_safeguard_facts(project),
    }


def _safeguard_facts(project: Project) -> dict[str, Any]:
    """The agreement against the PID, data and safety governance, funded staff, handover."""
    from triplewin.agreement import selectors as agreement
    from triplewin.contributions import selectors as contributions
    from triplewin.plans import selectors as plans

    return {
        "agreement_pid_mismatches": agreement.agreement_pid_mismatches(project),
        "data_flows_ungoverned": plans.data_flows_ungoverned(project),
        "data_flows_without_dpia": plans.data_flows_without_dpia(project),
        "digital_tools_without_safety": plans.digital_tools_without_safety(project),
        "funded_posts_without_safeguards": contributions.funded_posts_without_safeguards(project),
        "sustainability_missing": plans.sustainability_missing(project),
    }


CONCEPT_APPROVED_OR_LATER = frozenset(State) - {State.IDEA, State.SCOPING, State.WITHDRAWN}


T = TypeVar("T", bound=Model)


def _related(project: Project, name: str, kind: type[T]) -> T | None:
    """The reverse one-to-one record, or None when it has not been created yet."""
    try:
        value = getattr(project, name)
    except ObjectDoesNotExist:
        return None
    return value if isinstance(value, kind) else None


def _outcomes_end(project: Project) -> dict[str, Any]:
    # Imported here for the same reason as below; the one reading of when delivery ended.
    from triplewin.outcomes.due import outcomes_due

    due = outcomes_due(project)
    return {"ended_on": due.ended_on, "terminated": due.terminated}


def _outcomes_published_on(project: Project) -> dt.date | None:
    # Imported here: the outcomes app builds on partnerships. It returns the summary's
    # publication date, or the step's date for projects whose history was imported.
    from triplewin.outcomes.selectors import outcomes_published_on

    return outcomes_published_on(project)


def summary_published_on(project: Project) -> dt.date | None:
    # Imported here: the executive summary app builds on partnerships.
    from triplewin.executive_summary import selectors

    return selectors.summary_published_on(project)


def _undisclosed_tov_years(project: Project, today: dt.date) -> tuple[int, ...]:
    # Imported here: transfers builds on partnerships.
    from triplewin.transfers.selectors import undisclosed_years

    return undisclosed_years(project, today)


def _publication_facts(project: Project, today: dt.date) -> dict[str, Any]:
    """Pages on the partners' own websites, and contracted values due there (ADR 0021)."""
    # Imported here: these apps build on partnerships.
    from triplewin.executive_summary.models import Document
    from triplewin.executive_summary.website import companies_without_page
    from triplewin.transfers.selectors import contracted_services_unpublished

    return {
        "companies_without_summary_page": companies_without_page(
            project, Document.EXECUTIVE_SUMMARY, today
        ),
        "companies_without_outcomes_page": companies_without_page(
            project, Document.OUTCOMES, today
        ),
        "contracted_services_unpublished": contracted_services_unpublished(project, today),
    }


def _team_facts(project: Project, today: dt.date) -> dict[str, Any]:
    return {
        "team_sales_members": team.sales_members(project),
        "team_undeclared_members": team.undeclared_members(project, today),
        "team_size": team.team_size(project),
        "partners_not_on_team": team.partners_not_on_team(project),
        "open_objections": team.open_objections(project),
        "parties_without_governance_committee": team.parties_without_governance_committee(project),
        "partners_without_named_lead": team.partners_without_named_lead(project),
        "company_committees_missing_seats": team.company_committees_missing_seats(project),
        **team.system_route_facts(project),
    }


def partner_facts(project: Project) -> tuple[PartnerFact, ...]:
    """The partners as the rules and the checklist's verdict read them."""
    return tuple(
        PartnerFact(
            name=p.organisation.name,
            sector=p.organisation.sector.value,
            is_legal_entity=p.organisation.is_legal_entity,
            is_pharmaceutical=p.organisation.is_pharmaceutical,
            is_healthcare=p.organisation.is_healthcare,
            is_patient_organisation=p.organisation.org_type == OrgType.PATIENT_ORGANISATION,
        )
        for p in project.partners.all()
    )


def parties(project: Project) -> Parties:
    return parties_of(partner_facts(project))


def _scoping_started_on(project: Project) -> dt.date:
    """The day scoping began: the step into scoping, dated as it happened, else creation."""
    step = min(
        (t.at for t in project.transitions.all() if t.to_state == State.SCOPING),
        default=project.created_at,
    )
    return timezone.localtime(step).date()


def _concept_start_quarter(concept: ConceptFramework | None) -> tuple[int, int] | None:
    if concept is None or concept.start_year is None or concept.start_quarter is None:
        return None
    return concept.start_year, concept.start_quarter


def build_facts(project: Project, today: dt.date | None = None) -> ProjectFacts:
    partners = partner_facts(project)
    guide = _related(project, "scoping_guide", ScopingGuide)
    checklist = _related(project, "checklist", ClassificationChecklist)
    concept = _related(project, "concept", ConceptFramework)
    # The start gate needs the summary's own record (one published elsewhere is recorded as
    # such), so it reads the record, not the imported step that summary_published_on falls
    # back to for date checks.
    summary = _related(project, "executive_summary", ExecutiveSummary)
    approvals = approval_state(project, concept)
    approved_once = project.state in CONCEPT_APPROVED_OR_LATER
    today = today or timezone.localdate()
    return ProjectFacts(
        today=today,
        partners=partners,
        intended_type=project.intended_type or None,
        checklist_answers=upgrade_answers(checklist.answers if checklist else {}),
        checklist_kept_elsewhere=checklist is None
        and State.CONCEPT_APPROVED in imported_states(project),
        scoping_missing=tuple(
            q.id
            for q in scoping_guide.missing(
                guide.answers if guide else {}, medicines=project.involves_medicines
            )
        ),
        scoping_started=guide is not None,
        scoping_started_on=_scoping_started_on(project),
        concept_start_quarter=_concept_start_quarter(concept),
        concept_missing=missing_parts(project, concept),
        concept_pending_partners=approvals.pending if approvals.ever_decided else None,
        concept_rejected_by=approvals.rejected_by,
        concept_changed_since_approval=approved_once and not approvals.all_approved,
        summary_published_on=summary.published_on if summary else None,
        planned_start=project.planned_start,
        actual_start=project.actual_start,
        completed_on=project.actual_end,
        outcomes_published_on=_outcomes_published_on(project),
        **_outcomes_end(project),
        undisclosed_tov_years=_undisclosed_tov_years(project, today),
        **_team_facts(project, today),
        **_publication_facts(project, today),
        **_setup_facts(project),
    )


def imported_states(project: Project) -> frozenset[State]:
    """The states this project reached before Triple Win, imported without their records."""
    return frozenset(
        State(s)
        for s in ProjectTransition.objects.filter(project=project, imported=True).values_list(
            "to_state", flat=True
        )
    )
