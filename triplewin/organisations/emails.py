"""The emails of an organisation's people pages and of joining the platform.

`deliver` is the one place they are sent from, so they can be routed elsewhere (a
notifications app, a task queue) without touching the services.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from triplewin.config.mail import email
from triplewin.organisations.models import Invitation, JoinRequest, Role


def accept_link(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("organisations:accept", args=[token])


def deliver(message: EmailMessage) -> None:
    """Send once the change that caused the email is saved; never for a change rolled back."""
    transaction.on_commit(message.send)


def invitation(invitation: Invitation, token: str, invited_by: str) -> EmailMessage:
    role = Role(invitation.role).label.lower()
    return email(
        subject=f"You are invited to Triple Win by {invitation.organisation.name}",
        body="\n".join(
            [
                "Hello,",
                "",
                f"{invited_by} invites you to join {invitation.organisation.name} on Triple Win "
                f"as {role}.",
                "",
                "Triple Win is where NHS organisations and companies run their collaborative "
                "and joint working projects.",
                "",
                "Accept the invitation here. The link works once and expires on "
                f"{invitation.expires_at:%-d %B %Y}:",
                accept_link(token),
                "",
                "If you did not expect this email, ignore it: nothing happens unless the link "
                "is used.",
            ]
        ),
        to=[invitation.email],
    )


def join_rejected(request: JoinRequest) -> EmailMessage:
    return email(
        subject=f"Your request for {request.name} to join Triple Win",
        body="\n".join(
            [
                f"Hello {request.requester_name},",
                "",
                f"We could not accept the request for {request.name} to join Triple Win.",
                "",
                "The reason given:",
                request.reason,
                "",
                "You can send a new request once the reason is dealt with.",
            ]
        ),
        to=[request.requester_email],
    )
