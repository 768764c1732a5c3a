"""Every documents page as each role: who may, who may not, and bad input answered in place."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.roles import DECIDE, EDIT, READ, matrix
from triplewin.documents import services
from triplewin.documents.models import CertifiedCopy, DocumentVersion
from triplewin.documents.tests.conftest import docx_paragraphs, pdf_text
from triplewin.documents.tests.test_heads_of_terms import fill

pytestmark = pytest.mark.django_db

NOT_SIGNATORY = {
    "nhs_lead": 403,
    "industry_lead": 403,
    "governance_member": 403,
    "team_member": 403,
    "oversight": 403,
    "outsider": 404,
    "anonymous": 404,
}


@pytest.fixture
def with_version(agreement_project: Any, nhs_lead: Any) -> Any:
    services.document_generate(actor=nhs_lead, project=agreement_project, document="agreement")
    return agreement_project


def base(project: Any) -> str:
    return f"/projects/{project.pk}/documents"


@pytest.mark.parametrize(("role", "expected"), matrix(READ))
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/agreement/",
        "/agreement/versions/1/",
        "/agreement/compare/",
        "/status-report/",
    ],
)
def test_reading_pages(
    client_for: Any, with_version: Any, role: str, expected: int, path: str
) -> None:
    response = client_for(role).get(base(with_version) + path)
    assert response.status_code == expected
    if expected == 200:
        assert with_version.title in response.content.decode()


@pytest.mark.parametrize(("role", "expected"), matrix(READ))
def test_downloads(client_for: Any, with_version: Any, role: str, expected: int) -> None:
    client = client_for(role)
    pdf = client.get(base(with_version) + "/agreement/versions/1/pdf/")
    word = client.get(base(with_version) + "/agreement/versions/1/docx/")
    assert (pdf.status_code, word.status_code) == (expected, expected)
    if expected == 200:
        assert pdf["Content-Type"] == "application/pdf"
        assert "Dispute resolution" in pdf_text(pdf.content)
        headings = {t for style, t in docx_paragraphs(word.content) if style.startswith("Heading")}
        assert "Dispute resolution (incomplete)" in headings


@pytest.mark.parametrize(("role", "expected"), matrix(READ))
def test_the_pack(client_for: Any, with_version: Any, role: str, expected: int) -> None:
    response = client_for(role).get(base(with_version) + "/pack/")
    assert response.status_code == expected
    if expected == 200:
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        names = set(archive.namelist())
        assert {"agreement-v1.pdf", "agreement-v1.docx", "manifest.json", "manifest.csv"} <= names
        manifest = json.loads(archive.read("manifest.json"))
        [entry] = [d for d in manifest["documents"] if d["document"] == "agreement"]
        version = DocumentVersion.objects.get(project=with_version, document="agreement")
        assert (entry["version"], entry["status"], entry["content_hash"]) == (
            1,
            "draft",
            version.content_hash,
        )
        assert version.content_hash in archive.read("manifest.csv").decode()
        assert "Parties" in pdf_text(archive.read("agreement-v1.pdf"))


@pytest.mark.parametrize(("role", "expected"), matrix(EDIT))
def test_generating(client_for: Any, agreement_project: Any, role: str, expected: int) -> None:
    response = client_for(role).post(base(agreement_project) + "/agreement/generate/")
    assert response.status_code == (302 if expected == 200 else expected)
    made = DocumentVersion.objects.filter(project=agreement_project).count()
    assert made == (1 if expected == 200 else 0)


@pytest.mark.parametrize(("role", "expected"), matrix(NOT_SIGNATORY))
def test_certifying_is_for_the_signatory(
    client_for: Any, with_version: Any, role: str, expected: int
) -> None:
    assert client_for(role).get(base(with_version) + "/agreement/certify/").status_code == expected


@pytest.mark.parametrize(("role", "expected"), matrix(DECIDE))
def test_approving_is_for_deciders(
    client_for: Any, with_version: Any, role: str, expected: int
) -> None:
    assert client_for(role).get(base(with_version) + "/agreement/approve/").status_code == expected


def test_certifying_an_incomplete_version_explains_why(
    with_version: Any, signatory: Any, pharma_org: Any
) -> None:
    client = Client()
    client.force_login(signatory)
    page = client.get(base(with_version) + "/agreement/certify/")
    assert page.status_code == 200
    response = client.post(
        base(with_version) + "/agreement/certify/", {"number": 1, "organisation": pharma_org.pk}
    )
    assert response.status_code == 400
    assert "cannot be certified while required sections are empty" in response.content.decode()
    assert not CertifiedCopy.objects.exists()


def test_certifying_a_complete_version(
    agreement_project: Any, nhs_lead: Any, signatory: Any, pharma_org: Any
) -> None:
    fill(agreement_project, nhs_lead)
    services.document_generate(actor=nhs_lead, project=agreement_project, document="agreement")
    client = Client()
    client.force_login(signatory)
    response = client.post(
        base(agreement_project) + "/agreement/certify/",
        {"number": 1, "organisation": pharma_org.pk},
    )
    assert response.status_code == 302
    assert CertifiedCopy.objects.filter(version__project=agreement_project).count() == 1


def test_documents_signed_off_elsewhere_have_no_certify_page(
    client_for: Any, with_version: Any, signatory: Any
) -> None:
    client = Client()
    client.force_login(signatory)
    assert client.get(base(with_version) + "/pid/certify/").status_code == 404


@pytest.mark.parametrize("bad", ["nothing", "minutes-1", "pid-2", "minutes-" + "9" * 40])
def test_unknown_documents_are_404(client_for: Any, with_version: Any, bad: str) -> None:
    assert client_for("nhs_lead").get(f"{base(with_version)}/{bad}/").status_code == 404
    assert (
        client_for("nhs_lead").get(f"{base(with_version)}/agreement/versions/9/pdf/").status_code
        == 404
    )


def test_comparing_two_versions_shows_before_and_after(
    client_for: Any, with_version: Any, nhs_lead: Any
) -> None:
    fill(with_version, nhs_lead, contingency="A brand new contingency plan.")
    services.document_generate(actor=nhs_lead, project=with_version, document="agreement")
    page = client_for("governance_member").get(
        base(with_version) + "/agreement/compare/?older=1&newer=2"
    )
    html = page.content.decode()
    assert "Changes from version 1 to version 2" in html
    assert "<ins>A brand new contingency plan.</ins>" in html
    same = client_for("governance_member").get(
        base(with_version) + "/agreement/compare/?older=2&newer=2"
    )
    assert "Choose two different versions to compare." in same.content.decode()
    nonsense = client_for("governance_member").get(
        base(with_version) + "/agreement/compare/?older=x&newer=99"
    )
    assert nonsense.status_code == 200
    assert "Select a valid choice" in nonsense.content.decode()


@pytest.mark.parametrize("role", ["nhs_lead", "outsider", "anonymous"])
def test_the_verification_page_is_public(client_for: Any, db: None, role: str) -> None:
    assert client_for(role).get("/documents/verify/").status_code == 200


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Upload a PDF or paste a hash to check."),
        ({"digest": "not-a-hash"}, "Enter a SHA-256 hash"),
        ({"file": SimpleUploadedFile("x.pdf", b"GIF89a not a pdf")}, "The file is not a PDF."),
        ({"file": SimpleUploadedFile("x.pdf", b"")}, "file is empty"),
    ],
)
def test_verification_explains_bad_input_next_to_the_field(
    db: None, data: dict[str, Any], message: str
) -> None:
    cache.clear()
    response = Client().post("/documents/verify/", data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_verification_refuses_a_file_over_the_limit(db: None, settings: Any) -> None:
    cache.clear()
    settings.MAX_UPLOAD_BYTES = 1024
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * 2048)
    response = Client().post("/documents/verify/", {"file": big})
    assert "The file is larger than" in response.content.decode()


def test_verification_by_file_and_by_hash(agreement_project: Any, certified: Any) -> None:
    cache.clear()
    version = certified
    pdf = bytes(CertifiedCopy.objects.get(version=version).pdf)
    anonymous = Client()
    found = anonymous.post(
        "/documents/verify/", {"file": SimpleUploadedFile("a.pdf", pdf)}
    ).content.decode()
    assert "This matches a certified document" in found
    assert agreement_project.title in found
    by_hash = anonymous.post(
        "/documents/verify/", {"digest": version.content_hash.upper()}
    ).content.decode()
    assert "This matches a certified document" in by_hash
    tampered = pdf.replace(b"%%EOF", b"%%EOF\n% changed")
    missed = anonymous.post("/documents/verify/", {"file": SimpleUploadedFile("a.pdf", tampered)})
    assert "No certified document matches" in missed.content.decode()


def test_a_draft_hash_is_not_revealed(with_version: Any) -> None:
    cache.clear()
    draft = DocumentVersion.objects.get(project=with_version)
    html = Client().post("/documents/verify/", {"digest": draft.content_hash}).content.decode()
    assert "No certified document matches" in html
    assert with_version.title not in html


def test_verification_is_rate_limited(db: None) -> None:
    cache.clear()
    client = Client()
    codes = [client.post("/documents/verify/", {"digest": "0" * 64}).status_code for _ in range(22)]
    assert codes[:20] == [200] * 20
    assert codes[-1] == 429


def test_an_imported_published_summary_downloads_and_verifies(
    client_for: Any, nhs_lead: Any, nhs_org: Any, pharma_org: Any
) -> None:
    # A historic summary is recorded as published with nobody named as its signatory.
    import datetime as dt

    from triplewin.transfers.tests.builders import published_project

    cache.clear()
    project = published_project(
        actor=nhs_lead, lead=nhs_org, partners=[pharma_org], published_on=dt.date(2022, 5, 4)
    )
    (version,) = services.document_sync(project=project)
    assert version.document == "summary"
    response = client_for("nhs_lead").get(
        f"/projects/{project.pk}/documents/summary/versions/{version.number}/pdf/"
    )
    assert response.status_code == 200
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    assert "published on 4 May 2022" in " ".join(pdf_text(pdf).split())
    pack = client_for("nhs_lead").get(f"/projects/{project.pk}/documents/pack/")
    assert pack.status_code == 200
    found = Client().post("/documents/verify/", {"file": SimpleUploadedFile("s.pdf", pdf)})
    assert "This matches a certified document" in found.content.decode()
    assert "not recorded (imported from the published record)" in found.content.decode()
