"""An email backend for the fault tests' processes: each message becomes one file.

Set as EMAIL_BACKEND in a process's environment with FAULT_MAIL_DIR naming the folder. The
test then counts what really left the process, whatever happened to it afterwards.

FAULT_MAIL_HOLD_AFTER=N makes the process, once it has delivered N messages, write a
`holding` file and wait before the next one: the test kills it there, in the middle of a
batch, at a point it knows.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


def folder() -> Path:
    return Path(os.environ["FAULT_MAIL_DIR"])


def delivered(directory: Path) -> list[tuple[str, str]]:
    """(recipient, subject) of every message delivered to the folder."""
    found = []
    for path in sorted(directory.glob("*.eml")):
        to, subject = path.read_text().split("\n", 2)[:2]
        found.append((to, subject))
    return found


class FileEachBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        directory = folder()
        directory.mkdir(parents=True, exist_ok=True)
        hold_after = int(os.environ.get("FAULT_MAIL_HOLD_AFTER", "0") or 0)
        for message in email_messages:
            if hold_after and len(list(directory.glob("*.eml"))) >= hold_after:
                (directory / "holding").touch()
                time.sleep(600)
            body = f"{','.join(message.to)}\n{message.subject}\n{message.body}"
            tmp = directory / f"{uuid.uuid4().hex}.tmp"
            tmp.write_text(body)
            tmp.rename(tmp.with_suffix(".eml"))
        return len(email_messages)
