"""Import from CSV and JSON: all rows or none, with a per-row report next to the file field."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from triplewin.audit.models import AuditEvent
from triplewin.core.library import interchange
from triplewin.library import services
from triplewin.library.models import CaseStudy

pytestmark = pytest.mark.django_db

HEADER = "title,status,summary,setting,nation,therapy_areas,objectives,partners,outcomes\n"
GOOD = (
    HEADER
    + 'Inhaler reviews in Bolton,published,Practices reviewed inhalers.,primary,england,respiratory,Review 300 people.,"nhs | Bolton GP Federation | Nurses\nindustry | Example Pharma | Funding",Reviews | people | | 300 | 2024 |\n'
    + "Kidney checks in Bury,draft,Pharmacists checked kidneys.,primary,england,renal,Check 200 people.,nhs | Bury PCN | Pharmacists,\n"
)


@pytest.fixture
def librarian(staff):
    client = Client()
    client.force_login(staff)
    return client


def upload(client, content: bytes, name: str):
    return client.post(reverse("library:import"), {"file": SimpleUploadedFile(name, content)})


def test_a_good_csv_file_imports_every_row(librarian, staff):
    response = upload(librarian, GOOD.encode(), "studies.csv")
    assert response.status_code == 302
    assert set(CaseStudy.objects.values_list("title", "status")) == {
        ("Inhaler reviews in Bolton", "published"),
        ("Kidney checks in Bury", "draft"),
    }
    bolton = CaseStudy.objects.get(title="Inhaler reviews in Bolton")
    assert bolton.outcomes.get().after == 300
    assert bolton.published_at is not None
    assert AuditEvent.objects.filter(action="case_study.created", actor=staff).count() == 2


def test_a_good_json_file_imports(librarian):
    rows = [
        {
            "title": "Asthma in Salford",
            "status": "published",
            "summary": "Reviews.",
            "setting": "primary",
            "nation": "england",
            "therapy_areas": ["respiratory"],
            "objectives": "Review.",
            "partners": [{"sector": "nhs", "name": "Salford PCN"}],
        }
    ]
    assert upload(librarian, json.dumps(rows).encode(), "studies.json").status_code == 302
    assert CaseStudy.objects.get().title == "Asthma in Salford"


def test_one_bad_row_means_nothing_is_written_and_each_problem_is_reported(librarian):
    bad = GOOD + "Broken,published,,moon,england,astrology,,nhs | A | b,\n"
    before = AuditEvent.objects.count()
    response = upload(librarian, bad.encode(), "studies.csv")
    assert response.status_code == 400
    assert not CaseStudy.objects.exists()
    assert AuditEvent.objects.count() == before
    body = response.content.decode()
    assert "Nothing was imported: 4 problems in 1 row." in body
    report = body[body.index('id="import-report"') :]
    for field in ("summary", "setting", "therapy_areas", "objectives"):
        assert f"<code>{field}</code>" in report
    # The broken row is the third record and starts on line 5 (the first spans two lines).
    assert '<td class="nhsuk-table__cell">3</td>' in report
    assert '<td class="nhsuk-table__cell">5</td>' in report
    # The message sits next to the file field, and the error summary links to it.
    assert 'href="#id_file"' in body


def test_rows_that_clash_with_the_library_are_reported(librarian, corpus):
    clash = HEADER + (
        "LOGIC: proactive COPD care in Hartlepool primary care,published,S,primary,england,"
        "respiratory,O,nhs | Hartlepool Health Primary Care Network,\n"
    )
    response = upload(librarian, clash.encode(), "studies.csv")
    assert response.status_code == 400
    assert "already in the library" in response.content.decode()
    assert CaseStudy.objects.count() == len(corpus)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "studies.csv", "not text"),
        ("title,status\nCaf\u00e9,draft\n".encode("cp1252"), "studies.csv", "not UTF-8"),
        (b'[{"title": "A"}]', "studies.csv", "content is JSON"),
        (b"PK\x03\x04\x00\x00", "studies.xlsx", "not text"),
    ],
)
def test_files_are_checked_by_content(librarian, content, name, message):
    response = upload(librarian, content, name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CaseStudy.objects.exists()


def test_oversized_files_are_refused(librarian):
    big = GOOD.encode() + b" " * (interchange.MAX_BYTES + 1)
    response = upload(librarian, big, "studies.csv")
    assert response.status_code == 400
    assert "must be 5 MB or smaller" in response.content.decode()
    assert not CaseStudy.objects.exists()


def test_no_file_chosen(librarian):
    response = librarian.post(reverse("library:import"), {})
    assert response.status_code == 400
    assert "Choose a CSV or JSON file to import." in response.content.decode()


def test_the_service_refuses_non_staff(nhs_lead):
    checked = interchange.validate(interchange.read(GOOD.encode(), filename="x.csv"))
    with pytest.raises(
        services.PermissionDenied if hasattr(services, "PermissionDenied") else Exception
    ):
        services.case_studies_import(actor=nhs_lead, entries=checked.entries)
    assert not CaseStudy.objects.exists()


def test_export_then_import_round_trips(librarian, corpus):
    exported = librarian.get(reverse("library:export-csv")).content
    CaseStudy.objects.all().delete()
    assert upload(librarian, exported, "library.csv").status_code == 302
    assert CaseStudy.objects.count() == len(corpus)
    assert CaseStudy.objects.get(key="nhs-apa-hep-c-u-later").outcomes.count() == 3


def test_an_identifier_in_any_cell_imports_nothing_and_is_reported_masked(librarian):
    bad = GOOD + (
        "Bell\x07 title,draft,Seen 943 476 5919.,primary,england,renal,Check people.,"
        "nhs | Bury PCN | Pharmacists,\n"
    )
    before = AuditEvent.objects.count()
    response = upload(librarian, bad.encode(), "studies.csv")
    assert response.status_code == 400
    assert not CaseStudy.objects.exists()
    assert AuditEvent.objects.count() == before
    body = response.content.decode()
    report = body[body.index('id="import-report"') :]
    assert "<code>title</code>" in report
    assert "<code>summary</code>" in report
    assert "This looks like an NHS number: 943 *** **19." in report
    assert "(bell, U+0007)" in report
    assert "943 476 5919" not in body
