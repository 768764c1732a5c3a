"""Backups sealed with age: the keys, the streams, and the plain sentences when a key is wrong.

These need no database; the encrypted round trip through `manage.py backup` and `restore` is in
test_backups.py, which runs on both databases.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from triplewin.config.env import EnvError
from triplewin.config.settings import backup_recipients
from triplewin.operations.backups import encryption
from triplewin.operations.backups.encryption import SealError


def _key_file(tmp_path: Path, name: str = "key.txt") -> tuple[Path, str]:
    identity, public = encryption.new_identity()
    path = tmp_path / name
    path.write_text(f"# a comment, as age-keygen writes\n{identity}\n", encoding="ascii")
    return path, public


def _sealed(tmp_path: Path, body: bytes, *keys: str) -> Path:
    """`body` written to a file, then sealed for `keys`; returns the sealed file."""
    plain = tmp_path / "plain"
    plain.write_bytes(body)
    sealed = tmp_path / "sealed.age"
    encryption.seal(plain=plain, to=sealed, keys=keys)
    return sealed


def test_a_sealed_file_opens_with_its_key_and_only_with_it(tmp_path: Path) -> None:
    key, public = _key_file(tmp_path)
    other, _ = _key_file(tmp_path, "other.txt")
    body = os.urandom(3 * 1024 * 1024 + 17)  # more than one of age's 64 KiB chunks
    sealed = _sealed(tmp_path, body, public)
    assert encryption.is_sealed(sealed)
    assert not encryption.is_sealed(tmp_path / "plain")
    assert body[:4096] not in sealed.read_bytes()
    opened = tmp_path / "opened.tar.gz"
    encryption.unseal(sealed=sealed, to=opened, identity_file=key)
    assert opened.read_bytes() == body
    with pytest.raises(SealError, match=r"cannot be decrypted with the key in .*other\.txt"):
        encryption.unseal(sealed=sealed, to=tmp_path / "no.tar.gz", identity_file=other)


def test_sealed_for_two_keys_either_one_opens_it(tmp_path: Path) -> None:
    first, first_public = _key_file(tmp_path, "first.txt")
    second, second_public = _key_file(tmp_path, "second.txt")
    sealed = _sealed(tmp_path, b"every record", first_public, second_public)
    for key in (first, second):
        out = tmp_path / f"out-{key.stem}"
        encryption.unseal(sealed=sealed, to=out, identity_file=key)
        assert out.read_bytes() == b"every record"


def test_a_damaged_sealed_file_is_refused_in_words(tmp_path: Path) -> None:
    key, public = _key_file(tmp_path)
    sealed = _sealed(tmp_path, b"x" * 200_000, public)
    data = bytearray(sealed.read_bytes())
    data[-500] ^= 0xFF  # one flipped byte: age's authentication must notice
    sealed.write_bytes(bytes(data))
    with pytest.raises(SealError, match="a different key, or the archive is damaged"):
        encryption.unseal(sealed=sealed, to=tmp_path / "out", identity_file=key)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "there is no key file at"),
        ("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\n", "not an age identity"),
        ("", "not an age identity file"),
        ("AGE-SECRET-KEY-1NOTAKEY\n", "holds a key that is not a valid age identity"),
        ("é\n", "not an age identity file"),
        ("#" * (encryption.IDENTITY_FILE_LIMIT + 1), "too large to be an age identity file"),
    ],
)
def test_a_key_file_that_cannot_be_used_is_named_in_a_sentence(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "key.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SealError, match=message):
        encryption.identities(path)


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (["ssh-ed25519 AAAA"], "is not an age public key"),
        (["age1nope"], "is not a valid age public key"),
        (["AGE-SECRET-KEY-1ABC"], "is not an age public key"),
    ],
)
def test_a_bad_recipient_stops_start_up_with_a_sentence(keys: list[str], message: str) -> None:
    with pytest.raises(EnvError, match=f"BACKUP_AGE_RECIPIENTS: .*{message}"):
        backup_recipients(keys)


def test_good_recipients_are_kept_as_given() -> None:
    keys = [encryption.new_identity()[1], encryption.new_identity()[1]]
    assert backup_recipients(keys) == keys


def test_backup_key_writes_a_private_file_and_prints_the_public_key(tmp_path: Path) -> None:
    target = tmp_path / "backup-key.txt"
    out = io.StringIO()
    call_command("backup_key", str(target), stdout=out)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    printed = out.getvalue().split("BACKUP_AGE_RECIPIENTS=")[1].strip()
    assert backup_recipients([printed]) == [printed]
    assert f"# public key: {printed}" in target.read_text()
    # What is sealed for the printed key opens with the file.
    sealed = _sealed(tmp_path, b"backup", printed)
    encryption.unseal(sealed=sealed, to=tmp_path / "out", identity_file=target)
    assert (tmp_path / "out").read_bytes() == b"backup"
    # A second run never replaces the key: backups sealed for it would be lost.
    before = target.read_bytes()
    with pytest.raises(CommandError, match="already exists; choose another file"):
        call_command("backup_key", str(target), stdout=io.StringIO())
    assert target.read_bytes() == before


def test_a_disk_that_refuses_the_decrypted_copy_is_not_blamed_on_the_key(tmp_path: Path) -> None:
    key, public = _key_file(tmp_path)
    sealed = _sealed(tmp_path, b"x" * 1000, public)
    with pytest.raises(SealError, match=r"could not be decrypted here \(No such file"):
        encryption.unseal(sealed=sealed, to=tmp_path / "gone" / "out", identity_file=key)
