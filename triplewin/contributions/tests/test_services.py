"""Contribution services: what they accept, what they refuse, and what they audit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from triplewin.audit.models import AuditEvent
from triplewin.contributions import services
from triplewin.contributions.models import Contribution
from triplewin.contributions.tests.conftest import move_to
from triplewin.partnerships.errors import StaleEdit

pytestmark = pytest.mark.django_db


def _staff_time(org, **extra):
    fields = {
        "organisation": org,
        "kind": "staff_time",
        "description": "Practice pharmacist two days a week",
        "role": "Practice pharmacist",
        "hours": Decimal(600),
        "value": None,
    }
    fields.update(extra)
    return fields


def _add(actor, project, **fields):
    return services.contribution_add(actor=actor, project=project, fields=fields)


def test_add_records_the_contribution_and_an_audit_event(approved, nhs_lead, nhs_org):
    c = _add(nhs_lead, approved, **_staff_time(nhs_org))
    assert c.row_version == 1
    event = AuditEvent.objects.get(action="contribution.added")
    assert event.actor == nhs_lead
    assert event.project_id == approved.pk
    assert event.changes["role"] == [None, "Practice pharmacist"]
    assert event.changes["organisation"] == [None, nhs_org.name]


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"role": ""}, "role", "Say which role gives the staff time"),
        ({"hours": None}, "hours", "Enter the number of hours of staff time"),
        ({"hours": Decimal(0)}, "hours", "Enter the number of hours of staff time"),
        ({"hours": Decimal(-5)}, "hours", "Hours cannot be negative"),
        ({"value": Decimal(-1)}, "value", "The value cannot be negative"),
        ({"description": "   "}, "description", "Describe what is being contributed"),
        ({"kind": "bribe"}, "kind", "Choose what kind of contribution this is"),
        (
            {"is_funded_post": True, "under_nhs_control": False},
            "under_nhs_control",
            "must stay under NHS control",
        ),
    ],
)
def test_add_refusals_write_nothing(approved, nhs_lead, nhs_org, extra, field, message):
    with pytest.raises(ValidationError) as refused:
        _add(nhs_lead, approved, **_staff_time(nhs_org, **extra))
    assert message in " ".join(refused.value.message_dict[field])
    assert not Contribution.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="contribution.").exists()


def test_organisation_must_be_a_partner(approved, nhs_lead, other_org):
    with pytest.raises(ValidationError) as refused:
        _add(nhs_lead, approved, **_staff_time(other_org))
    assert "is not a partner in this project" in refused.value.message_dict["organisation"][0]
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("state", ["idea", "scoping", "in_delivery", "completed", "withdrawn"])
def test_outside_set_up_nothing_can_be_added(project, nhs_lead, nhs_org, state):
    move_to(project, state)
    with pytest.raises(ValidationError) as refused:
        _add(nhs_lead, project, **_staff_time(nhs_org))
    assert "project amendment" in refused.value.messages[0]
    assert not Contribution.objects.exists()


@pytest.mark.parametrize(
    "state", ["concept_approved", "setup", "pid_approved", "agreement_signed", "summary_published"]
)
def test_editable_from_concept_approval_until_delivery(project, nhs_lead, nhs_org, state):
    move_to(project, state)
    assert _add(nhs_lead, project, **_staff_time(nhs_org)).pk


def test_funded_post_may_wait_for_its_exit_strategy(approved, industry_lead, pharma_org):
    post = _add(
        industry_lead,
        approved,
        **_staff_time(
            pharma_org,
            kind="money",
            role="Specialist nurse",
            is_funded_post=True,
            under_nhs_control=True,
            exit_strategy="",
        ),
    )
    assert post.is_funded_post
    assert post.exit_strategy == ""


def test_control_and_exit_are_cleared_when_not_a_funded_post(approved, nhs_lead, nhs_org):
    c = _add(
        nhs_lead,
        approved,
        **_staff_time(nhs_org, under_nhs_control=True, exit_strategy="Absorbed by the trust"),
    )
    assert (c.under_nhs_control, c.exit_strategy) == (False, "")


def test_only_known_fields(approved, nhs_lead, nhs_org):
    with pytest.raises(TypeError):
        _add(nhs_lead, approved, **_staff_time(nhs_org), colour="red")


def test_update_audits_before_and_after(approved, nhs_lead, nhs_org):
    c = _add(nhs_lead, approved, **_staff_time(nhs_org))
    updated = services.contribution_update(
        actor=nhs_lead, contribution=c, fields={"hours": Decimal(300)}, expected_version=1
    )
    assert updated.hours == 300
    assert updated.row_version == 2
    event = AuditEvent.objects.get(action="contribution.updated")
    assert event.changes == {"hours": ["600.0", "300"]}


def test_update_without_changes_writes_nothing(approved, nhs_lead, nhs_org):
    c = _add(nhs_lead, approved, **_staff_time(nhs_org))
    services.contribution_update(
        actor=nhs_lead, contribution=c, fields={"role": "Practice pharmacist"}, expected_version=1
    )
    c.refresh_from_db()
    assert c.row_version == 1
    assert not AuditEvent.objects.filter(action="contribution.updated").exists()


def test_stale_update_is_refused(approved, nhs_lead, industry_lead, nhs_org):
    c = _add(nhs_lead, approved, **_staff_time(nhs_org))
    services.contribution_update(
        actor=industry_lead, contribution=c, fields={"hours": Decimal(10)}, expected_version=1
    )
    with pytest.raises(StaleEdit):
        services.contribution_update(
            actor=nhs_lead, contribution=c, fields={"hours": Decimal(20)}, expected_version=1
        )
    c.refresh_from_db()
    assert c.hours == 10


def test_refused_update_changes_nothing(approved, nhs_lead, nhs_org):
    c = _add(nhs_lead, approved, **_staff_time(nhs_org))
    with pytest.raises(ValidationError):
        services.contribution_update(
            actor=nhs_lead,
            contribution=c,
            fields={"role": "", "value": Decimal(-3)},
            expected_version=None,
        )
    c.refresh_from_db()
    assert (c.role, c.value, c.row_version) == ("Practice pharmacist", None, 1)


def test_update_refused_once_delivery_starts(approved, nhs_lead, nhs_org):
    c = _add(nhs_lead, approved, **_staff_time(nhs_org))
    move_to(approved, "in_delivery")
    with pytest.raises(ValidationError):
        services.contribution_update(
            actor=nhs_lead, contribution=c, fields={"hours": Decimal(1)}, expected_version=None
        )


def test_remove_is_audited(approved, nhs_lead, nhs_org):
    c = _add(nhs_lead, approved, **_staff_time(nhs_org))
    services.contribution_remove(actor=nhs_lead, contribution=c)
    assert not Contribution.objects.exists()
    event = AuditEvent.objects.get(action="contribution.removed")
    assert event.changes["description"] == ["Practice pharmacist two days a week", None]


def test_remove_refused_once_delivery_starts(approved, nhs_lead, nhs_org):
    c = _add(nhs_lead, approved, **_staff_time(nhs_org))
    move_to(approved, "in_delivery")
    with pytest.raises(ValidationError):
        services.contribution_remove(actor=nhs_lead, contribution=c)
    assert Contribution.objects.count() == 1


def test_stale_remove_is_refused(approved, nhs_lead, nhs_org):
    c = _add(nhs_lead, approved, **_staff_time(nhs_org))
    with pytest.raises(StaleEdit):
        services.contribution_remove(actor=nhs_lead, contribution=c, expected_version=7)
    assert Contribution.objects.count() == 1
