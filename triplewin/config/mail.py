"""The one way the product builds an email, so every email's text is safe to send.

Subjects and bodies carry stored text (titles, action descriptions). Whatever was stored before
the input guard existed, an email never carries a control character or a readable NHS number
(ADR 0011), and a subject is one line.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage

from triplewin.core.input_guard import safe_text
from triplewin.core.wording import one_line

SUBJECT_LIMIT = 250


def email(*, subject: str, body: str, to: list[str]) -> EmailMessage:
    return EmailMessage(
        subject=one_line(safe_text(subject))[:SUBJECT_LIMIT],
        body=safe_text(body),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
    )
