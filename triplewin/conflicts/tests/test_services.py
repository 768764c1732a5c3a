"""The register of interests: declaring, ending, nil returns and confirmations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from triplewin.audit.models import AuditEvent, ImmutableRecord
from triplewin.conflicts import selectors, services
from triplewin.conflicts.models import Declaration, NilReturn, RegisterConfirmation
from triplewin.core.conflicts import Scope, refresh_due
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _declare(user, **extra):
    details: dict[str, Any] = {
        "category": "financial",
        "interest_type": "hospitality",
        "description": "Dinner at a conference",
        "valid_from": dt.date(2025, 5, 1),
    }
    details.update(extra)
    return services.declaration_add(actor=user, **details)


def test_declaring_is_audited(nhs_lead, pharma_org):
    declaration = _declare(nhs_lead, organisation=pharma_org, action_taken="Will not vote")
    assert declaration.user == nhs_lead
    event = AuditEvent.objects.get(action="conflicts.declared")
    assert event.actor == nhs_lead
    assert event.project_id is None
    assert event.changes["organisation"] == [None, "Test Pharma Ltd"]
    assert event.changes["action_taken"] == [None, "Will not vote"]


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({}, "organisation"),
        ({"organisation_name": "   "}, "organisation"),
        ({"organisation_name": "Acme", "description": "  "}, "description"),
        ({"organisation_name": "Acme", "valid_to": dt.date(2025, 4, 30)}, "valid_to"),
        ({"organisation_name": "Acme", "interest_type": "bribes"}, "interest_type"),
    ],
)
def test_bad_declarations_are_refused_next_to_the_field(nhs_lead, extra, field):
    with pytest.raises(ValidationError) as error:
        _declare(nhs_lead, **extra)
    assert field in error.value.message_dict
    assert not Declaration.objects.exists()
    assert not AuditEvent.objects.filter(action="conflicts.declared").exists()


def test_organisation_from_the_list_or_typed_not_both(nhs_lead, pharma_org):
    with pytest.raises(ValidationError) as error:
        _declare(nhs_lead, organisation=pharma_org, organisation_name="Test Pharma")
    assert "not both" in error.value.message_dict["organisation_name"][0]


def test_ending_an_interest_once(nhs_lead, pharma_org):
    declaration = _declare(nhs_lead, organisation=pharma_org)
    with pytest.raises(ValidationError) as error:
        services.declaration_end(
            actor=nhs_lead, declaration=declaration, ended_on=dt.date(2025, 4, 1)
        )
    assert "on or after the day the interest started" in error.value.message_dict["valid_to"][0]
    services.declaration_end(actor=nhs_lead, declaration=declaration, ended_on=dt.date(2025, 6, 1))
    declaration.refresh_from_db()
    assert declaration.valid_to == dt.date(2025, 6, 1)
    assert AuditEvent.objects.get(action="conflicts.ended").changes == {
        "valid_to": [None, "2025-06-01"]
    }
    with pytest.raises(ValidationError, match="already recorded as ended"):
        services.declaration_end(
            actor=nhs_lead, declaration=declaration, ended_on=dt.date(2025, 7, 1)
        )
    declaration.refresh_from_db()
    assert declaration.valid_to == dt.date(2025, 6, 1)


def test_only_the_declarer_can_end_an_interest(nhs_lead, industry_lead, pharma_org):
    declaration = _declare(nhs_lead, organisation=pharma_org)
    with pytest.raises(ValidationError, match="your own register"):
        services.declaration_end(
            actor=industry_lead, declaration=declaration, ended_on=dt.date(2025, 6, 1)
        )
    declaration.refresh_from_db()
    assert declaration.valid_to is None


def test_nil_return_counts_for_twelve_months(nhs_lead):
    record = services.nil_return_make(actor=nhs_lead)
    assert AuditEvent.objects.filter(action="conflicts.nil_return").count() == 1
    made = timezone.localdate(record.declared_at)
    assert selectors.has_current_declaration(nhs_lead, made)
    assert selectors.current_until([nhs_lead.pk], made) == {nhs_lead.pk: refresh_due(made)}
    assert not selectors.has_current_declaration(nhs_lead, made + dt.timedelta(days=366))


def test_nil_return_refused_while_an_interest_is_in_force(nhs_lead, pharma_org):
    declaration = _declare(nhs_lead, organisation=pharma_org)
    with pytest.raises(ValidationError, match="1 interest in force"):
        services.nil_return_make(actor=nhs_lead)
    assert not NilReturn.objects.exists()
    services.declaration_end(actor=nhs_lead, declaration=declaration, ended_on=dt.date(2025, 6, 1))
    services.nil_return_make(actor=nhs_lead)
    assert NilReturn.objects.count() == 1


def test_confirming_the_register_needs_an_interest_in_force(nhs_lead, pharma_org):
    with pytest.raises(ValidationError, match="Make a nil return instead"):
        services.register_confirm(actor=nhs_lead)
    _declare(nhs_lead, organisation=pharma_org)
    services.register_confirm(actor=nhs_lead)
    assert RegisterConfirmation.objects.count() == 1
    event = AuditEvent.objects.get(action="conflicts.confirmed")
    assert len(event.changes["interests_in_force"][1]) == 1


def test_confirming_an_old_register_makes_it_current_again(nhs_lead, pharma_org):
    _declare(nhs_lead, organisation=pharma_org)
    later = TODAY() + dt.timedelta(days=400)
    assert not selectors.has_current_declaration(nhs_lead, later)
    services.register_confirm(actor=nhs_lead, today=later)
    # The confirmation itself is dated now, so it counts from today onwards.
    assert selectors.has_current_declaration(nhs_lead, TODAY())


def test_nil_returns_and_confirmations_are_immutable(nhs_lead, pharma_org):
    record = services.nil_return_make(actor=nhs_lead)
    with pytest.raises(ImmutableRecord):
        record.save()
    with pytest.raises(ImmutableRecord):
        record.delete()
    _declare(nhs_lead, organisation=pharma_org, valid_from=TODAY())
    confirmation = services.register_confirm(actor=nhs_lead)
    with pytest.raises(ImmutableRecord):
        confirmation.save()


def test_touching_declarations_match_in_force_interests_about_the_organisations(
    nhs_lead, pharma_org, other_org
):
    on = dt.date(2025, 9, 1)
    about_partner = _declare(nhs_lead, organisation=pharma_org)
    typed = _declare(nhs_lead, organisation_name="test pharma LTD", interest_type="gifts")
    _declare(nhs_lead, organisation=other_org)
    _declare(nhs_lead, organisation=pharma_org, valid_from=dt.date(2025, 10, 1))
    ended = _declare(nhs_lead, organisation=pharma_org, interest_type="donations")
    services.declaration_end(actor=nhs_lead, declaration=ended, ended_on=dt.date(2025, 8, 31))
    scope = Scope({pharma_org.pk: pharma_org.name})
    found = selectors.touching_by_user([nhs_lead.pk], scope, on)[nhs_lead.pk]
    assert {d.pk for d, _ in found} == {about_partner.pk, typed.pk}
    assert selectors.touching_by_user([nhs_lead.pk], Scope({}), on) == {}


def test_describe_names_the_interest_and_the_action(nhs_lead, pharma_org):
    declaration = builders.declare(nhs_lead, pharma_org, action_taken="Steps out of votes")
    text = selectors.describe(declaration)
    assert text.startswith("Financial interest, shareholdings and other ownership relating to")
    assert "Test Pharma Ltd" in text
    assert "Action taken: Steps out of votes" in text
