"""The ABPI submission document opens in Word with real headings and the study's content."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document

from triplewin.library.documents import HEADINGS

pytestmark = pytest.mark.django_db


def open_docx(response):
    return Document(io.BytesIO(response.content))


def test_abpi_submission_has_word_headings_and_values(client, corpus):
    study = corpus["ulht-cardio-diabetes"]
    response = client.get(reverse("library:abpi-docx", args=[study.pk]))
    assert response["Content-Disposition"].startswith('attachment; filename="abpi-submission-')
    document = open_docx(response)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == list(HEADINGS)
    title = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert title == [study.title]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "About one in three Lincolnshire residents" in text
    assert "Sustained" in text
    assert "Plan the business case from the first day" in text
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Boehringer Ingelheim Limited" in cells
    assert "United Lincolnshire Hospitals NHS Trust" in cells
    assert "Acute coronary syndrome admissions tested for diabetes" in cells
    assert "65%" in cells
    assert "97%" in cells
    assert "up 32 percentage points" in cells
    assert "Joint working" in cells
    assert "November 2020 to September 2023 (35 months)" in cells
    assert document.core_properties.title == study.title


def test_a_draft_document_says_it_is_a_draft(client_for, draft):
    document = open_docx(client_for("nhs_lead").get(reverse("library:abpi-docx", args=[draft.pk])))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Status in the library: draft." in text
    assert "No lessons" not in text
    assert "None recorded." in text


def test_stored_control_characters_and_identifiers_never_break_or_leak(client_for, draft):
    # Text stored before the input guard existed, put straight into the database.
    type(draft).objects.filter(pk=draft.pk).update(
        title="Bell\x07 and escape\x1b[1m title",
        background="Mr X, NHS number 943 476 5919, waited.\x0b",
    )
    draft.parties.update(contribution="Nurses\x1b time, 9434765919")
    response = client_for("nhs_lead").get(reverse("library:abpi-docx", args=[draft.pk]))
    assert response.status_code == 200
    document = open_docx(response)
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Bell and escape[1m title" in text
    assert "NHS number 943 *** **19, waited." in text
    assert "Nurses time, 943 *** **19" in cells
    assert "943 476 5919" not in text + cells
    assert "9434765919" not in cells
    assert document.core_properties.title == "Bell and escape[1m title"
