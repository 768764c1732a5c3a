"""The conflict-of-interest check that every decision service runs before recording the act.

One call, `check_decision`, decides from the person's register and the decision's scope
whether they may take it (ADR 0013). Pages call `assess_decision` to warn before anyone
submits. The rules themselves are plain Python in `triplewin.core.conflicts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from triplewin.audit.services import Changes
from triplewin.conflicts.models import ConflictManagement, DecisionKind, Declaration
from triplewin.conflicts.selectors import (
    as_interest,
    describe,
    has_current_declaration,
    in_force_on,
    project_scope,
)
from triplewin.core import conflicts as policy
from triplewin.core.dates import long_date
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.team.selectors import display_name

# What each decision is, as the end of "You cannot ...".
ACTS = {
    DecisionKind.CONCEPT: "decide on the concept",
    DecisionKind.PID_CERTIFICATION: "certify the PID",
    DecisionKind.PID_APPROVAL: "approve or reject the PID",
    DecisionKind.AMENDMENT_CERTIFICATION: "certify this amendment",
    DecisionKind.AMENDMENT_APPROVAL: "approve or reject this amendment",
    DecisionKind.AGREEMENT_SIGNATURE: "record signatures of the agreement",
    DecisionKind.SUMMARY_CERTIFICATION: "certify the executive summary",
    DecisionKind.SUMMARY_PUBLICATION: "publish the executive summary",
    DecisionKind.DOCUMENT_CERTIFICATION: "certify this document",
    DecisionKind.DOCUMENT_APPROVAL: "approve this document",
    DecisionKind.OUTCOMES_CERTIFICATION: "certify the outcomes summary",
    DecisionKind.OUTCOMES_APPROVAL: "approve or reject the outcomes summary",
    DecisionKind.OUTCOMES_PUBLICATION: "publish the outcomes summary",
    DecisionKind.VOTE: "vote on this decision",
    DecisionKind.OBJECTION: "raise or decide an objection to a team member",
}
REGISTER_URL = "/conflicts/"


class ConflictRefused(ValidationError):
    """A decision refused because of the decision maker's register of interests."""


@dataclass(frozen=True)
class Found:
    """One of the person's declarations that touches the decision, and its management."""

    declaration: Declaration
    finding: policy.Finding
    management: ConflictManagement | None

    @property
    def text(self) -> str:
        return f"{describe(self.declaration)} ({self.finding.grounds})"


def _lower_first(label: str) -> str:
    """'Approving or rejecting the PID' as 'approving or rejecting the PID'."""
    return label[:1].lower() + label[1:]


def management_text(management: ConflictManagement, *, with_interest: bool = True) -> str:
    """One line for the minutes and the history: who managed what, how and why.

    Next to the declaration itself (the minutes' declarations) the interest is left out.
    """
    text = (
        f"{management.recorded_by_label} ({management.recorded_as}) recorded on "
        f"{long_date(timezone.localdate(management.recorded_at))} that "
        f"{display_name(management.person)} "
        f"{policy.ARRANGEMENT_LABELS[policy.Arrangement(management.arrangement)]} "
        f"({_lower_first(management.get_decision_display())})"
    )
    if with_interest:
        text += f", because of the interest: {management.declaration_text}"
    return f"{text.rstrip('.')}. Reason: {management.reason}"


def managed_text(project: Project, declaration: Declaration) -> str:
    """How the project manages this declared interest, one line per kind of decision."""
    latest: dict[str, ConflictManagement] = {}
    for m in ConflictManagement.objects.filter(
        project=project, declaration=declaration
    ).select_related("person"):
        latest[m.decision] = m
    return " / ".join(management_text(m, with_interest=False) for m in latest.values())


@dataclass(frozen=True)
class ConflictCheck:
    person: User
    project_id: int
    decision: str
    assessment: policy.Assessment
    found: tuple[Found, ...]

    @property
    def standing(self) -> policy.Standing:
        return self.assessment.standing

    @property
    def may_decide(self) -> bool:
        return self.assessment.may_decide

    @property
    def unmanaged(self) -> tuple[Found, ...]:
        return tuple(f for f in self.found if f.management is None)

    @property
    def kept_out_by(self) -> tuple[Found, ...]:
        return tuple(f for f in self.found if f.management and not f.finding.allows_decision)

    @property
    def managements(self) -> tuple[ConflictManagement, ...]:
        """The records that let the person decide despite a conflict."""
        return tuple(f.management for f in self.found if f.management and f.finding.allows_decision)

    @property
    def act(self) -> str:
        return ACTS[DecisionKind(self.decision)]

    def message(self, actor: User | None = None) -> str:
        """Why the person may not decide, addressed to whoever is trying to record it."""
        own = actor is None or actor.pk == self.person.pk
        who = "You" if own else display_name(self.person)
        their = "your" if own else "their"
        if self.standing is policy.Standing.NOT_CURRENT:
            ask = (
                f"Update it under My declarations ({REGISTER_URL})"
                if own
                else "Ask them to update it under My declarations"
            )
            return (
                f"{who} cannot {self.act}: {their} register of interests has no declaration, "
                "nil return or confirmation from the last 12 months, and NHS conflicts of "
                f"interest guidance asks everyone who takes decisions to keep it current. {ask}, "
                "then try again."
            )
        if self.standing is policy.Standing.KEPT_OUT:
            return f"{who} cannot {self.act}: " + "; ".join(
                management_text(f.management) for f in self.kept_out_by if f.management
            )
        if self.standing is policy.Standing.CONFLICTED:
            declared = " / ".join(f.text for f in self.unmanaged)
            return (
                f"{who} cannot {self.act} while {their} conflict of interest is unmanaged. "
                f"{'Your' if own else 'Their'} register shows: {declared}. Under NHS conflicts "
                "of interest guidance a conflicted person takes no part in the decision unless "
                "the chair of the project team, or the named lead of another partner, records "
                "how the conflict is managed. Ask them to record it on the project's conflicts "
                "page, or step aside and let someone else decide."
            )
        return ""

    @property
    def exclusion_reason(self) -> str:
        """Why a member is kept out of a vote, as the minutes say it."""
        if self.standing is policy.Standing.NOT_CURRENT:
            return (
                "No current declaration of interests: nothing declared, no nil return and no "
                "confirmation in the last 12 months."
            )
        if self.standing is policy.Standing.KEPT_OUT:
            return "Conflict managed by exclusion: " + "; ".join(
                management_text(f.management) for f in self.kept_out_by if f.management
            )
        return "Declared interest: " + " / ".join(f.text for f in self.unmanaged)

    def audit_changes(self) -> Changes:
        """What the decision's own audit event records about conflicts: the managing records."""
        if not self.managements:
            return {}
        return {
            "conflict_of_interest": [
                None,
                " / ".join(
                    f"Managed (record {m.pk}): {m.recorded_by_label}, {m.recorded_as}, "
                    f"{long_date(timezone.localdate(m.recorded_at))}: "
                    f"{m.get_arrangement_display().lower()}. Reason: {m.reason}"
                    for m in self.managements
                ),
            ]
        }


def _latest_managements(
    person: User, project: Project, decision: str
) -> dict[int, ConflictManagement]:
    """The most recent record for each declaration; a later one replaces an earlier one."""
    latest: dict[int, ConflictManagement] = {}
    for m in ConflictManagement.objects.filter(
        project=project, person=person, decision=decision
    ).select_related("person"):
        latest[m.declaration_id] = m
    return latest


def assess_decision(
    *,
    person: User,
    project: Project,
    decision: str,
    organisations: Iterable[Organisation] | None = None,
    products: Iterable[str] | None = None,
    on: dt.date | None = None,
) -> ConflictCheck:
    """Where the person stands on this decision, without refusing anything.

    Interests are matched as they stood `on` the day the decision is taken (the meeting's day
    for a vote); the register must be current on the day it is recorded.
    """
    if decision not in DecisionKind.values:
        raise ValueError(f"Unknown decision kind {decision!r}")
    today = timezone.localdate()
    on = on or today
    declarations = {d.pk: d for d in in_force_on(person, on)}
    managements = _latest_managements(person, project, decision)
    assessment = policy.assess(
        current=has_current_declaration(person, today),
        interests=[as_interest(d) for d in declarations.values()],
        scope=project_scope(project, organisations, products),
        on=on,
        managed={pk: policy.Arrangement(m.arrangement) for pk, m in managements.items()},
    )
    found = tuple(
        Found(declarations[f.interest.id], f, managements.get(f.interest.id))
        for f in assessment.findings
    )
    return ConflictCheck(person, project.pk, decision, assessment, found)


def check_decision(
    *,
    person: User,
    project: Project,
    decision: str,
    organisations: Iterable[Organisation] | None = None,
    products: Iterable[str] | None = None,
    on: dt.date | None = None,
    actor: User | None = None,
) -> ConflictCheck:
    """Refuse the decision unless the person may take it; call it before recording the act.

    `actor` is whoever records it, when that is not the person deciding (a vote recorded by the
    minute taker), so the message names the person. Merge `audit_changes()` of the result into
    the decision's audit event, so the history shows which management record allowed it.
    """
    check = assess_decision(
        person=person,
        project=project,
        decision=decision,
        organisations=organisations,
        products=products,
        on=on,
    )
    if not check.may_decide:
        raise ConflictRefused(check.message(actor))
    return check
