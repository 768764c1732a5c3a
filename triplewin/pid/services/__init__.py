"""Writes for the PID: its own fields, versions, certification and approvals."""

from __future__ import annotations

from triplewin.pid.services.amendments import AMENDABLE_IN, pid_amend
from triplewin.pid.services.decisions import pid_certify, pid_decide
from triplewin.pid.services.editing import EDITABLE_IN, pid_responsibilities_save, pid_save
from triplewin.pid.services.versions import SIGN_OFF_IN, pid_submit

__all__ = [
    "AMENDABLE_IN",
    "EDITABLE_IN",
    "SIGN_OFF_IN",
    "pid_amend",
    "pid_certify",
    "pid_decide",
    "pid_responsibilities_save",
    "pid_save",
    "pid_submit",
]
