"""The history page's verdict on the audit chain: do this project's events still verify?"""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.audit.chain import verify_project
from triplewin.audit.models import ChainCheck
from triplewin.config.filters import govuk_date
from triplewin.core.wording import counted
from triplewin.partnerships.visibility import Visibility


@dataclass(frozen=True)
class ChainSummary:
    verified: bool
    headline: str
    detail: str


def chain_summary(project_id: int, *, seen: Visibility) -> ChainSummary:
    """Three queries whatever the project's size (see `verify_project`), and the last daily check.

    Every event of the project is verified, but a company user is told only of the events
    they may see: the count, and which event broke, would otherwise reveal NHS-only records.
    """
    result = verify_project(project_id)
    latest = ChainCheck.objects.only("day", "verified").first()
    shown = seen.audit_events()
    events = result.events if seen.sees_nhs_only else shown.count()
    if result.broken is not None:
        broken = result.broken
        hidden = broken.event_id is None or not shown.filter(pk=broken.event_id).exists()
        if not seen.sees_nhs_only and hidden:
            return ChainSummary(
                False,
                "This history does not verify against the audit chain.",
                "An event of this project no longer matches the fingerprint taken when it was "
                "recorded. The audit table has been changed outside Triple Win, so this history "
                "may not show what really happened. Tell an administrator.",
            )
        when = govuk_date(broken.at) if broken.at is not None else "at an unknown time"
        return ChainSummary(
            False,
            "This history does not verify against the audit chain.",
            f"The event recorded {when} (event {broken.event_id}) {broken.reason()}. "
            "The audit table has been changed outside Triple Win, so this history may not "
            "show what really happened. Tell an administrator.",
        )
    if latest is not None and not latest.verified:
        return ChainSummary(
            False,
            f"The daily check of the whole audit trail failed on {govuk_date(latest.day)}.",
            f"This project's {counted(events, 'event')} still "
            f"{'verifies' if events == 1 else 'verify'}, but events "
            "elsewhere in the trail were changed or deleted, and some may have belonged to "
            "this project. The administrators have been told.",
        )
    if events == 0:
        return ChainSummary(True, "No events have been recorded for this project yet.", "")
    everything = (
        "The only event in this history verifies"
        if events == 1
        else f"All {events:,} events in this history verify"
    )
    return ChainSummary(
        True,
        f"{everything} against the audit chain.",
        "Each still matches the fingerprint taken when it was recorded, and still links to "
        "the event recorded just before it, so none has been altered since.",
    )
