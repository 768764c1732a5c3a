"""Writes for delivery: milestones, the risk and issue logs, RAG overrides and closure."""

from __future__ import annotations

from triplewin.delivery.services._common import DELIVERY_IN, delivery_open
from triplewin.delivery.services.closure import project_complete, project_terminate
from triplewin.delivery.services.logs import (
    issue_add,
    issue_update,
    milestone_add,
    milestone_update,
    risk_add,
    risk_update,
)
from triplewin.delivery.services.rag import rag_override_clear, rag_override_set

__all__ = [
    "DELIVERY_IN",
    "delivery_open",
    "issue_add",
    "issue_update",
    "milestone_add",
    "milestone_update",
    "project_complete",
    "project_terminate",
    "rag_override_clear",
    "rag_override_set",
    "risk_add",
    "risk_update",
]
