"""`manage.py backup --keep N` (and BACKUP_KEEP): the newest archives stay, older ones go,
and nothing else in the folder is ever touched (ADR 0040)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from triplewin.operations.backups import archive
from triplewin.operations.backups.archive import BackupError, backup_prune

OLD = [
    "triplewin-backup-20261130-010000.tar.gz",
    # Sealed with age (BACKUP_AGE_RECIPIENTS): the same archive, the same turn to go.
    "triplewin-backup-20261201-010000.tar.gz.age",
    "triplewin-backup-20261202-010000.tar.gz",
]
# Never ours to delete, however old or alike they look.
OTHERS = [
    "notes.txt",
    "triplewin-backup-latest.tar.gz",
    "triplewin-backup-20250101-000000.tar.gz.partial",
    "triplewin-backup-20250101-000000.tar.gz.age.partial",
    "TRIPLEWIN-BACKUP-20250101-000000.TAR.GZ",
]


def _folder(tmp_path: Path) -> Path:
    for name in [*OLD, *OTHERS]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "triplewin-backup-20240101-000000.tar.gz.d").mkdir()
    return tmp_path


def _names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def test_the_newest_are_kept_with_the_one_just_written_and_nothing_else_is_touched(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path)
    written = folder / "triplewin-backup-20261203-010000.tar.gz"
    written.write_bytes(b"new")
    deleted = backup_prune(directory=folder, keep=2, written=written)
    assert [path.name for path in deleted] == [OLD[1], OLD[0]]
    assert _names(folder) == {
        written.name,
        OLD[2],
        *OTHERS,
        "triplewin-backup-20240101-000000.tar.gz.d",
    }
    # Asked again, there is nothing more to delete.
    assert backup_prune(directory=folder, keep=2, written=written) == []


def test_the_archive_just_written_stays_even_when_the_clock_went_back(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    written = folder / "triplewin-backup-20200101-000000.tar.gz"
    written.write_bytes(b"new")
    backup_prune(directory=folder, keep=2, written=written)
    assert written.exists()
    assert (folder / OLD[2]).exists()
    assert not (folder / OLD[1]).exists()


@pytest.mark.parametrize("keep", [0, -1])
def test_keeping_none_is_refused(tmp_path: Path, keep: int) -> None:
    with pytest.raises(BackupError, match="Keep at least one backup"):
        backup_prune(directory=tmp_path, keep=keep, written=tmp_path / "x")


def _fake_backup(folder: Path, monkeypatch: pytest.MonkeyPatch, *, fail: bool = False) -> None:
    def create(*, directory: Path, now: Any = None, recipients: Any = ()) -> archive.Outcome:
        if fail:
            raise BackupError("The backup failed and nothing was written: disk full")
        target = directory / "triplewin-backup-20261203-020000.tar.gz"
        target.write_bytes(b"new")
        manifest = archive.Manifest("", "sqlite", "database/sqlite.dump", "", {"t": 1}, [])
        return archive.Outcome(archive=target, manifest=manifest)

    monkeypatch.setattr("triplewin.operations.management.commands.backup.backup_create", create)


def test_the_command_keeps_what_it_is_told_and_says_what_it_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    _fake_backup(folder, monkeypatch)
    out = io.StringIO()
    call_command("backup", output_dir=folder, keep=1, stdout=out)
    assert f"deleted 3 older archives: {OLD[2]}, {OLD[1]}, {OLD[0]}" in out.getvalue()
    assert not any((folder / name).exists() for name in OLD)
    assert all((folder / name).exists() for name in OTHERS)


def test_backup_keep_is_the_default_and_zero_keeps_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    folder = _folder(tmp_path)
    _fake_backup(folder, monkeypatch)
    settings.BACKUP_KEEP = 0
    call_command("backup", output_dir=folder, stdout=io.StringIO())
    assert all((folder / name).exists() for name in OLD)
    settings.BACKUP_KEEP = 3
    call_command("backup", output_dir=folder, stdout=io.StringIO())
    assert not (folder / OLD[0]).exists()
    assert (folder / OLD[1]).exists()


@pytest.mark.parametrize(
    ("fail", "keep", "refusal"),
    [
        (True, 1, "disk full"),  # a failed backup deletes nothing
        (False, -2, "--keep must be 0"),  # refused before anything is written
    ],
)
def test_a_failed_or_refused_backup_deletes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: bool, keep: int, refusal: str
) -> None:
    folder = _folder(tmp_path)
    _fake_backup(folder, monkeypatch, fail=fail)
    before = _names(folder)
    with pytest.raises(CommandError, match=refusal):
        call_command("backup", output_dir=folder, keep=keep, stdout=io.StringIO())
    assert _names(folder) == before


def test_an_archive_that_cannot_be_deleted_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    _fake_backup(folder, monkeypatch)
    real_unlink = Path.unlink

    def refuse(self: Path, missing_ok: bool = False) -> None:
        if self.name == OLD[0]:
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(CommandError, match=f"the older {OLD[0]} could not be deleted"):
        call_command("backup", output_dir=folder, keep=1, stdout=io.StringIO())
    assert (folder / "triplewin-backup-20261203-020000.tar.gz").exists()
