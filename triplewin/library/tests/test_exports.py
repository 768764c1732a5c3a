"""CSV and JSON exports: published studies only, the page's filters, no live formulas."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from triplewin.core.library.records import FIELDS
from triplewin.core.library.spreadsheet import FORMULA_STARTS
from triplewin.library import services

pytestmark = pytest.mark.django_db


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_export_is_a_download_with_every_column(client, corpus):
    response = client.get(reverse("library:export-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="case-studies-')
    exported = rows(response)
    assert len(exported) == len(corpus)
    assert list(exported[0]) == list(FIELDS)


def test_exports_follow_the_search_and_filters(client, corpus):
    response = client.get(reverse("library:export-json"), {"q": "cancer", "setting": "secondary"})
    keys = {r["key"] for r in json.loads(response.content)}
    assert keys == {
        "lsc-sact-pathway-review",
        "weston-park-remote-consultations",
        "skin-analytics-post-referral",
        "wales-head-and-neck-diagnostics",
    }


def test_formula_injection_is_neutralised(client, corpus, staff):
    study = corpus["leeds-remote-rheumatology"]
    services.case_study_update(
        actor=staff,
        case_study=study,
        fields={
            "summary": '=HYPERLINK("http://evil.example","Click")',
            "condition": "+44 helpline",
            "icb": "@SUM(1+1)",
            "what_happened_next_detail": "-2 clinics a week",
        },
        therapy_areas=["rheumatology"],
        interventions=[],
        expected_version=None,
    )
    exported = rows(client.get(reverse("library:export-csv")))
    leeds = next(r for r in exported if r["key"] == "leeds-remote-rheumatology")
    assert leeds["summary"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert leeds["condition"] == "'+44 helpline"
    assert leeds["icb"] == "'@SUM(1+1)"
    assert leeds["what_happened_next_detail"] == "'-2 clinics a week"
    for row in exported:
        for cell in row.values():
            assert not cell.startswith(FORMULA_STARTS)
    # JSON is not opened by spreadsheets, so it keeps the text exactly.
    data = json.loads(client.get(reverse("library:export-json")).content)
    assert next(r for r in data if r["key"] == "leeds-remote-rheumatology")["icb"] == "@SUM(1+1)"


def test_drafts_are_not_exported(client, corpus, draft):
    assert draft.title not in client.get(reverse("library:export-csv")).content.decode()
    assert draft.title not in client.get(reverse("library:export-json")).content.decode()
