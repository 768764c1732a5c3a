"""Reminders: move the clock and watch exactly which emails go out, once each."""

from __future__ import annotations

import datetime as dt
import smtplib
import threading
from unittest import mock

import pytest
from django.core import mail
from django.db import connection

from triplewin.audit.models import AuditEvent
from triplewin.obligations.models import ReminderSent
from triplewin.obligations.reminders import responsible_people, send_due_reminders
from triplewin.transfers import services as tov_services

pytestmark = pytest.mark.django_db
D = dt.date
LEADS = ["industry.lead@example.test", "nhs.lead@example.test"]


def _sent(today: dt.date) -> list[tuple[str, str]]:
    """Run the reminders for `today`; return (recipient, subject) of each new email, sorted."""
    before = len(mail.outbox)
    send_due_reminders(today=today)
    return sorted((m.to[0], str(m.subject)) for m in mail.outbox[before:])


def _each(subject: str) -> list[tuple[str, str]]:
    return [(email, subject) for email in LEADS]


DISCLOSURE = "Transfers of value for 2024 disclosed on Disclosure UK (Heart failure finder)"
OUTCOMES = "Summary of outcomes published within six months of completion (Heart failure finder)"


def test_the_clock_moves_through_every_reminder(completed, industry_lead, pharma_org):
    assert _sent(D(2025, 5, 15)) == []  # 46 days before: too early
    assert _sent(D(2025, 6, 1)) == _each(f"Due in 29 days: {DISCLOSURE}")
    assert _sent(D(2025, 6, 1)) == []  # the same day again
    assert _sent(D(2025, 6, 2)) == []  # still within the 30-day band: already sent
    assert _sent(D(2025, 6, 25)) == _each(f"Due in 5 days: {DISCLOSURE}")
    assert _sent(D(2025, 6, 30)) == _each(f"Due today: {DISCLOSURE}")
    assert _sent(D(2025, 7, 1)) == sorted(
        _each(f"Overdue: {DISCLOSURE}") + _each(f"Due in 30 days: {OUTCOMES}")
    )
    assert _sent(D(2025, 7, 2)) == []
    tov_services.year_mark_disclosed(
        actor=industry_lead,
        project=completed,
        company=pharma_org,
        year=2024,
        disclosed_on=D(2025, 7, 5),
        today=D(2025, 7, 5),
    )
    assert _sent(D(2025, 7, 25)) == _each(f"Due in 6 days: {OUTCOMES}")
    assert _sent(D(2025, 7, 31)) == _each(f"Due today: {OUTCOMES}")
    assert _sent(D(2025, 8, 5)) == _each(f"Overdue: {OUTCOMES}")
    assert _sent(D(2025, 12, 1)) == []  # overdue is said once, not every day
    assert ReminderSent.objects.count() == 16
    assert AuditEvent.objects.filter(action="obligation.reminder_sent").count() == 16


def test_a_missed_day_is_caught_up_once(completed):
    # The worker was down from 1 to 27 June: the 30-day reminder is skipped in favour of
    # the 7-day one, which is the one that still makes sense.
    assert _sent(D(2025, 6, 27)) == _each(f"Due in 3 days: {DISCLOSURE}")
    assert _sent(D(2025, 6, 28)) == []


def test_email_says_what_is_due_and_links_to_the_project(completed):
    send_due_reminders(today=D(2025, 6, 25))
    message = next(m for m in mail.outbox if m.to == ["nhs.lead@example.test"])
    assert "Hello Nhs," in message.body
    assert "Due date: 30 June 2025" in message.body
    assert "Status: due in 5 days" in message.body
    assert "Disclosure UK" in message.body
    assert f"/disclosure/projects/{completed.pk}/" in message.body


def test_recipients_are_named_leads_and_company_partnership_leads(
    completed, nhs_lead, industry_lead, governance_member, oversight
):
    people = responsible_people([completed])[completed.pk]
    assert people == [industry_lead, nhs_lead]  # not governance or oversight


def test_inactive_or_email_less_people_get_nothing(completed, industry_lead):
    industry_lead.is_active = False
    industry_lead.save()
    assert _sent(D(2025, 6, 25)) == [("nhs.lead@example.test", f"Due in 5 days: {DISCLOSURE}")]


def test_a_failed_send_is_retried_next_run(completed):
    with mock.patch(
        "django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPException("down")
    ):
        run = send_due_reminders(today=D(2025, 6, 25))
    assert (run.sent, run.failed) == (0, 2)
    assert not ReminderSent.objects.exists()
    assert not AuditEvent.objects.filter(action="obligation.reminder_sent").exists()
    assert _sent(D(2025, 6, 25)) == _each(f"Due in 5 days: {DISCLOSURE}")


def test_withdrawn_and_met_obligations_send_nothing(completed, nhs_lead):
    from triplewin.transfers.tests.builders import published_project

    # A different project: its summary was published on time and it has not started.
    published_project(
        actor=nhs_lead,
        lead=completed.partners.first().organisation,
        title="Quiet project",
        published_on=D(2025, 1, 1),
        planned_start=D(2025, 7, 1),
    )
    subjects = [s for _, s in _sent(D(2025, 6, 25))]
    assert not any("Quiet project" in s for s in subjects)


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_send_each_email_once(completed):
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait(timeout=10)
            send_due_reminders(today=D(2025, 7, 1))
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
    assert len(mail.outbox) == 4
    assert len({(m.to[0], m.subject) for m in mail.outbox}) == 4
    assert ReminderSent.objects.count() == 4


def test_sales_staff_get_no_reminders_even_as_the_companys_lead(completed, pharma_org):
    from tests import factories
    from triplewin.partnerships.models import ProjectPartner

    # ABPI Code 2024 clause 20: sales staff take no part in the partnership's work. A sales
    # person holding the partnership lead role, and named as the company's lead, is left out.
    seller = factories.member(
        "seller@example.test", pharma_org, "partnership_lead", function="sales"
    )
    ProjectPartner.objects.filter(project=completed, organisation=pharma_org).update(lead=seller)
    people = responsible_people([completed])[completed.pk]
    assert seller not in people
    assert people  # the others are still reminded


def test_reminders_follow_each_persons_email_choice(completed, nhs_lead):
    from triplewin.core.notifications import Choice, Kind
    from triplewin.notifications.models import QueuedNotice
    from triplewin.notifications.services import choice_set, send_digests

    choice_set(actor=nhs_lead, user=nhs_lead, kind=Kind.DEADLINES, choice=Choice.DAILY)
    assert _sent(D(2025, 6, 1)) == [("industry.lead@example.test", f"Due in 29 days: {DISCLOSURE}")]
    [queued] = QueuedNotice.objects.filter(user=nhs_lead)
    assert queued.subject == f"Due in 29 days: {DISCLOSURE}"
    assert _sent(D(2025, 6, 1)) == []  # logged once, whichever way it went
    assert QueuedNotice.objects.count() == 1
    send_digests(today=D(2025, 6, 1))
    assert mail.outbox[-1].to == ["nhs.lead@example.test"]
    assert DISCLOSURE in mail.outbox[-1].body
    delivery = {
        e.changes["recipient"][1]: e.changes["delivery"][1]
        for e in AuditEvent.objects.filter(action="obligation.reminder_sent")
    }
    assert delivery == {"nhs.lead@example.test": "queued", "industry.lead@example.test": "sent"}
