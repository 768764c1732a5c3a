"""The daily check: a verified day publishes its head, a failed day emails, each once."""

from __future__ import annotations

import datetime as dt
import smtplib
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests import factories
from triplewin.audit import daily
from triplewin.audit.models import AuditEvent, ChainCheck
from triplewin.audit.tasks import check_audit_chain

pytestmark = pytest.mark.django_db
D = dt.date(2027, 3, 1)


@pytest.fixture
def people(oversight, nhs_lead, industry_lead, nhs_org, icb):
    """Who must hear of a failure, and who must not."""
    admin = factories.member("admin@example.test", nhs_org, "administrator")
    # Oversight at one body and a partnership lead at another: one email, not two.
    factories.member("oversight@example.test", nhs_org, "partnership_lead")
    get_user_model().objects.create_superuser("root", "root@example.test", "a-long-password")
    get_user_model().objects.create_superuser("noemail", "", "a-long-password")
    gone = factories.member("gone@example.test", icb, "system_oversight")
    gone.is_active = False
    gone.save()
    return admin


def test_a_verified_day_publishes_its_head(events):
    head = AuditEvent.objects.order_by("-sequence")[0]
    check = daily.check_chain(today=D)
    assert check is not None
    assert check.verified
    assert (check.head_sequence, check.head_event_id, check.head_hash) == (
        head.sequence,
        head.pk,
        head.hash,
    )
    assert check.events == head.sequence
    assert mail.outbox == []
    # The check is itself audited, after the head it published.
    last = AuditEvent.objects.order_by("-sequence")[0]
    assert last.action == "audit.chain_checked"
    assert last.prev_hash == head.hash


def test_a_day_is_checked_once(events):
    assert daily.check_chain(today=D) is not None
    assert daily.check_chain(today=D) is None
    assert ChainCheck.objects.count() == 1
    assert daily.check_chain(today=D + dt.timedelta(days=1)) is not None


def test_a_failed_day_alerts_oversight_and_administrators_once(events, people, tamper):
    tamper("UPDATE audit_auditevent SET object_label = 'Forged' WHERE id = %s", (events[1].pk,))
    check = daily.check_chain(today=D)
    assert check is not None
    assert not check.verified
    assert check.head_hash == ""
    assert check.head_sequence is None
    assert f"Event {events[1].pk}" in check.problem
    assert sorted(m.to[0] for m in mail.outbox) == [
        "admin@example.test",
        "oversight@example.test",
        "root@example.test",
    ]
    assert check.alerted == 3
    message = mail.outbox[0]
    assert message.subject == "Triple Win: the audit trail failed its daily check"
    assert "1 March 2027" in message.body
    assert check.problem in message.body
    assert daily.check_chain(today=D) is None
    assert len(mail.outbox) == 3
    daily.check_chain(today=D + dt.timedelta(days=1))
    assert len(mail.outbox) == 6


def test_an_alert_that_cannot_be_sent_is_tried_again(events, people, tamper):
    tamper("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", (events[0].pk,))
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPException("down"),
    ):
        assert daily.check_chain(today=D) is None
    assert not ChainCheck.objects.exists()
    assert daily.check_chain(today=D) is not None
    assert len(mail.outbox) == 3


def test_the_task_checks_the_given_day(events):
    count = AuditEvent.objects.count()
    assert check_audit_chain.call("2027-03-01") == {
        "checked": True,
        "verified": True,
        "events": count,
    }
    assert ChainCheck.objects.get().day == D
    assert check_audit_chain.call("2027-03-01") == {"checked": False}
