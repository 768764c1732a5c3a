"""Plan selectors, as the rules and the PID read them."""

from __future__ import annotations

import pytest

from tests import factories
from triplewin.plans import services
from triplewin.plans.selectors import data_shared_not_anonymised, plans_for_pid, plans_missing
from triplewin.plans.tests.conftest import VALID

pytestmark = pytest.mark.django_db
NAMES = [
    "Stakeholder map",
    "Communications plan",
    "Data collection plan",
    "Patient engagement plan",
    "RACI chart",
    "Evaluation plan",
]


def _add(actor, project, slug, **extra):
    fields = dict(VALID[slug])
    fields.update(extra)
    return services.plan_entry_add(actor=actor, project=project, plan=slug, fields=fields)


def test_plans_missing(in_setup, nhs_lead):
    assert plans_missing(in_setup) is None
    _add(nhs_lead, in_setup, "raci")
    assert plans_missing(in_setup) == (*NAMES[:4], "Evaluation plan")
    for slug in ("stakeholders", "communications", "data", "patient-engagement"):
        _add(nhs_lead, in_setup, slug)
    assert plans_missing(in_setup) == ("Evaluation plan",)
    _add(nhs_lead, in_setup, "evaluation")
    # Digital tools and the sustainability plan are optional here; their own rules check them.
    assert plans_missing(in_setup) == ()


def test_other_projects_entries_do_not_count(in_setup, nhs_lead, nhs_org):
    other = factories.project(actor=nhs_lead, lead=nhs_org, title="Other")
    _add(nhs_lead, in_setup, "raci")
    assert plans_missing(other) is None
    assert plans_for_pid(other)["RACI chart"] == []


@pytest.mark.parametrize(
    ("shared", "anonymised", "aggregated", "flagged"),
    [
        (False, False, False, False),
        (True, True, True, False),
        (True, True, False, True),
        (True, False, True, True),
        (True, False, False, True),
    ],
)
def test_data_shared_not_anonymised(in_setup, nhs_lead, shared, anonymised, aggregated, flagged):
    _add(
        nhs_lead,
        in_setup,
        "data",
        what="Ages",
        shared_with_company=shared,
        anonymised=anonymised,
        aggregated=aggregated,
    )
    assert data_shared_not_anonymised(in_setup) == (("Ages",) if flagged else ())


def test_plans_for_pid_lists_every_plan_in_order(in_setup, nhs_lead):
    assert list(plans_for_pid(in_setup)) == [
        *NAMES[:5],
        "Digital tools",
        "Evaluation plan",
        "Sustainability and handover plan",
    ]
    assert all(entries == [] for entries in plans_for_pid(in_setup).values())
    for slug in VALID:
        _add(nhs_lead, in_setup, slug)
    _add(nhs_lead, in_setup, "raci", activity="Sign off the results", consulted="", informed="")
    plans = plans_for_pid(in_setup)
    assert plans["Stakeholder map"] == [
        {
            "Stakeholder": "Practice nurses",
            "Internal or external": "Internal",
            "Interest": "Impacted, able to help or block, to keep informed",
            "Notes": "Run most of the reviews.",
        }
    ]
    assert plans["Data collection plan"][0]["A company sees it"] == "Yes"
    assert plans["Patient engagement plan"][0]["Kind of activity"] == (
        "Pathway mapping with patients and staff"
    )
    assert [e["Activity"] for e in plans["RACI chart"]] == [
        "Approve the search criteria",
        "Sign off the results",
    ]
    assert all(isinstance(v, str) for es in plans.values() for e in es for v in e.values())
