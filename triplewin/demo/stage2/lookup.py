"""Finding the records the stage 2 content names, with errors that say where the name was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User

from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.team.models import TeamMember


class DemoDataError(Exception):
    """The demo content refers to something it does not define, or a step it expects fails."""


@dataclass(frozen=True)
class Lookup:
    users: Mapping[str, User]
    orgs: Mapping[str, Organisation]
    projects: Mapping[str, Project]
    # The day the demo is loaded: meetings, signatures and due dates are relative to it.
    today: dt.date

    def user(self, email: str, where: str) -> User:
        try:
            return self.users[email]
        except KeyError:
            raise DemoDataError(f"{where} names an unknown person {email!r}.") from None

    def org(self, key: str, where: str) -> Organisation:
        try:
            return self.orgs[key]
        except KeyError:
            raise DemoDataError(f"{where} names an unknown organisation {key!r}.") from None

    def project(self, key: str) -> Project:
        try:
            return self.projects[key]
        except KeyError:
            raise DemoDataError(f"Stage 2 content names an unknown project {key!r}.") from None

    def member(self, project: Project, email: str, where: str) -> TeamMember:
        """The person's current place on the project's team."""
        user = self.user(email, where)
        found = TeamMember.objects.active().filter(project=project, user=user).first()
        if found is None:
            raise DemoDataError(f"{where} names {email}, who is not on the team.")
        return found
