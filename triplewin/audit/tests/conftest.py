from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests import tampering
from triplewin.audit import services
from triplewin.audit.models import AuditEvent


@pytest.fixture
def tamper(db: None) -> Callable[..., None]:
    return tampering.tamper


@pytest.fixture
def events(db: None, nhs_lead: Any) -> list[AuditEvent]:
    """Five events by a real user, one per object, the third on another project."""
    return [
        services.record(
            actor=nhs_lead,
            action="test.step",
            obj=nhs_lead,
            project_id=2 if n == 3 else 1,
            changes={"step": [None, n]},
        )
        for n in range(1, 6)
    ]
