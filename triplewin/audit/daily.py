"""The daily check of the whole audit chain, queued by the scheduler.

A day whose check verifies publishes the chain's head (its last event's number and hash) on
the register's open data. A day whose check fails publishes nothing and emails the system
oversight leads and administrators. The unique ChainCheck row for the day makes both happen
once: a second run that day, by a second worker or by hand, does neither.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.contrib.auth.models import User
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q

from triplewin.audit import chain
from triplewin.audit import services as audit
from triplewin.audit.chain import ChainReport
from triplewin.audit.models import ChainCheck
from triplewin.config.filters import govuk_date
from triplewin.config.mail import email
from triplewin.organisations.models import Membership, Role

logger = logging.getLogger(__name__)

ALERTED_ROLES = (Role.SYSTEM_OVERSIGHT, Role.ADMINISTRATOR)


def alert_recipients() -> list[User]:
    """System oversight members and administrators of any organisation, and superusers."""
    return list(
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(pk__in=Membership.objects.filter(role__in=ALERTED_ROLES).values("user_id"))
        )
        .distinct()
        .order_by("email")
    )


def _alert(user: User, check: ChainCheck) -> EmailMessage:
    name = user.first_name or user.get_full_name() or user.get_username()
    body = "\n".join(
        [
            f"Hello {name},",
            "",
            f"The daily check of Triple Win's audit trail on {govuk_date(check.day)} failed.",
            "",
            check.problem,
            "",
            "Events recorded through Triple Win cannot break the chain, so the audit table "
            "has been changed directly in the database. Until this is explained, the project "
            "history pages may show changes nobody made, or miss changes that were made.",
            "",
            "What to do: ask whoever runs the database to compare the event named above with "
            "a backup taken before its time, and to run `manage.py verify_audit` after any "
            "repair. The daily heads published on the register's open data show the last days "
            "the trail verified.",
            "",
            "You receive this because you are a system oversight lead or an administrator. "
            "It is sent at most once a day while the check keeps failing.",
        ]
    )
    return email(
        subject="Triple Win: the audit trail failed its daily check", body=body, to=[user.email]
    )


def _check_row(today: dt.date, report: ChainReport) -> ChainCheck:
    check = ChainCheck(day=today, verified=report.verified, events=report.events)
    if report.broken is not None:
        check.problem = report.broken.describe()
    elif report.head is not None:
        check.head_sequence = report.head.content.sequence
        check.head_event_id = report.head.id
        check.head_hash = report.head.hash
    return check


def check_chain(*, today: dt.date) -> ChainCheck | None:
    """Verify the whole chain for `today`, once; None if today was already checked.

    Also None if the alert could not be sent: nothing is kept, so the next run tries again.
    """
    if ChainCheck.objects.filter(day=today).exists():
        return None  # spare the walk; the unique day below is what guarantees once
    report = chain.verify_chain()
    check = _check_row(today, report)
    recipients = [] if report.verified else alert_recipients()
    check.alerted = len(recipients)
    try:
        with transaction.atomic():
            check.save()
            audit.record(
                actor=None,
                action="audit.chain_checked",
                obj=check,
                changes={
                    "verified": [None, check.verified],
                    "events": [None, check.events],
                    "head_hash": [None, check.head_hash],
                },
            )
            if recipients:
                get_connection().send_messages([_alert(u, check) for u in recipients])
    except IntegrityError:
        return None
    except (smtplib.SMTPException, OSError):
        logger.exception("The audit chain alert for %s was not sent", today)
        return None
    return check
