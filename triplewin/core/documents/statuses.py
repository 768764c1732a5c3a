"""The status each version of one document shows, given what was decided on each.

A newer version replaces an older one in two cases: the older one was never signed off, or a
newer one has been signed off too. A signed-off version stays current while its successors are
still drafts, so a reader never mistakes a draft for what was agreed.
"""

from __future__ import annotations

from collections.abc import Sequence

from triplewin.core.documents.model import SIGNED_OFF, Status


def effective(base: Sequence[Status]) -> list[Status]:
    """Statuses in version order (oldest first), with replaced versions marked superseded."""
    result = list(base)
    newer_signed_off = False
    for i in range(len(result) - 1, -1, -1):
        own = result[i]
        is_latest = i == len(result) - 1
        if not is_latest and (own not in SIGNED_OFF or newer_signed_off):
            result[i] = Status.SUPERSEDED
        newer_signed_off = newer_signed_off or own in SIGNED_OFF
    return result
