"""The emails `notify` sends: one message at once, or a digest of several.

Each ends with the link that changes the choice for its kind without signing in, and carries
the same link in a List-Unsubscribe header so mail programs can offer it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.mail import EmailMessage

from triplewin.config.mail import email
from triplewin.core.notifications import KIND_LABELS, Kind
from triplewin.notifications.models import Digest, QueuedNotice
from triplewin.notifications.tokens import link


def _footer(user: User, kinds: Sequence[Kind]) -> list[str]:
    lines = ["", "—", "Choose how you get these emails (no need to sign in):"]
    for kind in kinds:
        lines.append(f"{KIND_LABELS[kind]}: {link(user, kind)}")
    return lines


def _with_header(message: EmailMessage, user: User, kind: Kind) -> EmailMessage:
    message.extra_headers["List-Unsubscribe"] = f"<{link(user, kind)}>"
    return message


def immediate(*, user: User, kind: Kind, subject: str, body: str) -> EmailMessage:
    message = email(
        subject=subject, body="\n".join([body, *_footer(user, [kind])]), to=[user.email]
    )
    return _with_header(message, user, kind)


def digest(*, user: User, frequency: str, notices: Sequence[QueuedNotice]) -> EmailMessage:
    name = user.first_name or user.get_full_name() or user.get_username()
    label = Digest(frequency).label.lower()
    kinds = sorted({Kind(n.kind) for n in notices}, key=list(Kind).index)
    lines = [
        f"Hello {name},",
        "",
        f"This is your {label} from Triple Win: {len(notices)} "
        f"message{'s' if len(notices) != 1 else ''}.",
    ]
    for number, notice in enumerate(notices, start=1):
        lines += ["", "=" * 60, f"{number}. {notice.subject}", "", notice.body]
    message = email(
        subject=f"Triple Win {label}: {len(notices)} message{'s' if len(notices) != 1 else ''}",
        body="\n".join([*lines, *_footer(user, kinds)]),
        to=[user.email],
    )
    return _with_header(message, user, kinds[0])
