"""The committee's terms of reference: how its formal decisions are carried (ADR 0019)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.core import parity
from triplewin.meetings.models import TermsOfReference
from triplewin.meetings.services._common import require_meetings_allowed
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.submissions.versions import UNSAVED


@transaction.atomic
def terms_set(
    *,
    actor: User,
    project: Project,
    decision_rule: str,
    quorum_per_party: int | None,
    expected_version: int,
) -> TermsOfReference:
    """Record how the committee carries formal decisions. Later votes close under it."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    require_meetings_allowed(locked)
    terms = TermsOfReference.objects.select_for_update().filter(project=locked).first()
    if (terms.row_version if terms else UNSAVED) != expected_version:
        raise StaleEdit()
    if decision_rule not in {r.value for r in parity.DecisionRule}:
        raise ValidationError({"decision_rule": "Choose how formal decisions are carried."})
    rule = parity.DecisionRule(decision_rule)
    quorum = 1
    if rule is parity.DecisionRule.QUORUM_PER_PARTY:
        if quorum_per_party is None or not 1 <= quorum_per_party <= parity.MAX_QUORUM:
            raise ValidationError(
                {
                    "quorum_per_party": "Say how many members of each party must vote for, "
                    f"from 1 to {parity.MAX_QUORUM}."
                }
            )
        quorum = quorum_per_party
    before = (
        {"decision_rule": terms.decision_rule, "quorum_per_party": terms.quorum_per_party}
        if terms
        else {}
    )
    if terms is None:
        terms = TermsOfReference(project=locked)
    else:
        terms.row_version += 1
    terms.decision_rule = rule.value
    terms.quorum_per_party = quorum
    terms.full_clean()
    terms.save()
    audit.record(
        actor=actor,
        action="meeting.terms_of_reference_set",
        obj=terms,
        project_id=locked.pk,
        changes=audit.diff(
            before, {"decision_rule": terms.decision_rule, "quorum_per_party": quorum}
        ),
    )
    return terms
