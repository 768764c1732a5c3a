"""Writes for the agreement: its record, its parties and signatures, and signed copies."""

from triplewin.agreement.services.copies import signed_copy_upload
from triplewin.agreement.services.parties import (
    SignResult,
    agreement_move_on,
    party_add,
    party_remove,
    party_sign,
    party_update,
)
from triplewin.agreement.services.record import EDITABLE_IN, agreement_save

__all__ = [
    "EDITABLE_IN",
    "SignResult",
    "agreement_move_on",
    "agreement_save",
    "party_add",
    "party_remove",
    "party_sign",
    "party_update",
    "signed_copy_upload",
]
