"""The app as gunicorn serves it, made to stop inside one chosen write (the web-kill faults).

FAULT_HOLD_ACTION names an audit action (for example `kpis.measurements_uploaded`). Every
write records its audit event inside its own transaction, after its rows; when the event with
that action has been written, this process touches FAULT_HOLD_MARKER and waits. The test kills
it there: the transaction is open and half its work done, which is the moment a crash hurts.
"""

from __future__ import annotations

import importlib
import os
import time
from pathlib import Path
from typing import Any

from triplewin.config.wsgi import application

# Only once the app (and so Django) is set up can the audit chain's models load.
chain = importlib.import_module("triplewin.audit.chain")
_append = chain.append
HOLD_ACTION = os.environ.get("FAULT_HOLD_ACTION", "")
# Hold at the Nth such event: an import that records one per row is stopped part-way through.
HOLD_AT = int(os.environ.get("FAULT_HOLD_AT", "1"))
_seen = 0
MARKER = Path(os.environ.get("FAULT_HOLD_MARKER", "/nonexistent/holding"))


def append(event: Any) -> Any:
    global _seen
    saved = _append(event)
    if HOLD_ACTION and event.action == HOLD_ACTION:
        _seen += 1
        if _seen >= HOLD_AT:
            MARKER.touch()
            time.sleep(600)
    return saved


chain.append = append  # type: ignore[attr-defined]

__all__ = ["application"]
