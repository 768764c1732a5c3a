"""Asking to join, and platform administrators' decisions, tried as every role."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from tests.roles import ROLES
from triplewin.audit.models import AuditEvent
from triplewin.organisations.models import Invitation, JoinRequest, JoinStatus, Organisation
from triplewin.organisations.services import joining

pytestmark = pytest.mark.django_db
JOIN = "/organisations/join/"
REQUESTS = "/organisations/join-requests/"

GOOD = {
    "name": "Fenland Community NHS Trust",
    "org_type": "trust",
    "ods_code": "rf1",
    "is_legal_entity": "yes",
    "requester_name": "Fay Fenland",
    "requester_email": "fay@fenland.example.test",
    "requester_function": "",
}


@pytest.fixture
def pending(db: None) -> JoinRequest:
    return joining.join_request_make(
        **{**GOOD, "is_legal_entity": True}  # type: ignore[arg-type]
    )


def test_anyone_can_ask_and_the_request_is_audited() -> None:
    response = Client().post(JOIN, GOOD)
    assert response.status_code == 200
    assert "Request sent" in response.content.decode()
    request = JoinRequest.objects.get()
    assert request.ods_code == "RF1"
    assert request.status == JoinStatus.PENDING
    assert AuditEvent.objects.filter(action="join_request.made").exists()


@pytest.mark.parametrize(
    ("changes", "field_error"),
    [
        ({"ods_code": ""}, "every NHS organisation has one"),
        ({"ods_code": "12345678"}, "An ODS code has at most 6 letters or digits."),
        ({"org_type": "gp_practice", "ods_code": "RF1"}, "not a valid ODS code"),
        ({"org_type": "pharmaceutical", "ods_code": ""}, "Say which part of the company"),
        ({"org_type": "academic", "ods_code": "RF1"}, "Only NHS organisations have ODS codes"),
        ({"is_legal_entity": ""}, "Say whether the organisation can sign agreements."),
        ({"requester_email": "fay"}, "Enter an email address in the right format"),
        ({"name": "Test Hospitals NHS Trust"}, "is already on Triple Win"),
    ],
)
def test_mistakes_are_explained_next_to_the_field(
    nhs_org: Any, changes: dict[str, str], field_error: str
) -> None:
    response = Client().post(JOIN, {**GOOD, **changes})
    assert response.status_code == 400
    assert field_error in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_asking_is_rate_limited_per_address() -> None:
    client = Client()
    for n in range(5):
        assert client.post(JOIN, {**GOOD, "name": f"Trust {n}"}).status_code in {200, 400}
    response = client.post(JOIN, {**GOOD, "name": "One too many"})
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert not JoinRequest.objects.filter(name="One too many").exists()


@pytest.mark.parametrize("role", [*ROLES, "org_admin", "other_admin", "platform_admin"])
def test_only_platform_administrators_see_and_decide_requests(
    client_as: Any, role: str, pending: JoinRequest
) -> None:
    client = client_as(role)
    expected = 200 if role == "platform_admin" else 404
    assert client.get(REQUESTS).status_code == expected
    assert client.get(f"{REQUESTS}{pending.pk}/").status_code == expected
    response = client.post(f"{REQUESTS}{pending.pk}/", {"decision": "approve"})
    assert response.status_code == (302 if role == "platform_admin" else 404)
    pending.refresh_from_db()
    assert (pending.status == JoinStatus.APPROVED) is (role == "platform_admin")


def test_approval_creates_the_organisation_and_invites_the_requester_as_administrator(
    client_as: Any, pending: JoinRequest, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client_as("platform_admin").post(f"{REQUESTS}{pending.pk}/", {"decision": "approve"})
    organisation = Organisation.objects.get(name="Fenland Community NHS Trust")
    assert organisation.ods_code == "RF1"
    assert organisation.is_legal_entity
    invitation = Invitation.objects.get(organisation=organisation)
    assert invitation.email == "fay@fenland.example.test"
    assert invitation.role == "organisation_administrator"
    (message,) = mail.outbox
    assert message.to == ["fay@fenland.example.test"]
    assert AuditEvent.objects.filter(action="join_request.approved").exists()
    again = client_as("platform_admin").post(f"{REQUESTS}{pending.pk}/", {"decision": "approve"})
    assert again.status_code == 400
    assert "already approved" in again.content.decode()


def test_rejection_needs_a_reason_and_emails_it(
    client_as: Any, pending: JoinRequest, django_capture_on_commit_callbacks: Any
) -> None:
    client = client_as("platform_admin")
    missing = client.post(f"{REQUESTS}{pending.pk}/", {"decision": "reject", "reason": ""})
    assert missing.status_code == 400
    assert "Give the reason" in missing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{REQUESTS}{pending.pk}/",
            {"decision": "reject", "reason": "We could not confirm the ODS code."},
        )
    pending.refresh_from_db()
    assert pending.status == JoinStatus.REJECTED
    (message,) = mail.outbox
    assert "We could not confirm the ODS code." in message.body
    assert not Organisation.objects.filter(name=pending.name).exists()


@pytest.mark.parametrize("role", [*ROLES, "org_admin", "other_admin", "platform_admin"])
def test_anyone_may_open_the_request_form(client_as: Any, role: str) -> None:
    response = client_as(role).get(JOIN)
    assert response.status_code == 200
    assert "Ask for your organisation to join Triple Win" in response.content.decode()
