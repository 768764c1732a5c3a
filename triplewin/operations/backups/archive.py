"""One backup archive: the database dump, every private file, and a manifest of both.

    triplewin-backup-YYYYMMDD-HHMMSS.tar.gz   (or .tar.gz.age, sealed for BACKUP_AGE_RECIPIENTS)
        manifest.json            what is inside: rows per table, each file's size and sha256
        database/<vendor>.dump   pg_dump's custom format, or an SQLite database file
        files/<stored name>      each private file, read through the storage API

A restore reads and checks the whole archive before it changes anything, then checks what it
brought back against the manifest (ADR 0040).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import io
import json
import posixpath
import re
import tarfile
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.utils import timezone

from triplewin.operations.backups import database, encryption
from triplewin.operations.storage import STORAGE_ERRORS, private_storage

FORMAT = "triplewin-backup"
# What `backup_create` names an archive, sealed or not; the time in the name sorts as the
# time does.
ARCHIVE_NAME = re.compile(r"^triplewin-backup-[0-9]{8}-[0-9]{6}\.tar\.gz(\.age)?$")
SEALED_SUFFIX = ".age"
VERSION = 1
MANIFEST = "manifest.json"
FILES = "files/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that could not be done; the message is for the operator."""


@dataclasses.dataclass(frozen=True)
class StoredFile:
    name: str
    size: int
    sha256: str


@dataclasses.dataclass(frozen=True)
class Manifest:
    created_at: str
    vendor: str
    database_member: str
    database_sha256: str
    tables: dict[str, int]
    files: list[StoredFile]

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def as_json(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": self.created_at,
            "database": {
                "vendor": self.vendor,
                "member": self.database_member,
                "sha256": self.database_sha256,
                "tables": self.tables,
            },
            "files": [dataclasses.asdict(stored) for stored in self.files],
        }
        return json.dumps(body, indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, text: bytes) -> Manifest:
        try:
            body = json.loads(text)
            if body.get("format") != FORMAT or body.get("version") != VERSION:
                raise BackupError("it is not a Triple Win backup this version can restore")
            db = body["database"]
            return cls(
                created_at=str(body["created_at"]),
                vendor=str(db["vendor"]),
                database_member=str(db["member"]),
                database_sha256=str(db["sha256"]),
                tables={str(name): int(count) for name, count in db["tables"].items()},
                files=[
                    StoredFile(name=str(f["name"]), size=int(f["size"]), sha256=str(f["sha256"]))
                    for f in body["files"]
                ],
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise BackupError("its manifest cannot be read") from error


@dataclasses.dataclass(frozen=True)
class Outcome:
    archive: Path
    manifest: Manifest


def _sha256(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while block := stream.read(CHUNK):
        digest.update(block)
    return digest.hexdigest()


def stored_names(storage: Storage, path: str = "") -> list[str]:
    """Every file in the storage, walking folders where the backend has them."""
    try:
        folders, files = storage.listdir(path)
    except FileNotFoundError:
        return []
    names = [posixpath.join(path, name) for name in files]
    for folder in folders:
        names.extend(stored_names(storage, posixpath.join(path, folder)))
    return sorted(names)


def _add(tar: tarfile.TarFile, member: str, stream: IO[bytes], size: int) -> None:
    info = tarfile.TarInfo(member)
    info.size = size
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, stream)


def backup_create(
    *, directory: Path, now: dt.datetime | None = None, recipients: Sequence[str] = ()
) -> Outcome:
    """Write the database and every private file to a new dated archive in `directory`,
    sealed with age for `recipients` (public keys) when there are any.

    The database goes first: a signed copy's file is stored before its record commits, so
    every record in the dump has its file among those read after it. A sealed backup's plain
    archive exists only in the private working folder, which is removed however it ends.
    """
    moment = timezone.localtime(now or timezone.now())
    stem = f"triplewin-backup-{moment:%Y%m%d-%H%M%S}.tar.gz"
    target = directory / (stem + SEALED_SUFFIX if recipients else stem)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if (directory / stem).exists() or (directory / (stem + SEALED_SUFFIX)).exists():
            raise BackupError(f"{target} already exists; wait a second and run it again.")
        with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as work:
            partial = Path(work) / stem
            manifest = _write_archive(partial, moment)
            if recipients:
                sealed = Path(work) / target.name
                encryption.seal(plain=partial, to=sealed, keys=recipients)
                partial = sealed
            # Renamed only when complete: an archive with the final name is never partial.
            partial.rename(target)
    except encryption.SealError as error:
        raise BackupError(f"The backup failed and nothing was written: {error}.") from error
    except BackupError:
        raise
    except database.DATABASE_ERRORS as error:
        raise BackupError(f"The backup failed and nothing was written: {error}") from error
    except STORAGE_ERRORS as error:
        raise BackupError(
            f"The backup failed reading the stored files and nothing was written: {error}"
        ) from error
    return Outcome(archive=target, manifest=manifest)


def backup_prune(*, directory: Path, keep: int, written: Path) -> list[Path]:
    """Delete all but the newest `keep` archives in `directory`, never `written` (the one just
    made, kept whatever its name says, in case the clock went back); returns what went.

    Only files named exactly as `backup_create` names its archives are considered, so
    nothing else in the folder is ever deleted.
    """
    if keep < 1:
        raise BackupError("Keep at least one backup: the number to keep must be 1 or more.")
    others = sorted(
        (
            path
            for path in directory.iterdir()
            if ARCHIVE_NAME.match(path.name) and path.is_file() and path != written
        ),
        key=lambda path: path.name,
        reverse=True,
    )
    doomed = others[keep - 1 :]
    for path in doomed:
        try:
            path.unlink()
        except OSError as error:
            raise BackupError(
                f"The backup {written.name} was written, but the older {path.name} could not be "
                f"deleted: {error.strerror or error}."
            ) from error
    return doomed


def _write_archive(partial: Path, moment: dt.datetime) -> Manifest:
    storage = private_storage()
    vendor = database.vendor()
    member = f"database/{vendor}.dump"
    with tempfile.TemporaryDirectory() as work:
        dumped = Path(work) / "database.dump"
        tables = database.dump(to=dumped)
        with tarfile.open(partial, "w:gz") as tar:
            with dumped.open("rb") as stream:
                db_sha256 = _sha256(stream)
                stream.seek(0)
                _add(tar, member, stream, dumped.stat().st_size)
            files = [_add_stored(tar, storage, name) for name in stored_names(storage)]
            manifest = Manifest(
                created_at=moment.isoformat(),
                vendor=vendor,
                database_member=member,
                database_sha256=db_sha256,
                tables=tables,
                files=files,
            )
            body = manifest.as_json()
            _add(tar, MANIFEST, io.BytesIO(body), len(body))
    return manifest


def _add_stored(tar: tarfile.TarFile, storage: Storage, name: str) -> StoredFile:
    with tempfile.TemporaryFile() as copy, storage.open(name, "rb") as stored:
        while block := stored.read(CHUNK):
            copy.write(block)
        size = copy.tell()
        copy.seek(0)
        sha256 = _sha256(copy)
        copy.seek(0)
        _add(tar, FILES + name, copy, size)
    return StoredFile(name=name, size=size, sha256=sha256)


def _safe(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and not name.startswith("/") and ".." not in parts and "" not in parts


@contextlib.contextmanager
def _plain(archive: Path, identity_file: Path | None) -> Iterator[Path]:
    """The archive as a plain .tar.gz: itself, or, when it is sealed (told by its first bytes,
    not its name), decrypted into a private temporary folder removed afterwards."""
    if not archive.is_file():
        raise BackupError(f"There is no backup at {archive}.")
    try:
        sealed = encryption.is_sealed(archive)
    except OSError as error:
        raise BackupError(f"{archive.name} cannot be read: {error.strerror}.") from error
    if not sealed:
        yield archive
        return
    if identity_file is None:
        raise BackupError(
            f"{archive.name} cannot be restored: it is encrypted; give the file holding its "
            "private key with --identity."
        )
    with tempfile.TemporaryDirectory(prefix=".restore-") as work:
        opened = Path(work) / "archive.tar.gz"
        try:
            encryption.unseal(sealed=archive, to=opened, identity_file=identity_file)
        except encryption.SealError as error:
            raise BackupError(f"{archive.name} cannot be restored: {error}.") from error
        yield opened


def _read(plain: Path, shown: str) -> Manifest:
    try:
        with tarfile.open(plain, "r:gz") as tar:
            manifest = _checked(tar)
    except BackupError as error:
        raise BackupError(f"{shown} cannot be restored: {error}.") from error
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise BackupError(
            f"{shown} cannot be restored: it is not a readable .tar.gz backup "
            "(damaged, cut short or a different kind of file)."
        ) from error
    return manifest


def _member(tar: tarfile.TarFile, name: str) -> IO[bytes]:
    try:
        info = tar.getmember(name)
    except KeyError:
        raise BackupError(f"{name} is missing from it") from None
    stream = tar.extractfile(info) if info.isfile() else None
    if stream is None:
        raise BackupError(f"{name} in it is not a file")
    return stream


def _checked(tar: tarfile.TarFile) -> Manifest:
    manifest = Manifest.from_json(_member(tar, MANIFEST).read())
    if manifest.vendor != database.vendor():
        raise BackupError(
            f"it holds a {manifest.vendor} database and this server uses "
            f"{database.vendor()}; restore it where the database is of the same kind"
        )
    if _sha256(_member(tar, manifest.database_member)) != manifest.database_sha256:
        raise BackupError("its database dump does not match the manifest's checksum")
    for stored in manifest.files:
        if not _safe(stored.name):
            raise BackupError(f"it names a file outside the storage ({stored.name!r})")
        if _sha256(_member(tar, FILES + stored.name)) != stored.sha256:
            raise BackupError(f"the stored file {stored.name} does not match its checksum")
    return manifest


def backup_restore(
    *,
    archive: Path,
    identity_file: Path | None = None,
    confirm: Callable[[Manifest], bool] = lambda manifest: True,
) -> Manifest | None:
    """Replace the database and write back every private file from `archive`, then check both.

    The whole archive is read and checked against its manifest first; any problem is a
    BackupError that says what is wrong in words, and nothing has changed. Then `confirm` is
    asked with the manifest: if it says no, nothing changes and None is returned. A sealed
    archive is decrypted once, with the keys in `identity_file`. Files in storage that the
    archive does not list are left where they are.
    """
    with _plain(archive, identity_file) as plain:
        manifest = _read(plain, archive.name)
        if not confirm(manifest):
            return None
        _restore(plain, manifest)
    return manifest


def _restore(archive: Path, manifest: Manifest) -> None:
    storage = private_storage()
    try:
        with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory() as work:
            dumped = Path(work) / "database.dump"
            with dumped.open("wb") as out:
                out.write(_member(tar, manifest.database_member).read())
            try:
                database.restore(source=dumped)
            except database.DATABASE_ERRORS as error:
                raise BackupError(
                    f"Restoring the database failed, and it was left as it was: {error}"
                ) from error
            for stored in manifest.files:
                _put_back(storage, stored, _member(tar, FILES + stored.name))
    except STORAGE_ERRORS as error:
        raise BackupError(
            "The database was restored, but writing back the stored files failed; run the "
            f"restore again once the storage answers: {error}"
        ) from error
    _verify(manifest, storage)


def _put_back(storage: Storage, stored: StoredFile, stream: IO[bytes]) -> None:
    # Whole files in memory: each is at most MAX_UPLOAD_BYTES, and every backend takes bytes.
    storage.delete(stored.name)
    saved = storage.save(stored.name, ContentFile(stream.read(), name=stored.name))
    if saved != stored.name:
        raise BackupError(f"The storage put {stored.name} back under another name ({saved}).")


def _verify(manifest: Manifest, storage: Storage) -> None:
    counts = database.live_counts()
    wrong = {
        table: (expected, counts.get(table))
        for table, expected in manifest.tables.items()
        if counts.get(table) != expected
    }
    if wrong:
        listed = "; ".join(
            f"{table}: {found} rows, expected {expected}"
            for table, (expected, found) in sorted(wrong.items())
        )
        raise BackupError(f"The restored database does not match the backup ({listed}).")
    for stored in manifest.files:
        with storage.open(stored.name, "rb") as back:
            if _sha256(back) != stored.sha256:
                raise BackupError(f"The restored file {stored.name} does not match its checksum.")
