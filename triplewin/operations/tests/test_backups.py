"""`manage.py backup` and `manage.py restore`: a round trip that brings everything back, and
archives that cannot be restored refused in words, changing nothing.

Runs on whichever database DATABASE_URL names: CI runs it on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from triplewin.agreement import services as agreement
from triplewin.agreement.models import AgreementParty, SignedCopy
from triplewin.agreement.tests.conftest import pdf_bytes
from triplewin.audit.chain import verify_chain
from triplewin.audit.models import AuditEvent
from triplewin.operations.backups.archive import MANIFEST, stored_names
from triplewin.operations.backups.encryption import new_identity
from triplewin.operations.storage import private_storage
from triplewin.partnerships.models import Project

pytestmark = pytest.mark.django_db(transaction=True)

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"


def _counts() -> dict[str, int]:
    return {
        "users": get_user_model().objects.count(),
        "projects": Project.objects.count(),
        "parties": AgreementParty.objects.count(),
        "copies": SignedCopy.objects.count(),
        "audit events": AuditEvent.objects.count(),
    }


def _files() -> dict[str, bytes]:
    storage = private_storage()
    names = stored_names(storage)
    contents = {}
    for name in names:
        with storage.open(name, "rb") as stored:
            contents[name] = stored.read()
    return contents


@pytest.fixture
def recorded(parties: Any, in_setup: Any, nhs_lead: Any) -> dict[str, bytes]:
    """A project in set-up with two parties and two signed copies, each write audited."""
    for pages in (1, 2):
        agreement.signed_copy_upload(
            actor=nhs_lead,
            project=in_setup,
            upload=SimpleUploadedFile(f"signed-{pages}.pdf", pdf_bytes(pages=pages)),
        )
    return _files()


def _backup(directory: Path) -> Path:
    out = io.StringIO()
    call_command("backup", output_dir=directory, stdout=out)
    archives = sorted(directory.glob("triplewin-backup-*.tar.gz"))
    assert len(archives) == 1
    assert "2 stored files" in out.getvalue()
    return archives[0]


def test_a_backup_restores_every_record_file_and_the_audit_chain(
    recorded: dict[str, bytes], tmp_path: Path
) -> None:
    before = _counts()
    chain = verify_chain()
    assert chain.verified
    assert before["copies"] == 2
    assert before["audit events"] > 5
    archive = _backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert MANIFEST in names
    assert {f"files/{name}" for name in recorded} <= set(names)

    call_command("flush", interactive=False)
    storage = private_storage()
    for name in stored_names(storage):
        storage.delete(name)
    assert _counts()["audit events"] == 0
    assert _files() == {}

    out = io.StringIO()
    call_command("restore", str(archive), interactive=False, stdout=out)
    assert "Restored and checked" in out.getvalue()
    assert _counts() == before
    assert _files() == recorded
    restored = verify_chain()
    assert restored.verified
    assert restored.events == chain.events
    assert restored.head == chain.head
    copy = SignedCopy.objects.order_by("pk").first()
    assert copy is not None
    assert recorded[copy.stored_name] == pdf_bytes(pages=1)


def test_restore_asks_first_and_does_nothing_without_a_yes(
    recorded: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = _backup(tmp_path)
    project = Project.objects.get()
    project.title = "Changed after the backup"
    project.save(update_fields=["title"])
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "Nothing was restored" in out.getvalue()
    assert Project.objects.get().title == "Changed after the backup"


def _damaged(tmp_path: Path, archive: Path, kind: str) -> Path:
    bad = tmp_path / f"{kind}.tar.gz"
    data = archive.read_bytes()
    if kind == "cut short":
        bad.write_bytes(data[: len(data) // 2])
    elif kind == "another database":
        _rewrite(archive, bad, manifest=lambda body: body.replace(b'"vendor": "', b'"vendor": "x'))
    elif kind == "not an archive":
        bad.write_bytes(b"This is a note about the backup, not the backup.\n" * 10)
    else:
        # A stored file swapped for other bytes: the manifest's checksum no longer matches.
        _rewrite(archive, bad, stored=lambda body: pdf_bytes(pages=5))
    return bad


def _rewrite(archive: Path, to: Path, *, manifest: Any = None, stored: Any = None) -> None:
    with tarfile.open(archive) as source, tarfile.open(to, "w:gz") as out:
        for member in source.getmembers():
            content = source.extractfile(member)
            body = content.read() if content else b""
            if manifest and member.name == MANIFEST:
                body = manifest(body)
            if stored and member.name.startswith("files/"):
                body = stored(body)
            member.size = len(body)
            out.addfile(member, io.BytesIO(body))


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "There is no backup at"),
        ("cut short", "it is not a readable .tar.gz backup"),
        ("not an archive", "it is not a readable .tar.gz backup"),
        ("tampered", "does not match its checksum"),
        ("another database", "restore it where the database is of the same kind"),
    ],
)
def test_an_archive_that_cannot_be_restored_is_refused_in_words_and_changes_nothing(
    recorded: dict[str, bytes], tmp_path: Path, kind: str, message: str
) -> None:
    archive = _backup(tmp_path / "good")
    bad = tmp_path / "nowhere.tar.gz" if kind == "missing" else _damaged(tmp_path, archive, kind)
    Project.objects.update(title="Changed after the backup")
    before, files = _counts(), _files()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(bad), interactive=False)
    assert _counts() == before
    assert _files() == files
    assert Project.objects.get().title == "Changed after the backup"


def test_the_command_line_shows_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "triplewin-backup-20270101-000000.tar.gz"
    bad.write_bytes(b"\x1f\x8b not really gzip")
    result = subprocess.run(
        [sys.executable, str(MANAGE), "restore", str(bad), "--no-input"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DEBUG": "true"},
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "cannot be restored: it is not a readable .tar.gz backup" in result.stderr


def test_a_sealed_backup_opens_only_with_its_key_and_restores_everything(
    recorded: dict[str, bytes], tmp_path: Path, settings: Any
) -> None:
    """BACKUP_AGE_RECIPIENTS set: the archive is age-encrypted, holds nothing readable, and a
    restore without the key, or with another, is refused in words and changes nothing."""
    identity, public = new_identity()
    key = tmp_path / "key.txt"
    key.write_text(f"{identity}\n", encoding="ascii")
    other = tmp_path / "other.txt"
    other.write_text(f"{new_identity()[0]}\n", encoding="ascii")
    settings.BACKUP_AGE_RECIPIENTS = [public]
    out = io.StringIO()
    call_command("backup", output_dir=tmp_path / "backups", stdout=out)
    assert "encrypted for 1 public key" in out.getvalue()
    (archive,) = (tmp_path / "backups").iterdir()
    assert archive.name.endswith(".tar.gz.age")
    sealed = archive.read_bytes()
    assert sealed.startswith(b"age-encryption.org/v1\n")
    assert b"manifest" not in sealed
    assert not any(content[:64] in sealed for content in recorded.values())
    with pytest.raises(tarfile.TarError), tarfile.open(archive):
        pass

    before, files = _counts(), _files()
    Project.objects.update(title="Changed after the backup")
    for given, message in [
        (None, "it is encrypted; give the file holding its private key with --identity"),
        (other, "cannot be decrypted with the key in"),
    ]:
        options = {} if given is None else {"identity": given}
        with pytest.raises(CommandError, match=message):
            call_command("restore", str(archive), interactive=False, **options)
        assert Project.objects.get().title == "Changed after the backup"

    call_command("flush", interactive=False)
    storage = private_storage()
    for name in stored_names(storage):
        storage.delete(name)
    out = io.StringIO()
    call_command("restore", str(archive), identity=key, interactive=False, stdout=out)
    assert "Restored and checked" in out.getvalue()
    assert _counts() == before
    assert _files() == files
    assert verify_chain().verified
