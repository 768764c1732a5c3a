"""The file store refuses writes: full, or read-only (issue 19).

A real gunicorn keeps signed agreements in a folder of its own that the test makes a small
tmpfs: first filled to the last byte, then mounted read-only. Each upload is refused with the
plain message next to the file field and leaves no record pointing to a missing file; once the
folder takes writes again the same upload succeeds.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.faults.processes import app_env, gunicorn
from tests.faults.web import Browser
from triplewin.agreement.models import SignedCopy
from triplewin.agreement.tests.conftest import in_setup as in_setup
from triplewin.agreement.tests.conftest import parties as parties
from triplewin.agreement.tests.conftest import pdf_bytes
from triplewin.audit.models import AuditEvent
from triplewin.operations.storage import UNAVAILABLE

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True)]


def _mount(folder: Path, *options: str) -> None:
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(["size=256k", *options]), "tmpfs", str(folder)],
        check=True,
        capture_output=True,
    )


def _can_mount(tmp: Path) -> bool:
    probe = tmp / "probe"
    probe.mkdir()
    try:
        _mount(probe)
    except (subprocess.CalledProcessError, FileNotFoundError):
        return False
    subprocess.run(["umount", str(probe)], check=False)
    return True


@contextlib.contextmanager
def mounted(folder: Path, *options: str) -> Iterator[Path]:
    folder.mkdir(exist_ok=True)
    _mount(folder, *options)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextlib.contextmanager
def serving(logs: Path, store: Path, name: str) -> Iterator[str]:
    env = app_env(PRIVATE_STORAGE_DIR=str(store))
    with gunicorn(env=env, log_dir=logs, name=name) as (site, _):
        yield site


def _upload(site: str, user: Any, project: Any) -> tuple[int, str]:
    browser = Browser(site, user)
    path = f"/projects/{project.pk}/agreement/copies/upload/"
    status, page = browser.get(path)
    assert status == 200, page[:300]
    fields = browser.form(page, path, at=path)
    return browser.post(path, fields, {"file": ("Signed agreement.pdf", pdf_bytes())})


def _refused(page: str) -> bool:
    # The message, beside the file field (its error id), on the form page again.
    return UNAVAILABLE.split(",")[0] in page and 'id="id_file-error"' in page


def test_a_full_or_read_only_file_store_refuses_plainly_and_points_nowhere(
    parties: list[Any],
    in_setup: Any,
    nhs_lead: Any,
    logs: Path,
    tmp_path: Path,
    record_fault: Callable[..., None],
) -> None:
    if os.geteuid() != 0 or not _can_mount(tmp_path):
        pytest.skip("needs root to mount a small tmpfs as the file store")
    store = tmp_path / "store"
    events = AuditEvent.objects.filter(action__startswith="agreement.copy").count

    with mounted(store):
        # Fill it to the last byte.
        with contextlib.suppress(OSError), (store / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
        with serving(logs, store, "gunicorn-full") as site:
            full_status, full_page = _upload(site, nhs_lead, in_setup)
        full_records = SignedCopy.objects.count()
        full_files = sorted(p.name for p in store.rglob("*") if p.is_file() and p.name != "filler")

    with mounted(store, "ro"):
        with serving(logs, store, "gunicorn-read-only") as site:
            ro_status, ro_page = _upload(site, nhs_lead, in_setup)
        ro_records = SignedCopy.objects.count()
    events_after_refusals = events()

    with mounted(store):
        with serving(logs, store, "gunicorn-writable") as site:
            _upload(site, nhs_lead, in_setup)
        saved = list(SignedCopy.objects.all())
        stored = [p for p in store.rglob("*") if p.is_file()]
        present = all((store / copy.stored_name).exists() for copy in saved)

    record_fault(
        fault="File store refuses writes",
        done="Uploaded a signed agreement to a full store, then a read-only one, then a "
        "writable one.",
        user_saw=f"HTTP {full_status} and {ro_status}: 'The file could not be stored just now, "
        "so nothing was saved. Try again…' beside the file field; then the upload worked.",
        lost="nothing" if len(saved) == 1 and present else "the upload",
        doubled="nothing" if full_records == ro_records == 0 else "a record without its file",
    )
    assert full_status == ro_status == 400
    assert _refused(full_page), full_page[-2000:]
    assert _refused(ro_page), ro_page[-2000:]
    assert full_records == ro_records == 0
    assert full_files == []
    assert events_after_refusals == 0
    assert len(saved) == 1
    assert len(stored) == 1
    assert present
