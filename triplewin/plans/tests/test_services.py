"""Plan services: every plan accepts a valid entry and refuses a bad one, with an audit trail."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from triplewin.audit.models import AuditEvent
from triplewin.partnerships.errors import StaleEdit
from triplewin.plans import services
from triplewin.plans.registry import PLANS, PLANS_BY_SLUG
from triplewin.plans.tests.conftest import VALID, move_to

pytestmark = pytest.mark.django_db
SLUGS = [p.slug for p in PLANS]


def _add(actor, project, slug, **extra):
    fields = dict(VALID[slug])
    fields.update(extra)
    return services.plan_entry_add(actor=actor, project=project, plan=slug, fields=fields)


@pytest.mark.parametrize("slug", SLUGS)
def test_add_is_saved_and_audited(in_setup, nhs_lead, slug):
    entry = _add(nhs_lead, in_setup, slug)
    assert entry.project_id == in_setup.pk
    event = AuditEvent.objects.get(action=f"plans.{slug}.added")
    assert event.actor == nhs_lead
    assert event.project_id == in_setup.pk
    first = PLANS_BY_SLUG[slug].fields[0]
    assert event.changes[first] == [None, VALID[slug][first]]


@pytest.mark.parametrize(
    ("slug", "field"),
    [(spec.slug, name) for spec in PLANS for name in spec.required],
)
def test_each_required_field_is_refused_in_plain_english(in_setup, nhs_lead, slug, field):
    with pytest.raises(ValidationError) as refused:
        _add(nhs_lead, in_setup, slug, **{field: "  "})
    assert refused.value.message_dict[field] == [PLANS_BY_SLUG[slug].required[field]]
    assert not PLANS_BY_SLUG[slug].model._default_manager.exists()
    assert not AuditEvent.objects.filter(action__startswith="plans.").exists()


@pytest.mark.parametrize(
    ("slug", "field", "value"),
    [("stakeholders", "scope", "somewhere"), ("patient-engagement", "kind", "focus_group")],
)
def test_unknown_choices_are_refused(in_setup, nhs_lead, slug, field, value):
    with pytest.raises(ValidationError) as refused:
        _add(nhs_lead, in_setup, slug, **{field: value})
    assert field in refused.value.message_dict
    assert not PLANS_BY_SLUG[slug].model._default_manager.exists()


def test_too_long_text_is_refused(in_setup, nhs_lead):
    with pytest.raises(ValidationError) as refused:
        _add(nhs_lead, in_setup, "raci", activity="x" * 201)
    assert "activity" in refused.value.message_dict


def test_unknown_fields_are_a_programming_error(in_setup, nhs_lead):
    with pytest.raises(TypeError):
        _add(nhs_lead, in_setup, "raci", colour="red")


def test_data_shared_without_anonymisation_may_be_saved(in_setup, nhs_lead):
    entry = _add(nhs_lead, in_setup, "data", anonymised=True, aggregated=False)
    assert entry.company_sees_identifiable


@pytest.mark.parametrize("state", ["idea", "scoping", "in_delivery", "completed", "terminated"])
@pytest.mark.parametrize("slug", SLUGS)
def test_outside_set_up_nothing_is_added(project, nhs_lead, state, slug):
    move_to(project, state)
    if state == "in_delivery" and PLANS_BY_SLUG[slug].open_in_delivery:
        # The sustainability and handover plan is kept current until delivery ends.
        assert _add(nhs_lead, project, slug).pk
        return
    with pytest.raises(ValidationError) as refused:
        _add(nhs_lead, project, slug)
    assert "project amendment" in refused.value.messages[0]
    assert not PLANS_BY_SLUG[slug].model._default_manager.exists()


@pytest.mark.parametrize("slug", SLUGS)
def test_update_is_versioned_and_audited(in_setup, nhs_lead, slug):
    spec = PLANS_BY_SLUG[slug]
    entry = _add(nhs_lead, in_setup, slug)
    first = spec.fields[0]
    changed = "Changed" if first != "kind" else "feedback"
    updated = services.plan_entry_update(
        actor=nhs_lead, entry=entry, fields={first: changed}, expected_version=1
    )
    assert getattr(updated, first) == changed
    assert updated.row_version == 2
    event = AuditEvent.objects.get(action=f"plans.{slug}.updated")
    assert event.changes == {first: [VALID[slug][first], changed]}


def test_update_without_change_writes_nothing(in_setup, nhs_lead):
    entry = _add(nhs_lead, in_setup, "raci")
    services.plan_entry_update(
        actor=nhs_lead, entry=entry, fields=dict(VALID["raci"]), expected_version=1
    )
    entry.refresh_from_db()
    assert entry.row_version == 1
    assert not AuditEvent.objects.filter(action="plans.raci.updated").exists()


def test_stale_update_is_refused(in_setup, nhs_lead, industry_lead):
    entry = _add(nhs_lead, in_setup, "communications")
    services.plan_entry_update(
        actor=industry_lead, entry=entry, fields={"channel": "Email"}, expected_version=1
    )
    with pytest.raises(StaleEdit):
        services.plan_entry_update(
            actor=nhs_lead, entry=entry, fields={"channel": "Letter"}, expected_version=1
        )
    entry.refresh_from_db()
    assert entry.channel == "Email"


def test_refused_update_changes_nothing(in_setup, nhs_lead):
    entry = _add(nhs_lead, in_setup, "raci")
    with pytest.raises(ValidationError):
        services.plan_entry_update(
            actor=nhs_lead,
            entry=entry,
            fields={"responsible": "", "informed": "Everyone"},
            expected_version=None,
        )
    entry.refresh_from_db()
    assert (entry.responsible, entry.informed) == ("PCN pharmacist", "Practice managers")


def test_update_refused_once_delivery_starts(in_setup, nhs_lead):
    entry = _add(nhs_lead, in_setup, "raci")
    move_to(in_setup, "in_delivery")
    with pytest.raises(ValidationError):
        services.plan_entry_update(
            actor=nhs_lead, entry=entry, fields={"informed": "All"}, expected_version=None
        )


@pytest.mark.parametrize("slug", SLUGS)
def test_remove_is_audited(in_setup, nhs_lead, slug):
    entry = _add(nhs_lead, in_setup, slug)
    services.plan_entry_remove(actor=nhs_lead, entry=entry)
    assert not PLANS_BY_SLUG[slug].model._default_manager.exists()
    event = AuditEvent.objects.get(action=f"plans.{slug}.removed")
    first = PLANS_BY_SLUG[slug].fields[0]
    assert event.changes[first] == [VALID[slug][first], None]


def test_remove_refused_once_delivery_starts(in_setup, nhs_lead):
    entry = _add(nhs_lead, in_setup, "stakeholders")
    move_to(in_setup, "in_delivery")
    with pytest.raises(ValidationError):
        services.plan_entry_remove(actor=nhs_lead, entry=entry)
    assert PLANS_BY_SLUG["stakeholders"].model._default_manager.count() == 1


def test_stale_remove_is_refused(in_setup, nhs_lead):
    entry = _add(nhs_lead, in_setup, "stakeholders")
    with pytest.raises(StaleEdit):
        services.plan_entry_remove(actor=nhs_lead, entry=entry, expected_version=5)
    assert PLANS_BY_SLUG["stakeholders"].model._default_manager.count() == 1
