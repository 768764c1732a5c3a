"""Shared fixtures: organisations, the seven roles every view is tested as, and a project.

Every role's user has made a nil return today, as everyone who takes decisions must have
(ADR 0013); tests about an empty or lapsed register override `current_registers`.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db.backends.signals import connection_created
from django.test import Client

from tests import factories, migrations, one_time
from triplewin.config.storage import local_storage


def _allow_audit_truncate(sender: Any, connection: Any, **kwargs: Any) -> None:
    # Transactional tests end with a TRUNCATE of every table, which the audit tables refuse
    # on PostgreSQL unless the session says so (audit migration 0005, ADR 0012).
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET triplewin.allow_audit_truncate = 'on'")


def pytest_configure(config: pytest.Config) -> None:
    connection_created.connect(_allow_audit_truncate)
    config.pluginmanager.register(_LongFirst(), "triplewin-long-first")


# A test that asks for any of these, or is marked django_db, can reach the database.
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


# Tests that take many seconds each. They go to the workers first: started last, one of them
# alone would hold up the end of the run for minutes while the other core sat idle.
LONG = ("browser", "fault", "slow")


class _LongFirst:
    @pytest.hookimpl(trylast=True)  # after pytest-randomly's shuffle, kept within each part
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        items.sort(key=lambda item: not any(item.get_closest_marker(name) for name in LONG))


@pytest.hookimpl(tryfirst=True)  # before `-m` chooses by the marks set here
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        # CI runs the browser journeys once, not on both databases (`-m 'not browser'` on the
        # PostgreSQL pass), so any test that starts the browser carries the mark, marked or not.
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        # pytest-django refuses the database to any other test, so the database under it
        # cannot change its result: CI's PostgreSQL pass leaves it out (`not no_database`).
        # Fault tests start processes of their own, which do use the database, so they stay.
        reaches = item.get_closest_marker("django_db") or fixtures & DATABASE_FIXTURES
        if not reaches and not item.get_closest_marker("fault"):
            item.add_marker(pytest.mark.no_database)


@pytest.fixture(autouse=True)
def _latest_schema_after_migration_tests(django_db_blocker: Any) -> Any:
    """A migration test leaves the schema where it found it: at the newest migrations."""
    yield
    if migrations.moved:
        with django_db_blocker.unblock():
            migrations.restore_latest()


@pytest.fixture(autouse=True)
def private_root(settings: Any, tmp_path: Path) -> Path:
    """Each test's private storage (signed agreements) is its own temporary folder."""
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": local_storage(root),
    }
    return root


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Argon2 is the production hasher (see test_settings); tests use a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _one_time_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    # Test posts to create forms carry a real token, as the page would give them; and every
    # create page a test opens must give one. See tests/one_time.py.
    one_time.install(monkeypatch)


@pytest.fixture(autouse=True)
def _shared_cache_between_tests(settings: Any) -> None:
    # The database cache rolls back with each test's transaction; Redis keeps what the last
    # test counted (sign-in failures, verification checks), so it starts each test empty.
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        from django.core.cache import cache

        cache.clear()


@pytest.fixture
def fresh_cache(transactional_db: None) -> None:
    """Tests that run a live server commit their writes, and the database cache's table is not
    one the test database's flush empties: without this, counts carry over between tests."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def current_registers() -> bool:
    """Whether the role users start with a nil return; the register's own tests start empty."""
    return True


@pytest.fixture
def icb(db: None) -> Any:
    return factories.organisation(name="Test Integrated Care Board", org_type="icb", ods_code="QZZ")


@pytest.fixture
def nhs_org(icb: Any) -> Any:
    return factories.organisation(
        name="Test Hospitals NHS Trust", org_type="trust", ods_code="RZZ", system=icb
    )


@pytest.fixture
def pharma_org(db: None) -> Any:
    return factories.organisation(name="Test Pharma Ltd", org_type="pharmaceutical")


@pytest.fixture
def other_org(db: None) -> Any:
    return factories.organisation(
        name="Unrelated Health Foundation Trust", org_type="trust", ods_code="RYY"
    )


@pytest.fixture
def elsewhere_icb(db: None) -> Any:
    """An ICB with no part in the test projects, where company people also hold roles."""
    return factories.organisation(
        name="Elsewhere Integrated Care Board", org_type="icb", ods_code="QVV"
    )


@pytest.fixture
def elsewhere_trust(elsewhere_icb: Any) -> Any:
    return factories.organisation(
        name="Elsewhere Community NHS Trust", org_type="trust", ods_code="RVV", system=elsewhere_icb
    )


@pytest.fixture
def nhs_lead(nhs_org: Any, current_registers: bool) -> Any:
    return factories.member(
        "nhs.lead@example.test", nhs_org, "partnership_lead", registered=current_registers
    )


# Company people hold NHS roles elsewhere too, as real people do: a rule that lets any NHS
# membership or any oversight role widen what a company sees is caught by every view test.
@pytest.fixture
def industry_lead(pharma_org: Any, elsewhere_trust: Any, current_registers: bool) -> Any:
    """The company's lead here, and a team member of an NHS trust that is no partner."""
    factories.member(
        "industry.lead@example.test",
        pharma_org,
        "partnership_lead",
        function="partnership",
        registered=current_registers,
    )
    return factories.member("industry.lead@example.test", elsewhere_trust, "team_member")


@pytest.fixture
def governance_member(pharma_org: Any, elsewhere_icb: Any, current_registers: bool) -> Any:
    """On the company's committee here, and an oversight lead of another ICB."""
    factories.member(
        "governance@example.test",
        pharma_org,
        "governance_member",
        function="legal_compliance",
        registered=current_registers,
    )
    return factories.member("governance@example.test", elsewhere_icb, "system_oversight")


@pytest.fixture
def team_member(nhs_org: Any, current_registers: bool) -> Any:
    """Works on the NHS partner's projects without lead or decision rights."""
    return factories.member(
        "team.member@example.test", nhs_org, "team_member", registered=current_registers
    )


@pytest.fixture
def oversight(icb: Any, current_registers: bool) -> Any:
    return factories.member(
        "oversight@example.test", icb, "system_oversight", registered=current_registers
    )


@pytest.fixture
def outsider(other_org: Any, current_registers: bool) -> Any:
    return factories.member(
        "outsider@example.test", other_org, "partnership_lead", registered=current_registers
    )


@pytest.fixture
def project(nhs_lead: Any, nhs_org: Any, pharma_org: Any) -> Any:
    return factories.project(actor=nhs_lead, lead=nhs_org, partners=[pharma_org])


@pytest.fixture
def roles(
    nhs_lead: Any,
    industry_lead: Any,
    governance_member: Any,
    team_member: Any,
    oversight: Any,
    outsider: Any,
) -> dict[str, Any]:
    return {
        "nhs_lead": nhs_lead,
        "industry_lead": industry_lead,
        "governance_member": governance_member,
        "team_member": team_member,
        "oversight": oversight,
        "outsider": outsider,
        "anonymous": None,
    }


@pytest.fixture
def client_for(roles: dict[str, Any]) -> Any:
    def make(role: str) -> Client:
        client = Client()
        user = roles[role]
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def keep_signals() -> Iterator[None]:
    """A task worker installs its own signal handlers; put pytest's back afterwards."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)
