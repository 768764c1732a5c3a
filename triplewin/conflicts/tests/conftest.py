"""The team fixtures (a project whose concept is approved, and a small team) reused here."""

from triplewin.team.tests.conftest import approved, team

__all__ = ["approved", "team"]
