"""Accepting an invitation: new accounts, existing accounts, leavers invited back, and refusals."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from triplewin.audit.models import AuditEvent
from triplewin.organisations.models import Invitation, Membership
from triplewin.organisations.services.invitations import (
    LIFETIME,
    invitation_accept,
    invitation_create,
    invitation_for_token,
)
from triplewin.organisations.services.people import person_leave

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "a sensible long passphrase"


@pytest.fixture
def invite(org_admin: Any, nhs_org: Any) -> Any:
    def make(email: str = "new.person@example.test", role: str = "governance_member") -> Any:
        return invitation_create(actor=org_admin, organisation=nhs_org, email=email, role=role)

    return make


def url(token: str) -> str:
    return f"/organisations/invitations/{token}/"


def test_the_token_is_stored_only_as_a_hash_and_expires_after_seven_days(invite: Any) -> None:
    invitation, token = invite()
    assert dt.timedelta(days=7) == LIFETIME
    assert invitation.expires_at - invitation.created_at == dt.timedelta(days=7)
    assert not Invitation.objects.filter(token_hash=token).exists()
    assert invitation_for_token(token) == invitation
    assert invitation_for_token(token + "x") is None


def test_a_new_person_creates_their_account_and_gets_the_membership(
    invite: Any, nhs_org: Any
) -> None:
    _, token = invite()
    client = Client()
    page = client.get(url(token))
    assert page.status_code == 200
    assert "Create your account" in page.content.decode()
    response = client.post(
        url(token),
        {
            "first_name": "Nora",
            "last_name": "New",
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.test")
    assert user.get_full_name() == "Nora New"
    assert Membership.objects.filter(
        user=user, organisation=nhs_org, role="governance_member"
    ).exists()
    assert client.get("/projects/").wsgi_request.user == user
    assert AuditEvent.objects.filter(action="invitation.accepted").exists()
    # Single use: the link is now closed, for anyone.
    again = Client().get(url(token))
    assert again.status_code == 410
    assert "already been used" in again.content.decode()


def test_password_errors_are_shown_next_to_the_field(invite: Any) -> None:
    _, token = invite()
    response = Client().post(
        url(token),
        {"first_name": "Nora", "last_name": "New", "password": "short", "password_again": "x"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The two passwords are not the same." in html
    response = Client().post(
        url(token),
        {"first_name": "Nora", "last_name": "New", "password": "short", "password_again": "short"},
    )
    assert response.status_code == 400
    assert "too short" in response.content.decode()
    assert not User.objects.filter(email="new.person@example.test").exists()


def test_an_expired_invitation_is_refused(invite: Any) -> None:
    invitation, token = invite()
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    response = Client().get(url(token))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    with pytest.raises(ValidationError, match="expired"):
        invitation_accept(invitation=invitation, user=None, password=PASSWORD)


def test_an_unknown_link_is_not_found() -> None:
    assert Client().get(url("not-a-real-token")).status_code == 404


def test_a_signed_in_person_with_that_email_accepts_with_one_button(
    invite: Any, nhs_lead: Any, nhs_org: Any
) -> None:
    _, token = invite(email="NHS.Lead@example.test")
    client = Client()
    client.force_login(nhs_lead)
    assert "Accept the invitation" in client.get(url(token)).content.decode()
    assert client.post(url(token)).status_code == 302
    assert Membership.objects.filter(user=nhs_lead, role="governance_member").exists()


def test_someone_signed_in_with_another_email_cannot_take_it(invite: Any, outsider: Any) -> None:
    invitation, token = invite()
    client = Client()
    client.force_login(outsider)
    assert "Sign out, then open the link" in client.get(url(token)).content.decode()
    client.post(url(token))
    assert not Membership.objects.filter(user=outsider, role="governance_member").exists()
    with pytest.raises(ValidationError, match=r"is for new\.person@example\.test"):
        invitation_accept(invitation=invitation, user=outsider)


def test_an_existing_active_account_must_sign_in_first(invite: Any, nhs_lead: Any) -> None:
    invitation, token = invite(email="nhs.lead@example.test")
    response = Client().post(url(token), {"password": PASSWORD, "password_again": PASSWORD})
    assert "Sign in" in response.content.decode()
    assert not Membership.objects.filter(user=nhs_lead, role="governance_member").exists()
    with pytest.raises(ValidationError, match="Sign in"):
        invitation_accept(invitation=invitation, user=None, password=PASSWORD)
    nhs_lead.refresh_from_db()
    assert nhs_lead.check_password("a-long-test-password")


def test_a_leaver_invited_back_chooses_a_new_password(
    invite: Any, org_admin: Any, nhs_org: Any, team_member: Any
) -> None:
    person_leave(actor=org_admin, organisation=nhs_org, user=team_member)
    _, token = invite(email="team.member@example.test", role="team_member")
    client = Client()
    assert "switched off when you left" in client.get(url(token)).content.decode()
    assert (
        client.post(url(token), {"password": PASSWORD, "password_again": PASSWORD}).status_code
        == 302
    )
    team_member.refresh_from_db()
    assert team_member.is_active
    assert team_member.check_password(PASSWORD)
    assert Membership.objects.filter(user=team_member, role="team_member").exists()


def test_a_new_invitation_replaces_the_open_one(invite: Any) -> None:
    first, first_token = invite()
    invite()
    first.refresh_from_db()
    assert first.withdrawn_at is not None
    assert Client().get(url(first_token)).status_code == 410


def test_no_invitation_for_someone_who_already_has_the_role(invite: Any) -> None:
    with pytest.raises(ValidationError, match="already a partnership lead"):
        invite(email="nhs.lead@example.test", role="partnership_lead")


@pytest.fixture(autouse=True)
def _lead(nhs_lead: Any) -> Any:
    return nhs_lead
