"""Every framework document the engine produces, in the order of the lifecycle."""

from __future__ import annotations

from triplewin.documents.kinds.agreement import AgreementKind
from triplewin.documents.kinds.amendment import AmendmentKind
from triplewin.documents.kinds.base import Decided, Kind, Signer, Snapshot, Subject
from triplewin.documents.kinds.concept import ConceptKind
from triplewin.documents.kinds.minutes import MinutesKind
from triplewin.documents.kinds.outcomes import OutcomesKind
from triplewin.documents.kinds.pid import PidKind
from triplewin.documents.kinds.records import ChecklistKind, LessonsKind, ScopingKind
from triplewin.documents.kinds.status_report import StatusReportKind
from triplewin.documents.kinds.summary import SummaryKind

__all__ = ["KINDS", "Decided", "Kind", "Signer", "Snapshot", "Subject", "kind_for"]

KINDS: tuple[Kind, ...] = (
    ScopingKind(),
    ChecklistKind(),
    ConceptKind(),
    PidKind(),
    AgreementKind(),
    SummaryKind(),
    AmendmentKind(),
    MinutesKind(),
    StatusReportKind(),
    OutcomesKind(),
    LessonsKind(),
)
_BY_KEY = {k.key: k for k in KINDS}


def kind_for(document: str) -> Kind | None:
    """The kind a document key belongs to: "pid" itself, or "minutes" for "minutes-12"."""
    if document in _BY_KEY:
        kind = _BY_KEY[document]
        return None if kind.definition.per_subject else kind
    head, _, tail = document.rpartition("-")
    found = _BY_KEY.get(head)
    if found is None or not found.definition.per_subject or not tail.isdigit():
        return None
    return found
