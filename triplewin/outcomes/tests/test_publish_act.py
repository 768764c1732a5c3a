"""Publishing through the sign-off engine's `record_act`: who may, when, and on which text."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from triplewin.audit.models import AuditEvent
from triplewin.core import signoff as core
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.services import record_act

pytestmark = pytest.mark.django_db


def publish(actor: Any, project: Any, **kwargs: Any) -> SignOffAct:
    return record_act(
        actor=actor,
        project=project,
        document="outcomes",
        subject="outcomes",
        act=core.Act.PUBLISH,
        **kwargs,
    )


def _published(project: Any) -> Any:
    return SignOffAct.objects.on("outcomes").filter(project=project, act="publish")


def test_not_certified_is_refused_in_plain_words(drafted, nhs_lead):
    with pytest.raises(ValidationError, match="Still to do: certification by the certification"):
        publish(nhs_lead, drafted)
    assert not _published(drafted).exists()


def test_outstanding_approvals_are_named(certified, nhs_lead):
    with pytest.raises(ValidationError) as error:
        publish(nhs_lead, certified)
    message = error.value.messages[0]
    assert "Still to do: approval by the project team; approval by the governance committee of" in (
        message
    )
    assert not _published(certified).exists()


def test_a_text_changed_since_it_was_read_is_refused(approved, nhs_lead):
    with pytest.raises(ValidationError, match="changed or submitted again after you opened it"):
        publish(nhs_lead, approved, seen_hash="0" * 64)
    assert not _published(approved).exists()


@pytest.mark.parametrize("role", ["signatory", "governance_member", "team_member", "outsider"])
def test_only_a_partnership_lead_publishes(approved, role, request):
    with pytest.raises(ValidationError, match="Only a partnership lead of a partner organisation"):
        publish(request.getfixturevalue(role), approved)
    assert not _published(approved).exists()


def test_a_lead_publishes_only_for_their_own_organisation(approved, nhs_lead, pharma_org):
    with pytest.raises(ValidationError, match="You cannot publish for Test Pharma Ltd"):
        publish(nhs_lead, approved, organisation=pharma_org)


def test_a_repeat_records_nothing_and_the_act_is_audited(approved, nhs_lead, nhs_org):
    first = publish(nhs_lead, approved)
    assert publish(nhs_lead, approved).pk == first.pk
    assert _published(approved).count() == 1
    assert (first.organisation, first.role, first.body) == (nhs_org, "partnership_lead", "partner")
    assert "I publish the Summary of Project Outcomes" in first.statement
    event = AuditEvent.objects.get(action="outcomes.published")
    assert event.changes["organisation"] == [None, nhs_org.name]


def test_a_document_that_is_not_published_refuses_publication(approved, nhs_lead):
    with pytest.raises(ValidationError, match="Publish is not recorded for the"):
        record_act(
            actor=nhs_lead,
            project=approved,
            document="amendment",
            subject="amendment-1",
            act=core.Act.PUBLISH,
        )
