"""Apply the retention policy now, or with --dry-run say what it would do (ADR 0041)."""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from triplewin.core.retention import LEGAL_RECORDS, PolicyError
from triplewin.retention.services import Outcome, apply_retention, current_policy


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today {value!r} is not a date; write it as 2026-12-31.") from None


class Command(BaseCommand):
    help = (
        "Remove or anonymise personal data kept past its retention period. "
        "The scheduler runs this daily; --dry-run only reports."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )
        parser.add_argument(
            "--today", help="Apply the policy as of this day (YYYY-MM-DD); default today."
        )

    def handle(self, *args: Any, dry_run: bool, today: str | None, **options: Any) -> None:
        day = _day(today) if today else timezone.localdate()
        try:
            rules = current_policy()
        except PolicyError as error:
            raise CommandError(str(error)) from None
        outcomes = apply_retention(today=day, dry_run=dry_run, rules=rules)
        self.stdout.write(
            f"Retention policy as of {day.isoformat()}"
            + (" (dry run: nothing was changed)" if dry_run else "")
        )
        for outcome in outcomes:
            self.stdout.write(self._line(outcome, dry_run=dry_run))
        self.stdout.write("Never changed, however old: " + "; ".join(LEGAL_RECORDS) + ".")

    @staticmethod
    def _line(outcome: Outcome, *, dry_run: bool) -> str:
        rule = outcome.rule
        done = f"would {rule.action.value}" if dry_run else f"{rule.action.value}d"
        line = (
            f"- {rule.subject}, kept {rule.days} days from {rule.clock} ({rule.setting}): "
            f"{done} {outcome.count}"
        )
        if outcome.kept:
            line += f"; keeps {outcome.kept} past the period because {outcome.kept_because}"
        return line
