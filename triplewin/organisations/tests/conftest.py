from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests import factories


@pytest.fixture
def org_admin(nhs_org: Any) -> Any:
    """The NHS trust's organisation administrator."""
    return factories.member("people.admin@example.test", nhs_org, "organisation_administrator")


@pytest.fixture
def other_admin(other_org: Any) -> Any:
    """The administrator of another organisation, who must not see this one's people."""
    return factories.member("other.admin@example.test", other_org, "organisation_administrator")


@pytest.fixture
def platform_admin(db: None) -> Any:
    return factories.superuser("root@example.test")


@pytest.fixture
def client_as(roles: dict[str, Any], org_admin: Any, other_admin: Any, platform_admin: Any) -> Any:
    """A client signed in as one of the seven roles, or as an organisation administrator of
    this trust (org_admin), of another organisation (other_admin), or a superuser."""
    people = {
        **roles,
        "org_admin": org_admin,
        "other_admin": other_admin,
        "platform_admin": platform_admin,
    }

    def make(role: str) -> Client:
        client = Client()
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return make
