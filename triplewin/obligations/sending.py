"""Sending one logged reminder, exactly once.

Idempotency rests on the unique ReminderSent row (project, key, due date, recipient, kind).
Each email is sent inside the transaction that inserts its row: a second run, or a second
worker racing this one, fails to insert the same row and sends nothing. If sending fails, the
row is rolled back and the next run tries again. The one gap left is a crash between the mail
server accepting the message and the commit, which could repeat that one email; that is
preferred to losing a reminder.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from typing import Literal

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from triplewin.audit import services as audit
from triplewin.core.notifications import Kind
from triplewin.notifications.services import Message, notify
from triplewin.obligations.models import ReminderSent

logger = logging.getLogger(__name__)

Outcome = Literal["sent", "already_sent", "failed"]


@dataclass
class ReminderRun:
    sent: int = 0
    already_sent: int = 0
    failed: int = 0
    recipients: set[str] = field(default_factory=set)

    def add(self, outcome: Outcome, email: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome == "sent":
            self.recipients.add(email)

    def as_dict(self) -> dict[str, int]:
        return {"sent": self.sent, "already_sent": self.already_sent, "failed": self.failed}


def send_logged(
    *,
    row: ReminderSent,
    user: User,
    kind: Kind,
    message: Message,
    audit_action: str,
    compliance: bool = False,
) -> Outcome:
    """Log the reminder and hand it to `notify`, which emails it now or queues it for the
    person's digest as they chose; either way it is logged once and never handed over twice."""
    # Uniqueness is checked by the insert itself, atomically, not by a racy query first.
    row.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            row.save()
            delivered = notify(
                user=user,
                kind=kind,
                subject=message.subject,
                body=message.body,
                compliance=compliance,
            )
            audit.record(
                actor=None,
                action=audit_action,
                obj=row,
                project_id=row.project_id,
                changes={
                    "obligation": [None, row.obligation_key],
                    "due_on": [None, row.due_on.isoformat()],
                    "kind": [None, row.kind],
                    "recipient": [None, row.recipient_email],
                    "delivery": [None, delivered],
                },
            )
    except IntegrityError:
        return "already_sent"
    except (smtplib.SMTPException, OSError):
        logger.exception(
            "Reminder for %s to %s was not sent", row.obligation_key, row.recipient_email
        )
        return "failed"
    return "sent"
