"""A partner's decision on the concept is checked against the decision maker's register."""

from __future__ import annotations

import pytest

from tests import factories
from triplewin.concept import services
from triplewin.concept.models import ConceptDecision
from triplewin.conflicts.decisions import ConflictRefused
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.partnerships import services as project_services
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(project, nhs_lead):
    factories.ready_for_approval(project, nhs_lead)
    return project


def _approve(user, project, org):
    return services.concept_decide(
        actor=user, project=project, organisation=org, decision="approve"
    )


def test_an_interest_in_any_partner_refuses_the_decision(ready, nhs_lead, nhs_org, pharma_org):
    builders.declare(nhs_lead, pharma_org, description="Holds 2,000 shares in the company.")
    with pytest.raises(ConflictRefused) as refused:
        _approve(nhs_lead, ready, nhs_org)
    message = refused.value.messages[0]
    assert message.startswith("You cannot decide on the concept while your conflict")
    assert "Holds 2,000 shares in the company." in message
    assert "relates to Test Pharma Ltd, a partner in this project" in message
    assert not ConceptDecision.objects.exists()


def test_a_lapsed_register_refuses_the_decision(ready, nhs_org):
    newcomer = factories.member(
        "newcomer@example.test", nhs_org, "governance_member", registered=False
    )
    with pytest.raises(ConflictRefused, match="My declarations"):
        _approve(newcomer, ready, nhs_org)
    assert not ConceptDecision.objects.exists()


def test_another_partners_named_lead_may_let_the_person_decide(
    ready, nhs_lead, industry_lead, nhs_org
):
    checks.concern_product(ready, nhs_lead)
    checks.declare_interest(nhs_lead)
    checks.refused(lambda: _approve(nhs_lead, ready, nhs_org))
    pharma = ready.partners.get(organisation__org_type="pharmaceutical")
    project_services.partner_set_lead(
        actor=industry_lead, project=ready, partner=pharma, lead=industry_lead
    )
    checks.manage(ready, by=industry_lead, person=nhs_lead, decision=DecisionKind.CONCEPT)
    assert _approve(nhs_lead, ready, nhs_org).decided_by == nhs_lead
    checks.assert_audited_as_managed("concept.approved")
