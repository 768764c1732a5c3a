"""Backup archives sealed with age (age-encryption.org), through pyrage (ADR 0040).

The app server holds only the recipients' public keys (`BACKUP_AGE_RECIPIENTS`), so it can
seal a backup but never open one: a stolen server or backup folder gives up no archive. The
private key (an identity file, as `age-keygen` or `manage.py backup_key` writes it) is needed
only on the machine that restores, and the standard `age -d -i key.txt` CLI opens an archive
without Triple Win. Both directions stream: memory stays flat whatever the archive's size.

Plain Python: the callers turn `SealError` into their own sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyrage  # type: ignore[import-untyped]  # no stubs or py.typed in 1.4.0
from pyrage import x25519

# Every age file starts with this line (the format's version line); how a sealed archive is
# recognised, by content rather than by its name.
MAGIC = b"age-encryption.org/v1\n"
RECIPIENT_PREFIX = "age1"
IDENTITY_PREFIX = "AGE-SECRET-KEY-1"
# An identity file holds a few short lines; anything far bigger is not one.
IDENTITY_FILE_LIMIT = 64 * 1024


class SealError(Exception):
    """A key that cannot be used, or an archive that cannot be opened; the message says why."""


def recipients(keys: Iterable[str]) -> list[x25519.Recipient]:
    """Public keys (age1…) to seal for; a malformed one is named in a sentence."""
    parsed = []
    for key in keys:
        if not key.startswith(RECIPIENT_PREFIX):
            raise SealError(f"{key[:24]!r} is not an age public key (they start with age1).")
        try:
            parsed.append(x25519.Recipient.from_str(key))
        except pyrage.RecipientError:
            raise SealError(f"{key[:24]!r}… is not a valid age public key.") from None
    return parsed


def is_sealed(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(MAGIC)) == MAGIC


def seal(*, plain: Path, to: Path, keys: Sequence[str]) -> None:
    """Encrypt `plain` into `to` for every public key in `keys`."""
    try:
        pyrage.encrypt_file(str(plain), str(to), recipients(keys))
    except pyrage.EncryptError as error:
        raise SealError(f"the archive could not be encrypted ({error})") from error


def identities(identity_file: Path) -> list[x25519.Identity]:
    """The private keys in an identity file: `AGE-SECRET-KEY-1…` lines; `#` lines are comments."""
    try:
        if identity_file.stat().st_size > IDENTITY_FILE_LIMIT:
            raise SealError(f"{identity_file} is too large to be an age identity file.")
        text = identity_file.read_text(encoding="ascii")
    except FileNotFoundError:
        raise SealError(f"there is no key file at {identity_file}") from None
    except UnicodeDecodeError:
        raise SealError(f"{identity_file} is not an age identity file") from None
    except OSError as error:
        raise SealError(f"the key file {identity_file} cannot be read ({error.strerror})") from None
    lines = [line.strip() for line in text.splitlines()]
    keys = [line for line in lines if line and not line.startswith("#")]
    if not keys or any(not key.startswith(IDENTITY_PREFIX) for key in keys):
        raise SealError(f"{identity_file} is not an age identity file (AGE-SECRET-KEY-1… lines)")
    try:
        return [x25519.Identity.from_str(key) for key in keys]
    except pyrage.IdentityError:
        raise SealError(f"{identity_file} holds a key that is not a valid age identity") from None


def unseal(*, sealed: Path, to: Path, identity_file: Path) -> None:
    """Decrypt `sealed` into `to` with the keys in `identity_file`."""
    keys = identities(identity_file)
    try:
        pyrage.decrypt_file(str(sealed), str(to), keys)
    except OSError as error:
        # pyrage passes on Rust's I/O errors without an errno; the operating system's own end
        # in "(os error N)": the disk, not the archive (full, read-only, gone). Any other
        # OSError is a damaged body, found part-way through the stream.
        if "(os error" in str(error):
            raise SealError(f"it could not be decrypted here ({error})") from None
    except pyrage.DecryptError:
        pass  # a wrong key (or a damaged header), found before anything is written
    else:
        return
    # What was written stays in the caller's private temporary folder, which it removes.
    raise SealError(
        f"it cannot be decrypted with the key in {identity_file} (a different key, or the "
        "archive is damaged)"
    )


def new_identity() -> tuple[str, str]:
    """A new key pair: the identity (private, for restores) and its public key (for backups)."""
    identity = x25519.Identity.generate()
    return str(identity), str(identity.to_public())
