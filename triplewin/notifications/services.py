"""The one way the product emails a person, and the writes behind the email choices.

`notify` sends a message at once or queues it for the person's digest, as they chose for its
kind (see `triplewin.core.notifications` for what may be switched off). Sending failures are
the caller's to handle, as before: a reminder whose email fails is rolled back and retried.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass
from typing import Literal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from triplewin.audit import services as audit
from triplewin.core import notifications as rules
from triplewin.core.notifications import Choice, Kind
from triplewin.notifications import emails
from triplewin.notifications.models import DigestSent, NotificationChoice, QueuedNotice

logger = logging.getLogger(__name__)

Delivered = Literal["sent", "queued", "off", "no_address"]
DigestOutcome = Literal["sent", "already_sent", "nothing", "failed"]


@dataclass(frozen=True)
class Message:
    """What an app wants to say; `notify` decides when and how it is emailed."""

    subject: str
    body: str


def choices_of(user: User) -> dict[Kind, Choice]:
    stored = dict(
        NotificationChoice.objects.filter(user=user).values_list("kind", "choice").order_by()
    )
    return {k: Choice(stored.get(k.value, rules.DEFAULT.value)) for k in Kind}


def choice_of(user: User, kind: Kind) -> Choice:
    return choices_of(user)[kind]


@transaction.atomic
def choice_set(
    *, actor: User, user: User, kind: Kind, choice: Choice, by_link: bool = False
) -> Choice:
    """Set how `user` gets `kind`; the actor is the person, signed in or holding their link."""
    if actor.pk != user.pk:
        raise ValidationError("You can only change your own email choices.")
    refused = rules.refusal(kind, choice)
    if refused:
        raise ValidationError({"choice": refused})
    row = NotificationChoice.objects.select_for_update().filter(user=user, kind=kind.value).first()
    before = Choice(row.choice) if row else rules.DEFAULT
    if before is choice:
        return choice
    row = row or NotificationChoice(user=user, kind=kind.value)
    row.choice = choice.value
    row.full_clean(validate_constraints=False)
    row.save()
    audit.record(
        actor=actor,
        action="notifications.choice_set",
        obj=row,
        changes={
            "kind": [None, kind.value],
            "choice": [before.value, choice.value],
            "by": [None, "emailed link" if by_link else "signed in"],
        },
    )
    return choice


def notify(
    *, user: User, kind: Kind, subject: str, body: str, compliance: bool = False
) -> Delivered:
    """Email `user` now, or queue the message for their digest, as they chose for `kind`.

    `compliance` marks a deadline the Code or the guidance sets: it reaches the person even
    when they switched its kind off (in the daily digest).
    """
    if not user.email or not user.is_active:
        return "no_address"
    how = rules.delivery(kind, choice_of(user, kind), compliance=compliance)
    if how is Choice.OFF:
        return "off"
    if how is Choice.IMMEDIATE:
        emails.immediate(user=user, kind=kind, subject=subject, body=body).send()
        return "sent"
    notice = QueuedNotice(
        user=user, kind=kind.value, frequency=how.value, subject=subject[:250], body=body
    )
    notice.full_clean()
    notice.save()
    return "queued"


def digest_send(*, user: User, frequency: Choice, today: dt.date) -> DigestOutcome:
    """Send `user` their digest for the period `today` falls in, exactly once.

    The unique DigestSent row for (person, frequency, period) is the claim: of two workers,
    only one inserts it; the other gets an IntegrityError and sends nothing. The email goes
    inside the claim's transaction, so a failed send rolls the claim back for the next run.
    """
    start = rules.period_start(frequency, today)
    try:
        with transaction.atomic():
            claim = DigestSent.objects.create(
                user=user, frequency=frequency.value, period_start=start
            )
            notices = list(
                QueuedNotice.objects.select_for_update()
                .filter(user=user, frequency=frequency.value, digest__isnull=True)
                .order_by("queued_at", "id")
            )
            if not notices:
                raise _NothingToSend
            emails.digest(user=user, frequency=frequency.value, notices=notices).send()
            QueuedNotice.objects.filter(pk__in=[n.pk for n in notices]).update(digest=claim)
            audit.record(
                actor=None,
                action="notifications.digest_sent",
                obj=claim,
                changes={
                    "frequency": [None, frequency.value],
                    "period_start": [None, start.isoformat()],
                    "messages": [None, len(notices)],
                    "recipient": [None, user.email],
                },
            )
    except IntegrityError:
        return "already_sent"
    except (smtplib.SMTPException, OSError):
        # The claim is rolled back with the transaction, so the next run tries again.
        logger.exception("The %s digest for user %s was not sent", frequency.value, user.pk)
        return "failed"
    except _NothingToSend:
        return "nothing"
    return "sent"


class _NothingToSend(Exception):
    """Rolls back a claim that found nothing to send, so a later message can still go."""


def send_digests(*, today: dt.date) -> dict[str, int]:
    counts = {"sent": 0, "already_sent": 0, "nothing": 0, "failed": 0}
    for frequency in rules.digests_due(today):
        waiting = (
            QueuedNotice.objects.filter(frequency=frequency.value, digest__isnull=True)
            .values_list("user_id", flat=True)
            .distinct()
            .order_by("user_id")
        )
        for user in User.objects.filter(pk__in=list(waiting), is_active=True).order_by("pk"):
            counts[digest_send(user=user, frequency=frequency, today=today)] += 1
    return counts
