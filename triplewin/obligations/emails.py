"""The reminder email: what is due, when, and what to do about it, in plain words."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse

from triplewin.config.filters import govuk_date
from triplewin.core.obligations import Kind, Obligation, ReminderKind
from triplewin.core.wording import one_line
from triplewin.notifications.services import Message
from triplewin.partnerships.models import Project

WHAT_TO_DO: dict[Kind, str] = {
    Kind.SUMMARY: (
        "The ABPI Code requires the executive summary to be public before the project starts. "
        "Have it certified and published in Triple Win, or record a later start date if the "
        "project will start later."
    ),
    Kind.OUTCOMES: (
        "Publish the summary of project outcomes within six months of the end of delivery, so "
        "that patients, the NHS and other partnerships can see what was achieved."
    ),
    Kind.DISCLOSURE: (
        "Submit the year's transfers of value to Disclosure UK (the ABPI collects them by the "
        "end of March and publishes them by the end of June), then mark the year disclosed "
        "on the project's transfers of value page."
    ),
    Kind.REPORT: (
        "Share the progress report with every party and record it in Triple Win, so that "
        "everyone sees the same monitoring data."
    ),
}


def timing(obligation: Obligation, today: dt.date) -> str:
    days = obligation.days_until_due(today) or 0
    if days > 0:
        return f"due in {days} day{'s' if days != 1 else ''}"
    if days == 0:
        return "due today"
    return f"overdue by {-days} day{'s' if days != -1 else ''}"


def subject(project: Project, obligation: Obligation, kind: ReminderKind, today: dt.date) -> str:
    lead = "Overdue" if kind is ReminderKind.OVERDUE else timing(obligation, today).capitalize()
    return one_line(f"{lead}: {obligation.title} ({project.title})")[:250]


def body(project: Project, obligation: Obligation, user: User, today: dt.date) -> str:
    name = user.first_name or user.get_full_name() or user.get_username()
    link = settings.SITE_URL.rstrip("/") + reverse("obligations:project", args=[project.pk])
    due = govuk_date(obligation.due_on)
    return "\n".join(
        [
            f"Hello {name},",
            "",
            f"This is a reminder about the partnership “{one_line(project.title)}”.",
            "",
            f"What is due: {obligation.title}",
            f"Due date: {due}",
            f"Status: {timing(obligation, today)}",
            "",
            WHAT_TO_DO[obligation.kind],
            "",
            "See every obligation for this project:",
            link,
            "",
            "You receive this because you lead for a partner in this project, or you are a "
            "partnership lead of its industry partner. Each reminder is sent once: 30 days "
            "before, 7 days before, on the day, and once if the date passes.",
        ]
    )


def reminder(
    project: Project, obligation: Obligation, kind: ReminderKind, user: User, today: dt.date
) -> Message:
    return Message(
        subject=subject(project, obligation, kind, today),
        body=body(project, obligation, user, today),
    )
