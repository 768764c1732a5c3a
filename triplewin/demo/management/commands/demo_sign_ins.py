"""`manage.py demo_sign_ins`: who you can sign in as in the demo, and what each person can do."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand

from triplewin.demo import data, identity, loader
from triplewin.demo.data.types import Person

ORG_NAMES = {org.key: org.name for org in data.ORGANISATIONS}
SETUP_EMAILS = {person.email for person in data.SETUP_PEOPLE}


def _where(person: Person) -> str:
    seats = [f"{seat.role.replace('_', ' ')} at {ORG_NAMES[seat.org]}" for seat in person.seats]
    return "; ".join(seats)


def _two_factor_emails() -> set[str]:
    return {user.email for user in User.objects.filter(authenticator__type="totp").distinct()}


class Command(BaseCommand):
    help = "List the demo sign-ins: email, password and what each person can do."

    def handle(self, *args: Any, **options: Any) -> None:
        write = self.stdout.write
        if not loader.already_loaded():
            write(
                self.style.WARNING("The demo is not loaded yet: run `manage.py load_demo` first.")
            )
        write("Demo sign-ins (all names are invented)")
        write(f"Password for every account: {data.DEMO_PASSWORD}")
        write(
            "Two-factor (marked *): the code now is "
            f"{identity.current_code()}; or add the secret {identity.DEMO_TOTP_SECRET} to an "
            "authenticator app."
        )
        write(
            f"Single sign-on: `npm run oidc`, then on the sign-in page choose "
            f"NHS Lincolnshire ICB and type sam.sso (a new account at {identity.SSO_DOMAIN}, "
            "with no rights until a membership is granted)."
        )
        write("")
        two_factor = _two_factor_emails()
        for person in data.FEATURED:
            mark = " *" if person.email in two_factor else ""
            write(self.style.MIGRATE_HEADING(f"{person.email}{mark}"))
            write(f"  {person.full_name}: {_where(person)}")
            write(f"  {person.can_do}")
        write("")
        write(self.style.MIGRATE_HEADING("Other partner leads and committee members"))
        for person in data.PEOPLE:
            if not person.featured and person.email not in SETUP_EMAILS:
                mark = "*" if person.email in two_factor else ""
                write(f"  {person.email + mark:<48} {person.full_name}: {_where(person)}")
        write("")
        write(self.style.MIGRATE_HEADING("Set-up and governance: teams, committees, signatories"))
        for person in data.SETUP_PEOPLE:
            mark = "*" if person.email in two_factor else ""
            write(f"  {person.email + mark:<48} {person.full_name}: {_where(person)}")
            write(f"  {'':<48} {person.can_do}")
