"""Every write of the documents app: versions, sign-off in this engine, frozen copies."""

from triplewin.documents.services.copies import certified_copy_for
from triplewin.documents.services.signoff import document_approve, document_certify
from triplewin.documents.services.versions import document_generate, document_sync

__all__ = [
    "certified_copy_for",
    "document_approve",
    "document_certify",
    "document_generate",
    "document_sync",
]
