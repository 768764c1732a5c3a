"""The learning views' aggregates, checked against the seeded corpus."""

from __future__ import annotations

import pytest
from django.urls import reverse

from triplewin.library import insights

pytestmark = pytest.mark.django_db


def counts(table):
    return {b.label: b.count for b in table.bars}


def test_aggregates(corpus):
    i = insights.library_insights()
    assert i.total == 14
    assert counts(i.therapy)["Cancer"] == 6
    assert counts(i.settings) == {
        "Secondary care": 7,
        "Primary care": 4,
        "System level (ICB, alliance or network)": 2,
        "Community services": 1,
    }
    assert counts(i.interventions)["Pathway redesign"] == 9
    # Only the four King's Fund studies give both dates: 35, 59, 13 and 9 months.
    assert i.dated == 4
    assert i.durations[0].median_months == 24.0
    assert i.continued == sum(
        counts(i.next_steps).get(k, 0)
        for k in ("Sustained", "Scaled up or spread", "Recommissioned")
    )
    assert i.continued_percent == round(i.continued * 100 / 14)


def test_learning_page_has_a_chart_and_the_same_figures_in_a_table(client, corpus):
    body = client.get(reverse("library:learning")).content.decode()
    assert '<svg class="tw-chart" role="img"' in body
    assert '<caption class="nhsuk-table__caption">Case studies by therapy area</caption>' in body
    assert "Median length in months" in body
    assert "24" in body


def test_lesson_finder_filters_by_barrier(client, corpus):
    body = client.get(reverse("library:lessons"), {"barrier": "data_sharing"}).content.decode()
    assert "Keep the data with the NHS and share only what each party needs." in body
    assert "Plan the business case from the first day" not in body
    assert 'value="data_sharing" checked' in body
    body = client.get(reverse("library:lessons"), {"barrier": "sustaining"}).content.decode()
    assert "Plan the business case from the first day" in body
    general = client.get(reverse("library:lessons"), {"barrier": "general"}).content.decode()
    assert "Design digital tools with the patients who will use them." in general
    everything = client.get(reverse("library:lessons"), {"barrier": "<nonsense>"}).content.decode()
    assert "lessons: all lessons" in everything


@pytest.mark.parametrize(
    "barrier",
    [
        "information_governance",
        "data_sharing",
        "trust",
        "contracting_time",
        "capacity",
        "sustaining",
    ],
)
def test_every_barrier_has_lessons_in_the_seeded_library(corpus, barrier):
    assert insights.lessons(barrier)
