"""Uploading and downloading signed copies, tried as each of the seven roles."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.agreement import services
from triplewin.agreement.models import SignedCopy
from triplewin.agreement.tests.conftest import pdf_bytes

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64


def _file(content, name="signed.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def copy(parties, in_setup, nhs_lead):
    return services.signed_copy_upload(
        actor=nhs_lead, project=in_setup, upload=_file(pdf_bytes(), "Signed agreement.pdf")
    )


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_upload_by_role(client_for, parties, in_setup, role, status):
    client = client_for(role)
    url = reverse("agreement:copy-upload", args=[in_setup.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"file": _file(pdf_bytes())})
    if status == 200:
        assert response.status_code == 302
        assert SignedCopy.objects.count() == 1
    else:
        assert response.status_code == status
        assert not SignedCopy.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_download_by_role(client_for, copy, in_setup, role, status):
    response = client_for(role).get(reverse("agreement:copy-download", args=[in_setup.pk, copy.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "Signed agreement.pdf" in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        content = b"".join(response.streaming_content)
        assert hashlib.sha256(content).hexdigest() == copy.sha256


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (PNG, "photo-renamed.pdf", "The file is not a PDF"),
        (b"Signed by both parties.", "notes.pdf", "The file is not a PDF"),
        (b"", "empty.pdf", "The file is empty"),
        (b"%PDF-1.7\n%%EOF", "broken.pdf", "could not be opened"),
    ],
)
def test_bad_files_are_400_with_the_message(
    client_for, parties, in_setup, private_root, content, name, message
):
    response = client_for("nhs_lead").post(
        reverse("agreement:copy-upload", args=[in_setup.pk]), {"file": _file(content, name)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SignedCopy.objects.exists()
    assert not (private_root / "agreements").exists()


def test_oversized_upload_is_400(client_for, parties, in_setup, settings):
    settings.MAX_UPLOAD_BYTES = 1024  # the same check as 10 MB, without building 10 MB
    big = pdf_bytes() + b"%" * 2048
    response = client_for("nhs_lead").post(
        reverse("agreement:copy-upload", args=[in_setup.pk]), {"file": _file(big)}
    )
    assert response.status_code == 400
    assert "larger than" in response.content.decode()
    assert not SignedCopy.objects.exists()


def test_no_file_is_400(client_for, parties, in_setup):
    response = client_for("nhs_lead").post(reverse("agreement:copy-upload", args=[in_setup.pk]), {})
    assert response.status_code == 400
    assert "Choose the signed agreement to upload" in response.content.decode()


def test_copy_of_another_project_is_404(client_for, copy, nhs_lead, nhs_org):
    from tests import factories

    other = factories.project(actor=nhs_lead, lead=nhs_org, title="Other")
    url = reverse("agreement:copy-download", args=[other.pk, copy.pk])
    assert client_for("nhs_lead").get(url).status_code == 404


def test_missing_stored_file_is_404_not_500(client_for, copy, in_setup, private_root):
    (private_root / copy.stored_name).unlink()
    url = reverse("agreement:copy-download", args=[in_setup.pk, copy.pk])
    assert client_for("nhs_lead").get(url).status_code == 404


def test_detail_lists_copies_with_download_link(client_for, copy, in_setup):
    body = (
        client_for("oversight")
        .get(reverse("agreement:detail", args=[in_setup.pk]))
        .content.decode()
    )
    assert "Signed agreement.pdf" in body
    assert reverse("agreement:copy-download", args=[in_setup.pk, copy.pk]) in body
    assert copy.sha256[:12] in body
