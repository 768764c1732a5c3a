"""`manage.py load_demo`: fill an empty database with the demo organisations, people and projects."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from triplewin.core.lifecycle import STATES, State
from triplewin.demo import loader


class Command(BaseCommand):
    help = (
        "Load the demo: real partnerships from the source documents, invented Lincolnshire "
        "projects and demo sign-ins. Does nothing if the demo is already loaded."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if loader.already_loaded():
            self.stdout.write("Demo data already loaded.")
            return
        report = loader.load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {report.organisations} organisations, {report.people} people and "
                f"{report.projects} projects."
            )
        )
        for state in State:
            count = report.states.get(state.value, 0)
            if count:
                self.stdout.write(f"  {STATES[state].label}: {count}")
        self.stdout.write("Run `manage.py demo_sign_ins` to see who you can sign in as.")
