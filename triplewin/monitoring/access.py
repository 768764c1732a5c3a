"""Who may watch the background work: platform administrators and system oversight leads.

Both checks are the ones their own pages use (`organisations.access`, `oversight.access`), so a
change to who counts as either reaches this page too.
"""

from __future__ import annotations

from typing import Any

from triplewin.organisations.access import is_platform_administrator
from triplewin.oversight.access import is_oversight_lead


def may_watch_background_work(user: Any) -> bool:
    return is_platform_administrator(user) or is_oversight_lead(user)


def sees_tracebacks(user: Any) -> bool:
    """A traceback names our files and lines and may quote the data a task was handling; the
    people who run the service need it, the oversight leads need only what went wrong."""
    return is_platform_administrator(user)
