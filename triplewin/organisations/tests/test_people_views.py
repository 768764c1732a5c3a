"""The people pages, tried as every role, another organisation's administrator and a superuser."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from triplewin.audit.models import AuditEvent
from triplewin.organisations.models import Invitation, Membership

pytestmark = pytest.mark.django_db

# Members of the trust who are not its administrator are told no; everyone else, including the
# administrator of another organisation, is not told the page exists.
PEOPLE = {
    "nhs_lead": 403,
    "industry_lead": 404,
    "governance_member": 404,
    "team_member": 403,
    "oversight": 404,
    "outsider": 404,
    "anonymous": 404,
    "org_admin": 200,
    "other_admin": 404,
    "platform_admin": 200,
}


def _pages(nhs_org: Any, person: Any) -> list[str]:
    base = f"/organisations/{nhs_org.pk}/people/"
    return [base, f"{base}{person.pk}/", f"{base}{person.pk}/leave/"]


@pytest.mark.parametrize(("role", "expected"), PEOPLE.items())
def test_people_pages_as_each_role(
    client_as: Any, role: str, expected: int, nhs_org: Any, team_member: Any
) -> None:
    client = client_as(role)
    for url in _pages(nhs_org, team_member):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(("role", "expected"), PEOPLE.items())
def test_people_writes_as_each_role(
    client_as: Any, role: str, expected: int, nhs_org: Any, team_member: Any
) -> None:
    client = client_as(role)
    base = f"/organisations/{nhs_org.pk}/people/"
    invited = client.post(base, {"email": "new.person@example.test", "role": "team_member"})
    changed = client.post(f"{base}{team_member.pk}/", {"roles": ["governance_member"]})
    left = client.post(f"{base}{team_member.pk}/leave/")
    if expected == 200:
        assert invited.status_code == changed.status_code == left.status_code == 302
        assert Invitation.objects.filter(email="new.person@example.test").exists()
        assert Membership.records.filter(user=team_member, role="governance_member").exists()
        assert not Membership.objects.filter(user=team_member).exists()
    else:
        assert invited.status_code == changed.status_code == left.status_code == expected
        assert not Invitation.objects.exists()
        assert set(Membership.objects.filter(user=team_member).values_list("role", flat=True)) == {
            "team_member"
        }


def test_the_list_shows_current_people_and_leavers(
    client_as: Any, nhs_org: Any, team_member: Any, nhs_lead: Any
) -> None:
    client = client_as("org_admin")
    client.post(f"/organisations/{nhs_org.pk}/people/{team_member.pk}/leave/")
    html = client.get(f"/organisations/{nhs_org.pk}/people/").content.decode()
    assert "Nhs Tester" in html
    assert "Partnership lead" in html
    assert "Team Tester" in html
    assert "Left on" in html


def test_an_invitation_is_emailed_with_a_one_time_link_and_audited(
    client_as: Any, nhs_org: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("org_admin").post(
            f"/organisations/{nhs_org.pk}/people/",
            {"email": "New.Person@Example.test", "role": "governance_member"},
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["New.Person@example.test"]
    assert "/organisations/invitations/" in message.body
    invitation = Invitation.objects.get()
    token = message.body.split("/organisations/invitations/")[1].split("/")[0]
    assert token not in invitation.token_hash
    assert len(invitation.token_hash) == 64
    assert AuditEvent.objects.filter(action="invitation.sent").exists()


def test_invite_form_errors_sit_next_to_the_field(client_as: Any, nhs_org: Any) -> None:
    response = client_as("org_admin").post(
        f"/organisations/{nhs_org.pk}/people/", {"email": "not an email", "role": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter an email address in the right format" in html
    assert "Choose the role they will have." in html


def test_a_company_invitation_asks_for_the_part_of_the_company(pharma_org: Any) -> None:
    from tests import factories

    admin = factories.member(
        "pharma.admin@example.test", pharma_org, "organisation_administrator", function="other"
    )
    client = Client()
    client.force_login(admin)
    response = client.post(
        f"/organisations/{pharma_org.pk}/people/",
        {"email": "rep@example.test", "role": "team_member"},
    )
    assert response.status_code == 400
    assert "Say which part of the company this person works in." in response.content.decode()


def test_the_last_administrator_is_refused_in_plain_english(
    client_as: Any, nhs_org: Any, org_admin: Any
) -> None:
    response = client_as("org_admin").post(
        f"/organisations/{nhs_org.pk}/people/{org_admin.pk}/leave/"
    )
    assert response.status_code == 400
    assert "last organisation administrator" in response.content.decode()
    assert Membership.objects.filter(user=org_admin).exists()


def test_people_link_in_the_navigation_only_for_administrators(
    client_as: Any, nhs_org: Any
) -> None:
    assert (
        'href="/organisations/">People<'
        in client_as("org_admin").get("/projects/").content.decode()
    )
    assert ">People<" not in client_as("nhs_lead").get("/projects/").content.decode()
    assert client_as("org_admin").get("/organisations/").status_code == 302
    assert client_as("nhs_lead").get("/organisations/").status_code == 404


def test_withdrawing_an_invitation(client_as: Any, nhs_org: Any, other_org: Any) -> None:
    client = client_as("org_admin")
    client.post(
        f"/organisations/{nhs_org.pk}/people/", {"email": "x@example.test", "role": "team_member"}
    )
    invitation = Invitation.objects.get()
    assert (
        client_as("other_admin")
        .post(f"/organisations/{other_org.pk}/invitations/{invitation.pk}/withdraw/")
        .status_code
        == 404
    )
    assert (
        client.post(
            f"/organisations/{nhs_org.pk}/invitations/{invitation.pk}/withdraw/"
        ).status_code
        == 302
    )
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None


def test_a_person_of_another_organisation_is_not_found(
    client_as: Any, nhs_org: Any, outsider: Any
) -> None:
    client = client_as("org_admin")
    assert client.get(f"/organisations/{nhs_org.pk}/people/{outsider.pk}/").status_code == 404
    assert (
        client.post(f"/organisations/{nhs_org.pk}/people/{outsider.pk}/leave/").status_code == 404
    )
    assert Membership.objects.filter(user=outsider).exists()


def test_platform_administrators_see_every_organisation(
    client_as: Any, nhs_org: Any, other_org: Any
) -> None:
    html = client_as("platform_admin").get("/organisations/").content.decode()
    assert nhs_org.name in html
    assert other_org.name in html
    assert "requests to join" in html


def test_moving_someone_to_sales_says_what_that_bars(industry_lead: Any, pharma_org: Any) -> None:
    from tests import factories

    admin = factories.member(
        "pharma.admin@example.test", pharma_org, "organisation_administrator", function="other"
    )
    client = Client()
    client.force_login(admin)
    response = client.post(
        f"/organisations/{pharma_org.pk}/people/{industry_lead.pk}/",
        {"roles": ["partnership_lead"], "function": "sales", "job_title": ""},
        follow=True,
    )
    assert "cannot be added to a project team or a governance committee" in (
        response.content.decode()
    )
    assert Membership.objects.get(user=industry_lead, organisation=pharma_org).function == "sales"
