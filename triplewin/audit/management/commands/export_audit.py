"""`manage.py export_audit`: the whole audit chain as JSON Lines, for an outside auditor.

Each line is one event in chain order: its table id, its stored hash, and the exact object
whose RFC 8785 serialisation that hash covers (ADR 0012). With it, and any RFC 8785 library,
anyone can recompute every hash and link and compare the chain with the daily heads published
on the register. The events name people: share the file as the audit trail itself.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from triplewin.audit.chain import CHUNK, events_after
from triplewin.core.audit_chain import canonical_bytes


def export(emit: Callable[[str], Any]) -> int:
    """Emit one JSON line per event, in chain order; return how many."""
    count = after = 0
    while True:
        events = events_after(after, CHUNK)
        for event in events:
            try:
                content = json.loads(canonical_bytes(event.content))
            except (ValueError, TypeError) as error:
                raise CommandError(
                    f"Event {event.id} cannot be exported ({error}); "
                    "`manage.py verify_audit` explains what is wrong with it."
                ) from None
            emit(json.dumps({"id": event.id, "hash": event.hash, "event": content}))
            count += 1
        if len(events) < CHUNK:
            return count
        after = events[-1].content.sequence


class Command(BaseCommand):
    help = "Write the audit chain as JSON Lines (one event a line, in order) for re-verification."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args: Any, output: str | None, **options: Any) -> None:
        if output is None:
            export(self.stdout.write)
            return
        with open(output, "w", encoding="utf-8") as file:
            count = export(lambda line: file.write(line + "\n"))
        self.stderr.write(f"Wrote {count:,} events to {output}.")
