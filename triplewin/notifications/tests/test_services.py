"""notify: at once or queued as chosen; digests built once per person and period."""

from __future__ import annotations

import datetime as dt
import smtplib
import threading
from typing import Any
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection

from triplewin.audit.models import AuditEvent
from triplewin.core.notifications import Choice, Kind
from triplewin.notifications import services
from triplewin.notifications.models import DigestSent, NotificationChoice, QueuedNotice
from triplewin.notifications.services import choice_set, digest_send, notify, send_digests

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 11, 30)
TUESDAY = dt.date(2026, 12, 1)


def _say(user: Any, kind: Kind = Kind.ACTIONS, n: int = 1, **extra: Any) -> str:
    return notify(user=user, kind=kind, subject=f"Message {n}", body=f"Body {n}", **extra)


def test_by_default_a_message_is_emailed_at_once_with_a_link_to_change_it(nhs_lead):
    assert _say(nhs_lead) == "sent"
    [message] = mail.outbox
    assert message.to == ["nhs.lead@example.test"]
    assert message.subject == "Message 1"
    assert "Body 1" in message.body
    assert "/email-choices/link/" in message.body
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http")
    assert "/email-choices/link/" in header
    assert not QueuedNotice.objects.exists()


def test_off_sends_nothing_but_a_compliance_message_still_reaches_the_daily_digest(nhs_lead):
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.DECLARATIONS, choice=Choice.OFF)
    assert _say(nhs_lead, Kind.DECLARATIONS) == "off"
    assert _say(nhs_lead, Kind.DECLARATIONS, 2, compliance=True) == "queued"
    assert mail.outbox == []
    [queued] = QueuedNotice.objects.all()
    assert (queued.subject, queued.frequency) == ("Message 2", "daily")


def test_deadlines_cannot_be_switched_off_in_the_service(nhs_lead):
    with pytest.raises(ValidationError, match="cannot be switched off"):
        choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.DEADLINES, choice=Choice.OFF)
    assert not NotificationChoice.objects.exists()


def test_a_stored_off_for_deadlines_still_delivers_in_the_digest(nhs_lead):
    # A row written around the service (an old import, the admin) loses no deadline.
    NotificationChoice.objects.create(user=nhs_lead, kind="deadlines", choice="off")
    assert _say(nhs_lead, Kind.DEADLINES) == "queued"


def test_nobody_changes_someone_elses_choices(nhs_lead, industry_lead):
    with pytest.raises(ValidationError):
        choice_set(actor=industry_lead, user=nhs_lead, kind=Kind.ACTIONS, choice=Choice.OFF)


def test_a_change_is_audited_once(nhs_lead):
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.ACTIONS, choice=Choice.WEEKLY)
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.ACTIONS, choice=Choice.WEEKLY)
    [event] = AuditEvent.objects.filter(action="notifications.choice_set")
    assert event.changes["choice"] == ["immediate", "weekly"]
    assert services.choices_of(nhs_lead)[Kind.ACTIONS] is Choice.WEEKLY


def test_the_daily_digest_gathers_the_days_messages_into_one_email(nhs_lead, industry_lead):
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.ACTIONS, choice=Choice.DAILY)
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.APPROVALS, choice=Choice.DAILY)
    _say(nhs_lead, Kind.ACTIONS, 1)
    _say(nhs_lead, Kind.APPROVALS, 2)
    _say(industry_lead, Kind.ACTIONS, 3)  # at once: not in anyone's digest
    mail.outbox.clear()
    assert send_digests(today=TUESDAY) == {
        "sent": 1,
        "already_sent": 0,
        "nothing": 0,
        "failed": 0,
    }
    [digest] = mail.outbox
    assert digest.to == ["nhs.lead@example.test"]
    assert digest.subject == "Triple Win daily digest: 2 messages"
    assert digest.body.index("Message 1") < digest.body.index("Message 2")
    assert digest.body.count("/email-choices/link/") == 2  # one link per kind in it
    assert send_digests(today=TUESDAY)["sent"] == 0
    assert len(mail.outbox) == 1
    # A message queued after the day's digest waits for the next day's.
    _say(nhs_lead, Kind.ACTIONS, 4)
    assert digest_send(user=nhs_lead, frequency=Choice.DAILY, today=TUESDAY) == "already_sent"
    assert digest_send(user=nhs_lead, frequency=Choice.DAILY, today=TUESDAY + dt.timedelta(1)) == (
        "sent"
    )
    assert "Message 4" in mail.outbox[-1].body
    assert "Message 1" not in mail.outbox[-1].body


def test_the_weekly_digest_goes_on_monday_only(nhs_lead):
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.ACTIONS, choice=Choice.WEEKLY)
    _say(nhs_lead)
    assert send_digests(today=TUESDAY)["sent"] == 0
    assert send_digests(today=MONDAY + dt.timedelta(days=7))["sent"] == 1
    assert "weekly digest" in mail.outbox[0].subject


def test_a_failed_digest_is_tried_again(nhs_lead):
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.ACTIONS, choice=Choice.DAILY)
    _say(nhs_lead)
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPException):
        assert digest_send(user=nhs_lead, frequency=Choice.DAILY, today=TUESDAY) == "failed"
    assert not DigestSent.objects.exists()
    assert digest_send(user=nhs_lead, frequency=Choice.DAILY, today=TUESDAY) == "sent"


def test_two_claims_for_the_same_period_send_one_digest(nhs_lead):
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.ACTIONS, choice=Choice.DAILY)
    _say(nhs_lead)
    assert digest_send(user=nhs_lead, frequency=Choice.DAILY, today=TUESDAY) == "sent"
    assert digest_send(user=nhs_lead, frequency=Choice.DAILY, today=TUESDAY) == "already_sent"
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_send_the_digest_once(nhs_lead):
    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.ACTIONS, choice=Choice.DAILY)
    for n in range(3):
        _say(nhs_lead, n=n)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait(timeout=10)
            outcomes.append(digest_send(user=nhs_lead, frequency=Choice.DAILY, today=TUESDAY))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert sorted(outcomes) == ["already_sent", "sent"]
    assert len(mail.outbox) == 1
    assert "3 messages" in mail.outbox[0].subject
    assert DigestSent.objects.count() == 1
    assert QueuedNotice.objects.filter(digest__isnull=True).count() == 0


def test_no_email_for_someone_without_an_address_or_who_left(nhs_lead):
    nhs_lead.is_active = False
    nhs_lead.save()
    assert _say(nhs_lead) == "no_address"
    assert mail.outbox == []
