"""The team fixtures (a project whose concept is approved, and a small team) reused here."""

import pytest

from triplewin.team.tests.conftest import approved, team

__all__ = ["approved", "team"]


@pytest.fixture
def current_registers() -> bool:
    """The register's own tests start from people who have declared nothing yet."""
    return False
