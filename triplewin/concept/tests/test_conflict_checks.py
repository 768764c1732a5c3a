"""A partner's decision on the concept is checked against the decision maker's register."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories
from triplewin.concept import services
from triplewin.conflicts.decisions import ConflictRefused
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.partnerships import services as project_services
from triplewin.signoff.models import SignOffAct
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
    assert not SignOffAct.objects.on("concept").exists()


def test_a_lapsed_register_refuses_the_decision(ready, nhs_org):
    newcomer = factories.member(
        "newcomer@example.test", nhs_org, "governance_member", registered=False
    )
    with pytest.raises(ConflictRefused, match="My declarations"):
        _approve(newcomer, ready, nhs_org)
    assert not SignOffAct.objects.on("concept").exists()


def test_another_partners_named_lead_may_let_the_person_decide(
    ready, nhs_lead, industry_lead, nhs_org
):
    pharma = ready.partners.get(organisation__org_type="pharmaceutical")
    project_services.partner_set_lead(
        actor=industry_lead, project=ready, partner=pharma, lead=industry_lead
    )
    checks.conflicted(ready, lead=nhs_lead, person=nhs_lead)
    # Before the team forms there is no chair, so the company's named lead records it.
    record = checks.refused_until_managed(
        lambda: _approve(nhs_lead, ready, nhs_org),
        project=ready,
        by=industry_lead,
        person=nhs_lead,
        decision=DecisionKind.CONCEPT,
        action="concept.approved",
        nothing_recorded=lambda: not SignOffAct.objects.on("concept").exists(),
    )
    assert record.actor == nhs_lead


def test_the_decision_page_warns_before_anyone_submits(client_for, ready, nhs_lead, pharma_org):
    url = reverse("concept:decide", args=[ready.pk])
    assert "conflict-notice" not in client_for("nhs_lead").get(url).content.decode()
    builders.declare(nhs_lead, pharma_org, description="Holds 2,000 shares in the company.")
    body = client_for("nhs_lead").get(url).content.decode()
    assert "You have a conflict of interest" in body
    assert "Holds 2,000 shares in the company." in body
    assert reverse("conflicts:project", args=[ready.pk]) in body
    assert "step aside" in body


def test_the_decision_page_asks_for_a_current_register_first(client_for, ready, roles, nhs_org):
    newcomer = factories.member(
        "newcomer@example.test", nhs_org, "partnership_lead", registered=False
    )
    client = client_for("nhs_lead")
    client.force_login(newcomer)
    body = client.get(reverse("concept:decide", args=[ready.pk])).content.decode()
    assert "Update your declarations first" in body
    assert f'href="{reverse("conflicts:register")}"' in body
