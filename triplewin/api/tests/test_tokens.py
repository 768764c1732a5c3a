"""Creating, using and revoking tokens; who may manage them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from triplewin.api import tokens
from triplewin.api.models import ApiToken
from triplewin.api.tests.conftest import bearer
from triplewin.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_the_secret_is_stored_only_as_a_hash(nhs_admin, nhs_org, make_token):
    text = make_token(nhs_admin, nhs_org)
    token = ApiToken.objects.get()
    assert text.startswith(f"tw_{token.prefix}_")
    assert text.split("_", 2)[2] not in token.secret_hash
    assert tokens.authenticate(text) == token
    assert tokens.authenticate(text[:-1] + ("A" if text[-1] != "A" else "B")) is None
    assert tokens.authenticate("tw_nope_nope") is None
    assert tokens.authenticate("") is None
    assert AuditEvent.objects.filter(action="api.token_created").count() == 1


def test_expired_and_revoked_tokens_stop_working(nhs_admin, nhs_org, make_token):
    text = make_token(nhs_admin, nhs_org, expires_on=TODAY + dt.timedelta(days=1))
    token = ApiToken.objects.get()
    later = timezone.now() + dt.timedelta(days=2)
    assert tokens.authenticate(text, now=later) is None
    assert tokens.authenticate(text) is not None
    tokens.token_revoke(actor=nhs_admin, token=token)
    assert tokens.authenticate(text) is None
    assert AuditEvent.objects.filter(action="api.token_revoked").count() == 1


def test_a_closed_account_takes_its_tokens_with_it(nhs_admin, nhs_org, make_token):
    text = make_token(nhs_admin, nhs_org)
    nhs_admin.is_active = False
    nhs_admin.save()
    assert tokens.authenticate(text) is None


def test_refusals_name_their_field(nhs_admin, nhs_org, other_org, outsider, project):
    with pytest.raises(ValidationError) as refused:
        tokens.token_create(
            actor=nhs_admin,
            organisation=nhs_org,
            name=" ",
            scopes=["projects:write-everything"],
            expires_on=TODAY + dt.timedelta(days=400),
        )
    assert set(refused.value.message_dict) == {"name", "scopes", "expires_on"}
    with pytest.raises(PermissionError):
        tokens.token_create(
            actor=outsider,
            organisation=nhs_org,
            name="x",
            scopes=["projects:read"],
            expires_on=TODAY + dt.timedelta(days=1),
        )


def test_a_token_limited_to_projects_takes_only_its_organisations(
    nhs_admin, nhs_org, project, outsider, other_org
):
    from tests import factories

    theirs = factories.project(actor=outsider, lead=other_org, partners=[])
    with pytest.raises(ValidationError) as refused:
        tokens.token_create(
            actor=nhs_admin,
            organisation=nhs_org,
            name="x",
            scopes=["projects:read"],
            expires_on=TODAY + dt.timedelta(days=1),
            projects=[theirs],
        )
    assert "projects" in refused.value.message_dict


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("nhs_admin", 200),
        ("other_admin", 403),
        ("nhs_lead", 403),
        ("industry_lead", 403),
        ("governance_member", 403),
        ("team_member", 403),
        ("oversight", 403),
        ("outsider", 403),
    ],
)
def test_only_the_organisations_administrators_see_its_tokens(
    who, status, request, nhs_org, roles, nhs_admin, other_admin, client
):
    user = request.getfixturevalue(who)
    client.force_login(user)
    for name in ("api:tokens", "api:create"):
        assert client.get(reverse(name, args=[nhs_org.pk])).status_code == status


def test_anonymous_is_sent_to_sign_in(client, nhs_org):
    for path in (
        reverse("api:index"),
        reverse("api:tokens", args=[nhs_org.pk]),
        reverse("api:create", args=[nhs_org.pk]),
    ):
        response = client.get(path)
        assert response.status_code == 302
        assert "/accounts/sign-in/" in response["Location"]


def test_create_shows_the_token_once_then_never(client, nhs_admin, nhs_org, project):
    client.force_login(nhs_admin)
    response = client.post(
        reverse("api:create", args=[nhs_org.pk]),
        {
            "name": "BI feed",
            "scopes": ["projects:read", "kpi-readings:write"],
            "expires_on_day": "1",
            "expires_on_month": "1",
            "expires_on_year": str(TODAY.year + 1),
            "projects": [str(project.pk)],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    token = ApiToken.objects.get()
    assert [p.pk for p in token.projects.all()] == [project.pk]
    shown = client.get(response["Location"]).content.decode()
    assert f"tw_{token.prefix}_" in shown
    again = client.get(response["Location"]).content.decode()
    assert f"tw_{token.prefix}_" not in again
    assert "BI feed" in again


def test_create_errors_sit_next_to_their_fields(client, nhs_admin, nhs_org):
    client.force_login(nhs_admin)
    response = client.post(reverse("api:create", args=[nhs_org.pk]), {"name": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a name that says what the token is for" in page
    assert "Choose at least one thing the token may do." in page
    assert not ApiToken.objects.exists()


def test_revoke_by_another_organisations_administrator_is_refused(
    client, nhs_admin, other_admin, nhs_org, make_token
):
    make_token(nhs_admin, nhs_org)
    token = ApiToken.objects.get()
    client.force_login(other_admin)
    response = client.post(reverse("api:revoke", args=[nhs_org.pk, token.pk]))
    assert response.status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None
    client.force_login(nhs_admin)
    assert client.post(reverse("api:revoke", args=[nhs_org.pk, token.pk])).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_revoked_token_is_refused_by_the_api(nhs_admin, nhs_org, make_token):
    text = make_token(nhs_admin, nhs_org)
    assert bearer(text).get("/api/v1/projects").status_code == 200
    tokens.token_revoke(actor=nhs_admin, token=ApiToken.objects.get())
    response = bearer(text).get("/api/v1/projects")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 401
