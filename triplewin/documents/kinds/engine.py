"""A document whose sign-off is read from the sign-off engine, for a text bound to a hash.

The two published summaries keep one text that changes in place; the engine holds their
certification, approvals and publication. This turns the engine's answer for one text into
the documents app's `Decided`, with the engine's record for the sign-off block.
"""

from __future__ import annotations

from django.contrib.auth.models import User

from triplewin.core import signoff as core
from triplewin.core.documents.model import Status
from triplewin.documents.kinds.base import Decided, Signer
from triplewin.organisations.models import Role
from triplewin.partnerships.models import Project
from triplewin.signoff import selectors as signoff
from triplewin.signoff.services import OUTSIDE_LABEL
from triplewin.signoff.sources import Version
from triplewin.team.selectors import display_name

STATUSES = {
    core.Status.PUBLISHED: Status.PUBLISHED,
    core.Status.APPROVED: Status.APPROVED,
}


def _name(record: core.ActRecord) -> str:
    """The person's name without their email address (the public reads it), else the label.

    "" for an act recorded from a partnership's own records: nobody here is named, and the
    documents say so in their own words.
    """
    if record.actor_label == OUTSIDE_LABEL:
        return ""
    user = User.objects.filter(pk=record.actor_id).first() if record.actor_id else None
    return display_name(user) if user is not None else record.actor_label


def decided_by_engine(
    project: Project,
    document: str,
    subject: str,
    source_hash: str,
    *,
    dated_by_publication: bool = False,
) -> Decided | None:
    """The text with `source_hash` as the engine judges it; None until it is certified.

    Only the acts on that text are read: whether the text has moved on since is the documents
    engine's own question (a new source hash), so the text counts as live here.
    """
    state = signoff.sign_off(
        project, document, subject, Version(None, source_hash), live_hash=source_hash
    )
    cert = state.certification
    if cert is None:
        return None
    status = STATUSES.get(state.status, Status.CERTIFIED)
    if state.requirements.approvals == () and status is Status.APPROVED:
        status = Status.CERTIFIED  # nothing to approve: a certified summary is just certified
    when = cert.at
    if dated_by_publication and state.publication is not None and status is Status.PUBLISHED:
        when = state.publication.at
    signer = Signer(cert.actor_id, cert.organisation_id, Role.CERTIFICATION_SIGNATORY)
    return Decided(status, _name(cert), when, signer, state)
