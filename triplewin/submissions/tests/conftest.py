"""A project whose contributions can be added: the create form these tests send."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from triplewin.contributions.tests.conftest import move_to

__all__ = ["move_to"]
from triplewin.partnerships.models import Project
from triplewin.submissions.tokens import FIELD

TOKEN = re.compile(rf'name="{FIELD}" value="([^"]+)"')


def token_on(client: Client, url: str) -> str:
    """The one-time token the page at `url` gives its form, as a browser would read it."""
    response = client.get(url)
    assert response.status_code == 200
    found = TOKEN.search(response.content.decode())
    assert found, f"{url} renders no one-time token"
    return found.group(1)


def contribution(org: Any, **extra: str) -> dict[str, str]:
    return {
        "organisation": str(org.pk),
        "kind": "staff_time",
        "description": "Specialist nurse clinics",
        "role": "Specialist nurse",
        "hours": "120",
        "value": "",
        **extra,
    }


@pytest.fixture
def approved(project: Project) -> Project:
    return move_to(project, "concept_approved")


@pytest.fixture
def add_url(approved: Project) -> str:
    return reverse("contributions:add", args=[approved.pk])
