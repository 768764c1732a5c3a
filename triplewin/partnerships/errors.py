"""Errors that services raise and views turn into messages next to the right thing."""

from __future__ import annotations

from triplewin.core.rules import GateReport, RuleResult


class StaleEdit(Exception):
    def __init__(self) -> None:
        super().__init__(
            "Someone else saved changes to this page after you opened it. Your changes have not "
            "been saved: reload the page to see the latest version, then make your edits again."
        )


class GateBlocked(Exception):
    def __init__(self, report: GateReport, unaccepted: tuple[RuleResult, ...] = ()) -> None:
        self.report = report
        self.unaccepted = unaccepted
        blockers = len(report.failed_blockers)
        if blockers:
            message = f"This step is blocked by {blockers} rule{'s' if blockers != 1 else ''} that must pass first."
        else:
            message = "Each open risk must be accepted with a reason before this step."
        super().__init__(message)


class NotPermitted(Exception):
    pass
