"""The email telling a team member that an action is theirs: what, by when, and where."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from triplewin.core.dates import long_date
from triplewin.core.wording import one_line
from triplewin.meetings.models import Action
from triplewin.team.selectors import display_name


def _link(name: str, *args: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def action_assigned(action: Action, given_by: str) -> EmailMessage:
    owner = action.owner
    project = action.project
    name = owner.first_name or display_name(owner)
    agreed = [f"Agreed at: {one_line(action.meeting.title)}"] if action.meeting else []
    body = "\n".join(
        [
            f"Hello {name},",
            "",
            f"{given_by} has given you an action in the partnership “{one_line(project.title)}”.",
            "",
            f"The action: {action.description}",
            f"Due: {long_date(action.due_on)}",
            *agreed,
            "",
            "When it is done, mark it done in the project's action log:",
            _link("meetings:actions", project.pk),
            "",
            "Every action and KPI given to you is listed on your Deadlines page:",
            _link("obligations:index"),
        ]
    )
    return EmailMessage(
        subject=one_line(f"An action for you: {action.description} ({project.title})")[:250],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[owner.email],
    )
