"""The survey invitation email: why it came, the personal link, and what happens to answers."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from triplewin.config.mail import email
from triplewin.core.wording import one_line
from triplewin.learning.models import SurveyInvitation
from triplewin.learning.tokens import make_token


def survey_link(invitation: SurveyInvitation) -> str:
    path = reverse("learning:survey_respond", args=[make_token(invitation.pk)])
    return settings.SITE_URL.rstrip("/") + path


def survey_invitation(invitation: SurveyInvitation) -> EmailMessage:
    user = invitation.user
    project = invitation.survey.project
    name = user.first_name or user.get_full_name() or user.get_username()
    body = "\n".join(
        [
            f"Hello {name},",
            "",
            f"The partnership “{one_line(project.title)}” has ended. Its partners would like "
            "to know how the partnership worked for you, to learn from it and to help others "
            "planning something similar.",
            "",
            "The survey has ten short questions and takes about five minutes. This link is "
            "personal to you: sign in to Triple Win as yourself to use it.",
            survey_link(invitation),
            "",
            "You can answer once. Nobody sees your individual answers: results are shown only "
            "as totals for the NHS side and the industry side, and a side with fewer than "
            "three answers shows no results at all.",
        ]
    )
    return email(
        subject=f"How did the partnership work for you? ({project.title})",
        body=body,
        to=[user.email],
    )
