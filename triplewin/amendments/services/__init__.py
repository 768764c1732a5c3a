"""Writes for amendments: drafting, sign-off (which applies them), and variation signatures."""

from __future__ import annotations

from triplewin.amendments.services.drafting import (
    AMENDMENT_FIELDS,
    amendment_change_remove,
    amendment_change_set,
    amendment_changes_save,
    amendment_create,
    amendment_reopen,
    amendment_submit,
    amendment_update,
)
from triplewin.amendments.services.signoff import amendment_certify, amendment_decide
from triplewin.amendments.services.variation import PartySignature, variation_signatures_save

__all__ = [
    "AMENDMENT_FIELDS",
    "PartySignature",
    "amendment_certify",
    "amendment_change_remove",
    "amendment_change_set",
    "amendment_changes_save",
    "amendment_create",
    "amendment_decide",
    "amendment_reopen",
    "amendment_submit",
    "amendment_update",
    "variation_signatures_save",
]
