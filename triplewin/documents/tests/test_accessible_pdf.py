"""Tagged, archivable PDFs and the reference and date of preparation on every page."""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

import docx
import pytest
from django.utils import timezone
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from triplewin.core.dates import long_date
from triplewin.core.documents.normalise import content_hash
from triplewin.core.documents.reference import kind_code, reference
from triplewin.documents import services
from triplewin.documents.models import CertifiedCopy
from triplewin.documents.render.docx import render_docx
from triplewin.documents.render.pdf import render_pdf
from triplewin.documents.selectors import document_of
from triplewin.documents.services.copies import view_of

pytestmark = pytest.mark.django_db


def _root(reader: PdfReader) -> Any:
    return reader.trailer["/Root"].get_object()


def _tags(node: Any, found: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Structure elements in document order, depth first, with the page each one is on."""
    node = node.get_object()
    if not isinstance(node, DictionaryObject):
        return found
    if "/S" in node:
        found.append((str(node["/S"]), node.get("/Pg")))
    kids = node.get("/K")
    if kids is None:
        return found
    for kid in kids if isinstance(kids, list) else [kids]:
        _tags(kid, found)
    return found


@pytest.fixture
def pid_version(submitted: Any, nhs_lead: Any) -> Any:
    version, _ = services.document_generate(
        actor=nhs_lead, project=submitted.project, document="pid"
    )
    return version


def test_the_pdf_is_tagged_pdf_ua_with_its_metadata(submitted: Any, pid_version: Any) -> None:
    project = submitted.project
    view = view_of(project, pid_version)
    reader = PdfReader(io.BytesIO(render_pdf(view)))
    root = _root(reader)
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "/StructTreeRoot" in root
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == f"Project Initiation Document: {project.title}"
    partners = sorted(p.organisation.name for p in project.partners.all())
    assert len(partners) >= 2
    assert metadata.author == ", ".join(partners)
    assert f"TW-{project.pk:04d}-PID-v1" in (metadata.subject or "")
    assert pid_version.content_hash in (metadata.subject or "")
    # The XMP packet PDF/UA asks for names the conformance.
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in xmp


def test_a_screen_reader_meets_the_headings_in_the_order_of_the_document(
    submitted: Any, pid_version: Any
) -> None:
    view = view_of(submitted.project, pid_version)
    reader = PdfReader(io.BytesIO(render_pdf(view)))
    tags = _tags(_root(reader)["/StructTreeRoot"], [])
    names = [name for name, _ in tags]
    headings = [name for name in names if name in {"/H1", "/H2", "/H3"}]
    # The title, then one heading per section at its level (sections of level 2 are H3).
    expected = ["/H1"] + ["/H2" if s.level == 1 else "/H3" for s in view.sections]
    assert headings == expected
    # Each section is its own structure element that opens with its heading.
    sects = [i for i, name in enumerate(names) if name == "/Sect"]
    assert len(sects) == len(view.sections)
    assert all(names[i + 1] in {"/H2", "/H3"} for i in sects)
    # The structure follows the pages: no element points back to an earlier page.
    pages = [reader.get_page_number(page.get_object()) or 0 for _, page in tags if page is not None]
    assert pages == sorted(pages)
    assert pages[-1] == len(reader.pages) - 1
    # The page text reads the headings in the same order, the furniture aside.
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    positions = [text.find(s.title) for s in view.sections]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_every_pdf_page_carries_the_reference_and_the_date_of_preparation(
    submitted: Any, pid_version: Any
) -> None:
    project = submitted.project
    view = view_of(project, pid_version)
    code = f"TW-{project.pk:04d}-PID-v1"
    prepared = long_date(timezone.localdate(pid_version.created_at))
    assert view.reference == code
    reader = PdfReader(io.BytesIO(render_pdf(view)))
    assert len(reader.pages) > 1
    for page in reader.pages:
        text = " ".join((page.extract_text() or "").replace("\x00", "").split())
        assert f"Ref. {code} · Prepared {prepared}" in text


def test_the_word_file_prints_them_in_its_header_and_title_block(
    submitted: Any, pid_version: Any
) -> None:
    project = submitted.project
    view = view_of(project, pid_version)
    document = docx.Document(io.BytesIO(render_docx(view)))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    prepared = long_date(timezone.localdate(pid_version.created_at))
    assert f"Ref. TW-{project.pk:04d}-PID-v1 · Prepared {prepared}" in header
    cells = [c.text for t in document.tables[:1] for r in t.rows for c in r.cells]
    assert ["Document reference", f"TW-{project.pk:04d}-PID-v1"] == cells[:2]
    assert ["Date of preparation", prepared] == cells[2:4]
    properties = document.core_properties
    assert properties.author == ", ".join(
        sorted(p.organisation.name for p in project.partners.all())
    )
    assert properties.language == "en-GB"
    assert properties.identifier == f"TW-{project.pk:04d}-PID-v1"


def test_reference_and_date_stay_outside_the_hashed_content(
    submitted: Any, pid_version: Any
) -> None:
    view = view_of(submitted.project, pid_version)
    stored = json.dumps(pid_version.content)
    assert view.reference not in stored
    assert view.prepared_text not in stored
    assert content_hash(document_of(pid_version)) == pid_version.content_hash == view.content_hash


def test_the_document_page_and_version_page_show_them(
    client: Any, nhs_lead: Any, submitted: Any, pid_version: Any
) -> None:
    project = submitted.project
    client.force_login(nhs_lead)
    version_page = client.get(f"/projects/{project.pk}/documents/pid/versions/1/").content
    assert f"TW-{project.pk:04d}-PID-v1".encode() in version_page
    assert b"Date of preparation" in version_page
    document_page = client.get(f"/projects/{project.pk}/documents/pid/").content
    assert f"TW-{project.pk:04d}-PID-draft".encode() in document_page


@pytest.mark.parametrize(
    ("document", "version", "expected"),
    [
        ("pid", 3, "TW-0012-PID-v3"),
        ("amendment-2", 1, "TW-0012-AMD2-v1"),
        ("minutes-40", 2, "TW-0012-MIN40-v2"),
        ("concept", None, "TW-0012-PCF-draft"),
        ("status-report", 5, "TW-0012-STR-v5"),
    ],
)
def test_references_are_stable_job_codes(document: str, version: int | None, expected: str) -> None:
    assert reference(12, document, version) == expected


def test_an_unknown_document_still_gets_a_readable_code() -> None:
    assert kind_code("new-thing") == "NEWTHING"
    assert kind_code("---") == "DOC"


def test_a_copy_frozen_by_the_earlier_untagged_renderer_is_served_and_verifies_as_it_was(
    agreement_project: Any, nhs_lead: Any, signatory: Any, client: Any, monkeypatch: Any
) -> None:
    from triplewin.documents.render import pdf as pdf_module
    from triplewin.documents.tests.test_heads_of_terms import fill
    from triplewin.documents.verification import match_file_hash

    # Certified while documents were printed untagged, without a reference on their pages.
    monkeypatch.setattr(pdf_module, "PDF_VARIANT", None)
    fill(agreement_project, nhs_lead)
    version, _ = services.document_generate(
        actor=nhs_lead, project=agreement_project, document="agreement"
    )
    services.document_certify(
        actor=signatory, project=agreement_project, document="agreement", number=1
    )
    frozen = bytes(CertifiedCopy.objects.get(version=version).pdf)
    assert "/StructTreeRoot" not in _root(PdfReader(io.BytesIO(frozen)))
    monkeypatch.undo()
    # Today's renderer tags the same version, but the download is the frozen file, unchanged.
    assert "/StructTreeRoot" in _root(
        PdfReader(io.BytesIO(render_pdf(view_of(agreement_project, version))))
    )
    client.force_login(nhs_lead)
    served = client.get(
        f"/projects/{agreement_project.pk}/documents/agreement/versions/1/pdf/"
    ).content
    assert served == frozen
    assert match_file_hash(hashlib.sha256(served).hexdigest()) is not None
