"""Declaration round pages as each role, and the public register's withholding."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.roles import ROLES
from triplewin.conflicts import rounds, services
from triplewin.conflicts.models import DeclarationRound
from triplewin.core.declaration_rounds import INDIRECT_WITHHELD, Scope

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DUE = TODAY + dt.timedelta(days=30)
# Only the organisation's administrator runs its rounds; everyone else signed in is refused,
# and a visitor is asked to sign in.
ADMIN_ONLY = dict.fromkeys(ROLES, 403) | {"anonymous": 302}


@pytest.fixture
def org_admin(nhs_org: Any) -> Any:
    return factories.member(
        "org.admin@example.test", nhs_org, "organisation_administrator", registered=False
    )


@pytest.fixture
def opened(org_admin: Any, nhs_org: Any, roles: Any) -> DeclarationRound:
    return rounds.round_open(
        actor=org_admin, organisation=nhs_org, scope=Scope.ALL_MEMBERS, due_on=DUE
    )


def _admin_client(org_admin: Any) -> Client:
    client = Client()
    client.force_login(org_admin)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_rounds_pages_as_each_role(client_for, role, opened, nhs_org):
    client = client_for(role)
    for url in (
        reverse("conflicts:rounds"),
        reverse("conflicts:round", args=[opened.pk]),
        reverse("conflicts:round-open", args=[nhs_org.pk]),
    ):
        assert client.get(url).status_code == ADMIN_ONLY[role], url
    response = client.post(reverse("conflicts:round-publish", args=[opened.pk]))
    assert response.status_code == ADMIN_ONLY[role]
    opened.refresh_from_db()
    assert opened.published_at is None


def test_the_administrator_opens_a_round_through_the_form(org_admin, nhs_org, nhs_lead):
    client = _admin_client(org_admin)
    assert client.get(reverse("conflicts:rounds")).status_code == 200
    assert "Declaration rounds" in client.get(reverse("conflicts:register")).content.decode()
    url = reverse("conflicts:round-open", args=[nhs_org.pk])
    bad = client.post(url, {"scope": "all_members", "due_on": TODAY.isoformat()})
    assert bad.status_code == 400
    assert "at least 14 days" in bad.content.decode()
    response = client.post(url, {"scope": "decision_makers", "due_on": DUE.isoformat()})
    assert response.status_code == 302
    r = DeclarationRound.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "Nhs Tester" in page
    assert "Outstanding" in page  # nobody here has declared yet
    assert "Published once complete" in page
    assert r.scope == "decision_makers"


def test_an_administrator_of_another_organisation_cannot_see_the_round(opened, other_org):
    stranger = factories.member(
        "admin.elsewhere@example.test", other_org, "organisation_administrator"
    )
    client = Client()
    client.force_login(stranger)
    assert client.get(reverse("conflicts:round", args=[opened.pk])).status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_nothing_reaches_the_public_before_publication(client_for, role, opened, nhs_org):
    client = client_for(role)
    assert client.get(reverse("conflicts:public-register", args=[nhs_org.pk])).status_code == 404
    assert nhs_org.name not in client.get(reverse("conflicts:public")).content.decode()


def _declare(user: Any, description: str, **extra: Any) -> None:
    details = {
        "category": "financial",
        "interest_type": "outside_employment",
        "organisation_name": "Acme Pharma",
        "valid_from": dt.date(2024, 1, 1),
        **extra,
    }
    services.declaration_add(actor=user, description=description, **details)


@pytest.mark.parametrize("role", ROLES)
def test_the_published_register_shows_decision_makers_and_withholds_what_it_must(
    client_for, role, opened, org_admin, nhs_org, nhs_lead, team_member
):
    nhs_governance = factories.member("nhs.governance@example.test", nhs_org, "governance_member")
    opened.members.create(user=nhs_governance, decision_maker=True)
    _declare(nhs_lead, "Paid advisory board seat")
    _declare(nhs_lead, "Old consultancy", valid_to=TODAY - dt.timedelta(days=400))
    _declare(nhs_lead, "My husband works for Acme", category="indirect")
    _declare(team_member, "Team member's interest")  # not a decision maker: never public
    _declare(nhs_governance, "Governance member's shares")
    rounds.withholding_set(
        actor=org_admin, organisation=nhs_org, person=nhs_governance, reason="Safety"
    )
    rounds.round_publish(actor=org_admin, declaration_round=opened)
    client = client_for(role)
    index = client.get(reverse("conflicts:public")).content.decode()
    assert nhs_org.name in index
    response = client.get(reverse("conflicts:public-register", args=[nhs_org.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Paid advisory board seat" in text
    assert "Nhs Tester" in text
    assert "Old consultancy" not in text  # ended over six months ago
    assert "My husband works for Acme" not in text
    assert INDIRECT_WITHHELD.split(":")[0] in text
    assert "Team member&#39;s interest" not in text
    assert "Team member's interest" not in text
    assert "Governance member" not in text
    assert "nhs.governance@example.test" not in text
    assert "Entries of 1 person are withheld." in text
    assert "1 decision maker has not completed this round yet." in text  # the administrator
    assert "Org Tester" not in text  # outstanding people are counted, not named


def test_a_companys_organisation_has_no_public_register(client_for, pharma_org):
    response = client_for("anonymous").get(
        reverse("conflicts:public-register", args=[pharma_org.pk])
    )
    assert response.status_code == 404
