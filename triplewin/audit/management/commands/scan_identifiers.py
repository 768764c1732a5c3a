"""Find identifiable patient data and control characters already stored in the database.

The input guard stops new ones; this reports where old ones sit, so someone can remove them
through the pages that own them. Nothing is changed, and nothing is printed in full.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import models

from triplewin.core import input_guard

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def text_columns() -> list[tuple[type[models.Model], list[str]]]:
    """Every model of Triple Win with the names of its text (and JSON) columns."""
    found = []
    for model in apps.get_models():
        # Unmanaged models are derived indexes (the library's full-text table), which hold
        # copies of text scanned in its own model and exist on one database only.
        meta = model._meta
        if not model.__module__.startswith("triplewin.") or meta.proxy or not meta.managed:
            continue
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, TEXT_FIELDS) and not f.primary_key
        ]
        if names:
            found.append((model, names))
    return found


class Command(BaseCommand):
    help = (
        "Reports every stored NHS number and control character in Triple Win's text columns: "
        "model, record id, field and a masked excerpt, never the identifier itself. Exits with "
        "status 1 when it finds any, and 0 when the data is clean. --warnings also lists dates "
        "of birth and postcodes beside names, which people may have confirmed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--warnings",
            action="store_true",
            help="Also list dates of birth and postcodes beside names (they never fail the scan).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        refused = warned = 0
        for model, names in text_columns():
            label = model._meta.label
            rows = model._default_manager.order_by("pk").values_list("pk", *names)
            for pk, *values in rows.iterator(chunk_size=2000):
                for name, value in zip(names, values, strict=True):
                    for text in input_guard.strings(value):
                        for finding in input_guard.inspect_text(text):
                            if finding.blocks:
                                refused += 1
                            elif options["warnings"]:
                                warned += 1
                            else:
                                continue
                            self.stdout.write(
                                f"{label} id={pk} {name}: {finding.kind.value} "
                                f"({finding.severity.value}) {finding.excerpt}"
                            )
        if refused:
            raise CommandError(
                f"Found {refused} stored NHS number(s) or control character(s). Remove them "
                "through the pages that own each record.",
                returncode=1,
            )
        summary = (
            f"No NHS numbers or control characters are stored in {len(text_columns())} models."
        )
        if warned:
            summary += f" {warned} warning(s) listed above."
        self.stdout.write(summary)
