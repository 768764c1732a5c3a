"""Approvals waiting: a certification tells everyone who may now decide, through notify."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail

from triplewin.core import signoff as core
from triplewin.core.notifications import Choice, Kind
from triplewin.notifications.approvals import approvers, email_approvers
from triplewin.notifications.models import QueuedNotice
from triplewin.notifications.services import choice_set
from triplewin.signoff.services import record_act

pytestmark = pytest.mark.django_db


def _certify(submitted: Any, signatory: Any) -> Any:
    return record_act(
        actor=signatory,
        project=submitted.project,
        document="pid",
        subject="pid",
        act=core.Act.CERTIFY,
        version=1,
    )


def test_the_people_who_may_decide_are_told(
    submitted,
    signatory,
    committees,
    team_member,
    outsider,
    oversight,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        act = _certify(submitted, signatory)
    assert len(callbacks) == 1  # queued for after the commit, not sent inside the transaction
    told = {u.email for u in approvers(act)}
    # The team's chair (the NHS lead here), each partner's committee and the company's lead.
    assert "nhs.lead@example.test" in told
    assert {"nhs.governance@example.test", "governance@example.test"} <= told
    assert "signatory@example.test" not in told  # the certifier is not told about their own act
    assert not told & {"team.member@example.test", "outsider@example.test", oversight.email}
    mail.outbox.clear()
    assert email_approvers.call(act.pk) == {"sent": len(told)}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(told)
    message = mail.outbox[0]
    assert message.subject.startswith("Waiting for your decision: the PID (")
    assert "/email-choices/link/" in message.body


def test_a_decision_is_not_announced(
    submitted, signatory, nhs_lead, django_capture_on_commit_callbacks
):
    _certify(submitted, signatory)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        record_act(
            actor=nhs_lead,
            project=submitted.project,
            document="pid",
            subject="pid",
            act=core.Act.APPROVE,
            version=1,
            body="project_team",
        )
    assert callbacks == []


def test_an_approver_on_a_digest_gets_it_there(submitted, signatory, committees, nhs_lead):
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.APPROVALS, choice=Choice.WEEKLY)
    act = _certify(submitted, signatory)
    mail.outbox.clear()
    email_approvers.call(act.pk)
    assert "nhs.lead@example.test" not in [m.to[0] for m in mail.outbox]
    assert QueuedNotice.objects.filter(user=nhs_lead, kind="approvals", frequency="weekly").exists()
