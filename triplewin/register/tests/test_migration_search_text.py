"""The summary's generated search column arrives filled for existing rows, and goes away cleanly."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.migrations import migrate
from triplewin.executive_summary.models import ExecutiveSummary

BEFORE = [
    ("register", "0001_search_indexes"),
    ("executive_summary", "0004_certification_and_publication_in_the_engine"),
]
AFTER = [("register", "0002_one_summary_search_index")]


def _indexes() -> set[str]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, ExecutiveSummary._meta.db_table)
    return {name for name, info in found.items() if info["index"]}


@pytest.mark.django_db(transaction=True)
def test_existing_summaries_are_searchable_after_the_move_both_ways(published):
    ExecutiveSummary.objects.filter(project=published).update(
        title="Café screening", rationale="Fewer admissions", objectives="Faster reviews"
    )
    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model(
        "executive_summary", "ExecutiveSummary"
    )
    assert "search_text" not in {f.name for f in old._meta.get_fields()}
    if connection.vendor == "postgresql":
        assert "register_rationale_trgm" in _indexes()

    migrate(AFTER)
    text = ExecutiveSummary.objects.values_list("search_text", flat=True).get(project=published)
    assert text.splitlines()[1:] == ["FEWER ADMISSIONS", "FASTER REVIEWS"]
    assert ExecutiveSummary.objects.filter(search_text__contains="ADMISSIONS").count() == 1
    if connection.vendor == "postgresql":
        assert "register_summary_search_trgm" in _indexes()
        assert "register_rationale_trgm" not in _indexes()
