"""The email asking a team member to declare their interests."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from triplewin.core.wording import one_line
from triplewin.notifications.services import Message
from triplewin.team.models import DeclarationRequest
from triplewin.team.selectors import display_name


def _link(name: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name)


def declaration_requested(request: DeclarationRequest, asked_by: str) -> Message:
    member = request.member
    person = member.user
    project = member.project
    return Message(
        subject=f"Please declare your interests: {project.title}",
        body="\n".join(
            [
                f"Hello {person.first_name or display_name(person)},",
                "",
                f"{asked_by} asks you to declare your interests for the partnership "
                f"“{one_line(project.title)}”, where you are on the project team.",
                "",
                "Everyone on the team declares their interests before the team decides "
                "anything. If you have none, say so: a nil return takes a minute.",
                "",
                "Declare your interests, or make a nil return, on your register:",
                _link("conflicts:register"),
            ]
        ),
    )
