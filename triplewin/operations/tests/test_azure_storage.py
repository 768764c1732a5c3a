"""Signed agreements in Azure Blob Storage (Azurite): stored, streamed, guarded, probed.

Not browser tests: they run on SQLite and on PostgreSQL alike (ADR 0040).
"""

from __future__ import annotations

import hashlib
import io
import time
import urllib.error
import urllib.request
from typing import Any

import pytest
from azure.storage.blob import ContainerClient
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from triplewin.agreement.models import SignedCopy
from triplewin.agreement.tests.conftest import pdf_bytes
from triplewin.audit.models import AuditEvent
from triplewin.operations.storage import UNAVAILABLE, private_storage
from triplewin.operations.tests.conftest import Azurite, azure_entry, blobs

pytestmark = [pytest.mark.django_db, pytest.mark.azurite]


def _upload(client: Any, project: Any, content: bytes) -> Any:
    return client.post(
        reverse("agreement:copy-upload", args=[project.pk]),
        {"file": SimpleUploadedFile("Signed agreement.pdf", content, "application/pdf")},
    )


def _download(client: Any, project: Any, copy: SignedCopy) -> Any:
    return client.get(reverse("agreement:copy-download", args=[project.pk, copy.pk]))


def test_upload_goes_to_the_blob_and_downloads_stream_the_same_bytes(
    client_for: Any, parties: Any, in_setup: Any, on_azure: ContainerClient, private_root: Any
) -> None:
    content = pdf_bytes(pages=3)
    response = _upload(client_for("nhs_lead"), in_setup, content)
    assert response.status_code == 302
    copy = SignedCopy.objects.get()
    assert blobs(on_azure) == {copy.stored_name: content}
    assert not private_root.exists()  # nothing went to the local folder

    for role in ("nhs_lead", "industry_lead", "oversight"):
        download = _download(client_for(role), in_setup, copy)
        assert download.status_code == 200
        assert "Location" not in download
        assert download["Content-Type"] == "application/pdf"
        assert download["Content-Disposition"].startswith("attachment;")
        streamed = b"".join(download.streaming_content)
        assert streamed == content
        assert hashlib.sha256(streamed).hexdigest() == copy.sha256


@pytest.mark.parametrize("role", ["outsider", "anonymous"])
def test_outsiders_and_anonymous_get_nothing(
    client_for: Any, parties: Any, in_setup: Any, nhs_lead: Any, on_azure: Any, role: str
) -> None:
    content = pdf_bytes()
    assert _upload(client_for("nhs_lead"), in_setup, content).status_code == 302
    copy = SignedCopy.objects.get()
    response = _download(client_for(role), in_setup, copy)
    assert response.status_code == 404
    assert content not in response.content
    assert _upload(client_for(role), in_setup, pdf_bytes()).status_code == 404
    assert SignedCopy.objects.count() == 1


def test_no_public_address_is_handed_out_or_answered(
    client_for: Any, parties: Any, in_setup: Any, azurite: Azurite, on_azure: Any
) -> None:
    client = client_for("nhs_lead")
    assert _upload(client, in_setup, pdf_bytes()).status_code == 302
    copy = SignedCopy.objects.get()
    page = client.get(reverse("agreement:detail", args=[in_setup.pk])).content.decode()
    assert reverse("agreement:copy-download", args=[in_setup.pk, copy.pk]) in page
    assert f":{azurite.port}" not in page
    assert on_azure.container_name not in page
    assert copy.stored_name not in page
    # The storage's own address carries no signature, and the private container refuses it.
    address = private_storage().url(copy.stored_name)
    assert "sig=" not in address
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(address, timeout=5)  # noqa: S310 - a local Azurite address
    assert refused.value.code in {403, 404}
    assert on_azure.get_container_access_policy()["public_access"] is None


def test_the_readiness_probe_writes_reads_and_deletes_in_azure(
    client: Any, on_azure: ContainerClient
) -> None:
    response = client.get("/health/ready")
    assert response.status_code == 200, response.content
    assert response.json()["checks"]["storage"] == "ok"
    assert blobs(on_azure) == {}  # the probe cleaned up after itself


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["bad key", "not answering"])
def test_a_refused_write_is_a_plain_message_and_leaves_no_record(
    client_for: Any,
    parties: Any,
    in_setup: Any,
    azurite: Azurite,
    container: ContainerClient,
    settings: Any,
    fault: str,
) -> None:
    broken = (
        azurite.connection_string(key="d3Jvbmcta2V5LW5vdC10aGUtYWNjb3VudHM=")
        if fault == "bad key"
        else azurite.connection_string(port=_closed_port())
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "private": azure_entry(broken, container.container_name),
    }
    events_before = AuditEvent.objects.count()
    started = time.monotonic()
    response = _upload(client_for("nhs_lead"), in_setup, pdf_bytes())
    # Seconds, not the SDK's default minutes of back-off (generous: CI machines are busy).
    # Seconds (about 4 for a refused key, 10 for a storage that does not answer), not the
    # SDK's default four minutes of back-off; the limit is generous for busy CI machines.
    assert time.monotonic() - started < 60
    assert response.status_code == 400
    assert UNAVAILABLE.replace("'", "&#x27;") in response.content.decode()
    assert not SignedCopy.objects.exists()
    assert AuditEvent.objects.count() == events_before
    assert blobs(container) == {}
    ready = client_for("anonymous").get("/health/ready")
    assert ready.status_code == 503
    assert ready.json()["checks"]["storage"] == "failing"


def _closed_port() -> int:
    from triplewin.operations.tests.conftest import _free_port

    return _free_port()


def _broken_storage(settings: Any, azurite: Azurite, container: ContainerClient) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": azure_entry(
            azurite.connection_string(key="d3Jvbmcta2V5LW5vdC10aGUtYWNjb3VudHM="),
            container.container_name,
        ),
    }


def test_a_download_the_storage_refuses_is_a_plain_503(
    client_for: Any,
    parties: Any,
    in_setup: Any,
    azurite: Azurite,
    on_azure: ContainerClient,
    settings: Any,
) -> None:
    assert _upload(client_for("nhs_lead"), in_setup, pdf_bytes()).status_code == 302
    copy = SignedCopy.objects.get()
    _broken_storage(settings, azurite, on_azure)
    response = _download(client_for("nhs_lead"), in_setup, copy)
    assert response.status_code == 503
    assert b"cannot be read just now" in response.content


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_go_through_the_storage_api_to_azure(
    client_for: Any, parties: Any, in_setup: Any, on_azure: ContainerClient, tmp_path: Any
) -> None:
    content = pdf_bytes(pages=2)
    assert _upload(client_for("nhs_lead"), in_setup, content).status_code == 302
    stored = blobs(on_azure)
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())
    (archive,) = tmp_path.glob("triplewin-backup-*.tar.gz")
    for name in stored:
        on_azure.delete_blob(name)
    SignedCopy.objects.all().delete()

    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())
    assert blobs(on_azure) == stored
    copy = SignedCopy.objects.get()
    download = _download(client_for("nhs_lead"), in_setup, copy)
    assert b"".join(download.streaming_content) == content


@pytest.mark.django_db(transaction=True)
def test_a_backup_the_storage_refuses_says_so_and_leaves_no_archive(
    client_for: Any,
    parties: Any,
    in_setup: Any,
    azurite: Azurite,
    on_azure: ContainerClient,
    settings: Any,
    tmp_path: Any,
) -> None:
    assert _upload(client_for("nhs_lead"), in_setup, pdf_bytes()).status_code == 302
    _broken_storage(settings, azurite, on_azure)
    with pytest.raises(CommandError, match="failed reading the stored files"):
        call_command("backup", output_dir=tmp_path / "backups")
    assert list((tmp_path / "backups").iterdir()) == []
