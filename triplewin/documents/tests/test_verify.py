"""The public verification page: what it says about a match, and its shared per-address limit."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.roles import ROLES
from tests.workers import new_worker
from triplewin.documents.models import CertifiedCopy
from triplewin.partnerships.services import project_update

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
VERIFY = "/documents/verify/"


@pytest.fixture
def frozen_clock(monkeypatch: Any) -> None:
    """The limit counts the last minute's checks; a slow run must not see early ones expire."""
    import time

    from allauth.core.internal import ratelimit

    frozen = SimpleNamespace(time=lambda: 1_800_000_000, monotonic=time.monotonic, sleep=time.sleep)
    monkeypatch.setattr(ratelimit, "time", frozen)


def check(client: Client, **data: Any) -> str:
    return client.post(VERIFY, data).content.decode()


@pytest.mark.parametrize("by", ["file", "content hash"])
def test_a_match_names_the_signer_by_name_role_and_organisation_never_by_email(
    certified: Any, by: str
) -> None:
    if by == "file":
        pdf = bytes(CertifiedCopy.objects.get(version=certified).pdf)
        html = check(Client(), file=SimpleUploadedFile("a.pdf", pdf))
    else:
        html = check(Client(), digest=certified.content_hash)
    assert "This matches a certified document" in html
    assert "by Jane Smith, certification signatory, Test Pharma Ltd" in html
    assert not EMAIL.search(html), EMAIL.search(html)


def test_a_match_shows_the_title_as_certified_not_as_renamed(
    certified: Any, agreement_project: Any, nhs_lead: Any
) -> None:
    certified_title = agreement_project.title
    project_update(
        actor=nhs_lead,
        project=agreement_project,
        expected_version=None,
        title="A later name for the project",
    )
    html = check(Client(), digest=certified.content_hash)
    assert "This matches a certified document" in html
    assert certified_title in html
    assert "A later name for the project" not in html


def test_a_signer_without_a_name_on_record_is_still_not_shown_by_email(
    certified: Any, signatory: Any
) -> None:
    signatory.first_name = signatory.last_name = ""
    signatory.save()
    html = check(Client(), digest=certified.content_hash)
    assert "by Certification signatory, Test Pharma Ltd" in html
    assert not EMAIL.search(html)


@pytest.mark.parametrize("role", ROLES)
def test_the_limit_applies_to_every_role(
    client_for: Any, role: str, frozen_clock: None, settings: Any
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = client_for(role)
    codes = [client.post(VERIFY, {"digest": "0" * 64}).status_code for _ in range(21)]
    assert codes == [200] * 20 + [429]
    html = client.post(VERIFY, {"digest": "0" * 64}).content.decode()
    assert "Too many checks from your address. Wait a minute and try again." in html


def test_the_limit_is_counted_across_workers(frozen_clock: None) -> None:
    client = Client()
    first = [client.post(VERIFY, {"digest": "0" * 64}).status_code for _ in range(12)]
    new_worker()
    second = [client.post(VERIFY, {"digest": "0" * 64}).status_code for _ in range(9)]
    assert first + second == [200] * 20 + [429]


def test_the_limit_is_per_address(frozen_clock: None) -> None:
    for _ in range(21):
        Client(REMOTE_ADDR="192.0.2.1").post(VERIFY, {"digest": "0" * 64})
    assert Client(REMOTE_ADDR="192.0.2.1").post(VERIFY, {"digest": "0" * 64}).status_code == 429
    assert Client(REMOTE_ADDR="192.0.2.2").post(VERIFY, {"digest": "0" * 64}).status_code == 200


def test_a_leaver_still_signs_their_certified_document_by_name_and_role(
    certified: Any, signatory: Any, pharma_org: Any
) -> None:
    """A leaver's signature stays in history under their name and the role they signed in."""
    from tests import factories
    from triplewin.organisations.services.people import person_leave

    admin = factories.member(
        "pharma.admin@example.test", pharma_org, "organisation_administrator", function="other"
    )
    person_leave(actor=admin, organisation=pharma_org, user=signatory)
    signatory.refresh_from_db()
    assert not signatory.is_active
    html = check(Client(), digest=certified.content_hash)
    assert "by Jane Smith, certification signatory, Test Pharma Ltd" in html
