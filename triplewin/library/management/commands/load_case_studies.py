"""`manage.py load_case_studies`: the seeded library; safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from triplewin.library import seeding


class Command(BaseCommand):
    help = "Load the case studies drawn from the source documents (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = seeding.load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Case study library: {report.created} added, {report.updated} updated, "
                f"{report.unchanged} unchanged, {report.linked} linked to live projects."
            )
        )
