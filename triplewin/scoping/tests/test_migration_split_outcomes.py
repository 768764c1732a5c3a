"""Stored answers to the bundled outcomes question are split by the data migration.

Issue 13 item 2; seed: NHS Confederation/ABPI guidance (2024), comparison table (outcomes
measured or tracked for both types; joint working benefits patients directly).
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from triplewin.core import checklist
from triplewin.scoping.models import ClassificationChecklist

pytestmark = pytest.mark.django_db

migration = importlib.import_module("triplewin.scoping.migrations.0002_split_outcomes_question")


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        pytest.param(
            "yes",
            {
                "outcomes_measurable": "yes",
                "patient_outcomes_measured": "yes",
                "anonymised_aggregated_data": "yes",
            },
            id="yes",
        ),
        pytest.param("no", {"patient_outcomes_measured": "no"}, id="no"),
    ],
)
def test_old_key_is_split_and_matches_the_core_reader(project, stored, expected):
    record = ClassificationChecklist.objects.create(
        project=project, answers={"outcomes_measured_anonymised": stored, "prospective": "yes"}
    )
    migration.split(apps, None)
    record.refresh_from_db()
    assert record.answers == {**expected, "prospective": "yes"}
    assert record.answers == checklist.upgrade_answers(
        {"outcomes_measured_anonymised": stored, "prospective": "yes"}
    )
    assert record.row_version == 2


def test_reverse_joins_the_parts_again(project):
    record = ClassificationChecklist.objects.create(
        project=project,
        answers={
            "outcomes_measurable": "yes",
            "patient_outcomes_measured": "no",
            "anonymised_aggregated_data": "yes",
        },
    )
    migration.join(apps, None)
    record.refresh_from_db()
    assert record.answers == {"outcomes_measured_anonymised": "no"}
