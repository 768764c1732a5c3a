"""Schemathesis against the live app: every endpoint, generated requests, checked answers.

The app runs as a real HTTP server (pytest-django's live_server) over a database holding a
published partnership and a project in delivery with KPIs; requests carry a token with every
permission, so the partner endpoints are exercised beyond the 401. Any server error or any
answer that breaks the OpenAPI description fails the test.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from triplewin.register.tests.conftest import published  # noqa: F401

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.contract]

CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)


@pytest.fixture
def token(nhs_admin: Any, nhs_org: Any, make_token: Any, shared_kpi: Any, hidden_kpi: Any) -> str:
    return str(make_token(nhs_admin, nhs_org))


@pytest.fixture
def api_schema(live_server: Any, settings: Any, published: Any, token: str) -> Any:  # noqa: F811
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "api_public": "100000/m/ip",
        "api_token": "100000/m/key",
    }
    loaded = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    loaded.config.headers = {"Authorization": f"Bearer {token}"}
    return loaded


@pytest.fixture
def operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def test_every_endpoint_keeps_its_contract(operations: list[Any], token: str) -> None:
    """Each operation in turn, with Hypothesis generating its requests; the failures of all
    operations are gathered, so one run names every broken endpoint."""
    failures: list[str] = []
    assert len(operations) >= 11
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

        try:
            run()
        except Exception as failure:
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    assert not failures, "\n\n".join(failures)
