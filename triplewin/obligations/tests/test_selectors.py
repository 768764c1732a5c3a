"""Obligation facts built from the database, several projects at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from tests import factories
from triplewin.core.obligations import Kind, Status
from triplewin.obligations.selectors import facts_for, obligations_for
from triplewin.transfers import services as tov_services
from triplewin.transfers.tests.builders import published_project, transfer

pytestmark = pytest.mark.django_db
D = dt.date


def test_facts_from_the_records(completed):
    facts = facts_for([completed])[completed.pk]
    assert facts.summary_published_on == D(2024, 1, 10)
    assert facts.actual_start == D(2024, 2, 1)
    assert facts.ended_on == D(2025, 1, 31)
    assert facts.tov_years == frozenset({2024})
    assert facts.disclosed_on == {}
    assert not facts.terminated


def test_a_year_is_disclosed_only_when_every_company_has_marked_it(
    nhs_lead, nhs_org, pharma_org, industry_lead
):
    second = factories.organisation(name="Second Pharma plc", org_type="pharmaceutical")
    second_lead = factories.member(
        "second.lead@example.test", second, "partnership_lead", function="partnership"
    )
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org, second],
        published_on=D(2024, 1, 10),
        started_on=D(2024, 2, 1),
    )
    transfer(actor=industry_lead, project=project, company=pharma_org, recipient=nhs_org, year=2024)
    transfer(actor=second_lead, project=project, company=second, recipient=nhs_org, year=2024)
    tov_services.year_mark_disclosed(
        actor=industry_lead,
        project=project,
        company=pharma_org,
        year=2024,
        disclosed_on=D(2025, 3, 1),
    )
    assert facts_for([project])[project.pk].disclosed_on == {}
    tov_services.year_mark_disclosed(
        actor=second_lead, project=project, company=second, year=2024, disclosed_on=D(2025, 7, 9)
    )
    assert facts_for([project])[project.pk].disclosed_on == {2024: D(2025, 7, 9)}
    (found,) = [
        o
        for o in obligations_for([project], D(2025, 8, 1))[project.pk]
        if o.kind is Kind.DISCLOSURE
    ]
    assert found.status is Status.MET_LATE


def test_terminated_project_ends_on_its_termination(nhs_lead, nhs_org, pharma_org):
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        published_on=D(2024, 1, 10),
        started_on=D(2024, 2, 1),
        ended_on=D(2024, 8, 31),
        terminated=True,
    )
    facts = facts_for([project])[project.pk]
    assert facts.terminated
    assert facts.ended_on == D(2024, 8, 31)
    outcomes = next(
        o for o in obligations_for([project], D(2025, 3, 1))[project.pk] if o.kind is Kind.OUTCOMES
    )
    assert outcomes.due_on == D(2025, 2, 28)
    assert outcomes.status is Status.OVERDUE


def test_query_count_does_not_grow_with_projects(
    nhs_lead, nhs_org, pharma_org, django_assert_max_num_queries
):
    projects = [
        published_project(
            actor=nhs_lead, lead=nhs_org, partners=[pharma_org], published_on=D(2024, 1, i + 1)
        )
        for i in range(6)
    ]
    with django_assert_max_num_queries(8):
        found = obligations_for(projects, D(2025, 1, 1))
    assert len(found) == 6
