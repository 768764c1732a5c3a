from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

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
    return get_user_model().objects.create_superuser(
        "root@example.test", "root@example.test", "a-long-test-password"
    )
