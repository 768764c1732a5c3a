"""Every document signed off through the engine declares who must sign and where its versions are."""

from __future__ import annotations

from triplewin.core import signoff as core
from triplewin.documents.kinds import KINDS
from triplewin.signoff import sources

MIGRATED = ("concept", "pid", "amendment", "outcomes")


def test_every_document_signed_off_through_the_engine_is_declared_and_registered():
    through_documents = [k.key for k in KINDS if k.signed_off_here]
    assert set(through_documents) >= {"status-report", "agreement"}
    for document in (*MIGRATED, *through_documents):
        assert core.requirements_for(document).title
        assert sources.source_for(document).noun
