"""Leavers: current memberships only grant anything, history keeps everyone."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.organisations.models import Membership
from triplewin.organisations.services.people import person_leave, person_memberships_set
from triplewin.partnerships import access

pytestmark = pytest.mark.django_db


def test_a_leaver_drops_out_of_objects_but_stays_in_records(
    org_admin: Any, nhs_lead: Any, nhs_org: Any
) -> None:
    assert access.can_create_project(nhs_lead)
    person_leave(actor=org_admin, organisation=nhs_org, user=nhs_lead)
    assert not Membership.objects.filter(user=nhs_lead).exists()
    assert not nhs_lead.memberships.exists()
    kept = Membership.records.get(user=nhs_lead)
    assert kept.left_on is not None
    fresh = type(nhs_lead).objects.get(pk=nhs_lead.pk)
    assert not access.can_create_project(fresh)
    assert AuditEvent.objects.filter(action="membership.ended", object_id=str(kept.pk)).exists()


def test_a_leaver_with_no_other_membership_is_switched_off_and_signed_out_at_once(
    org_admin: Any, nhs_lead: Any, nhs_org: Any, project: Any
) -> None:
    client = Client()
    client.force_login(nhs_lead)
    assert client.get(f"/projects/{project.pk}/").status_code == 200
    assert person_leave(actor=org_admin, organisation=nhs_org, user=nhs_lead) is True
    nhs_lead.refresh_from_db()
    assert not nhs_lead.is_active
    assert client.get(f"/projects/{project.pk}/").status_code == 404
    signed_in = Client().post(
        "/accounts/sign-in/",
        {"login": "nhs.lead@example.test", "password": "a-long-test-password"},
    )
    assert b"not right" in signed_in.content
    assert AuditEvent.objects.filter(action="account.switched_off").exists()


def test_a_leaver_who_still_works_elsewhere_keeps_their_account_and_other_rights(
    industry_lead: Any, elsewhere_trust: Any, pharma_org: Any
) -> None:
    admin = factories.member(
        "pharma.admin@example.test", pharma_org, "organisation_administrator", function="other"
    )
    assert person_leave(actor=admin, organisation=pharma_org, user=industry_lead) is False
    industry_lead.refresh_from_db()
    assert industry_lead.is_active
    assert set(
        Membership.objects.filter(user=industry_lead).values_list("organisation", flat=True)
    ) == {elsewhere_trust.pk}


def test_the_last_administrator_cannot_leave_or_drop_the_role(org_admin: Any, nhs_org: Any) -> None:
    with pytest.raises(ValidationError, match="last organisation administrator"):
        person_leave(actor=org_admin, organisation=nhs_org, user=org_admin)
    with pytest.raises(ValidationError, match="last organisation administrator"):
        person_memberships_set(
            actor=org_admin, organisation=nhs_org, user=org_admin, roles=["partnership_lead"]
        )
    assert Membership.objects.filter(user=org_admin, role="organisation_administrator").exists()


def test_with_a_second_administrator_one_may_leave(org_admin: Any, nhs_org: Any) -> None:
    second = factories.member("second.admin@example.test", nhs_org, "organisation_administrator")
    person_leave(actor=second, organisation=nhs_org, user=org_admin)
    assert not Membership.objects.filter(user=org_admin).exists()


def test_only_the_organisations_own_administrators_may_change_people(
    other_admin: Any, nhs_lead: Any, nhs_org: Any, org_admin: Any
) -> None:
    for who in (other_admin, nhs_lead):
        with pytest.raises(PermissionDenied):
            person_leave(actor=who, organisation=nhs_org, user=org_admin)


def test_roles_function_and_job_title_change_together_and_are_audited(
    industry_lead: Any, pharma_org: Any
) -> None:
    admin = factories.member(
        "pharma.admin@example.test", pharma_org, "organisation_administrator", function="other"
    )
    person_memberships_set(
        actor=admin,
        organisation=pharma_org,
        user=industry_lead,
        roles=["partnership_lead", "certification_signatory"],
        function="medical",
        job_title="Medical director",
    )
    current = Membership.objects.filter(user=industry_lead, organisation=pharma_org)
    assert {(m.role, m.function, m.job_title) for m in current} == {
        ("partnership_lead", "medical", "Medical director"),
        ("certification_signatory", "medical", "Medical director"),
    }
    assert AuditEvent.objects.filter(action="membership.changed").exists()
    assert AuditEvent.objects.filter(action="membership.created", actor=admin).exists()
    with pytest.raises(ValidationError, match="part of the company"):
        person_memberships_set(
            actor=admin, organisation=pharma_org, user=industry_lead, roles=["team_member"]
        )


def test_someone_moved_to_sales_is_refused_a_team_seat_by_the_existing_rule(
    industry_lead: Any, pharma_org: Any
) -> None:
    from triplewin.team.services import refuse_sales_function

    admin = factories.member(
        "pharma.admin@example.test", pharma_org, "organisation_administrator", function="other"
    )
    refuse_sales_function(industry_lead, pharma_org)
    person_memberships_set(
        actor=admin,
        organisation=pharma_org,
        user=industry_lead,
        roles=["partnership_lead"],
        function="sales",
    )
    with pytest.raises(ValidationError, match="sales function"):
        refuse_sales_function(industry_lead, pharma_org)


def test_a_leaver_can_rejoin_with_the_same_role(
    org_admin: Any, nhs_lead: Any, nhs_org: Any
) -> None:
    person_leave(actor=org_admin, organisation=nhs_org, user=nhs_lead)
    factories.member("nhs.lead@example.test", nhs_org, "partnership_lead")
    assert Membership.records.filter(user=nhs_lead, role="partnership_lead").count() == 2
    assert Membership.objects.filter(user=nhs_lead, role="partnership_lead").count() == 1
