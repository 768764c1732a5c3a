"""Hostile measurement files: refused with a message, nothing written, nobody else blocked."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from tests import hostile_files as hostile
from triplewin.audit.models import AuditEvent
from triplewin.core import kpi_files
from triplewin.kpis import services
from triplewin.kpis.models import Measurement
from triplewin.kpis.tests import builders

ROWS = "more than 100,000 rows, counting blank ones"
HOSTILE: list[tuple[str, Callable[[], bytes], str]] = [
    ("blank-rows.xlsx", hostile.blank_rows_xlsx, ROWS),
    ("far-row.xlsx", hostile.far_row_xlsx, ROWS),
    ("strings.xlsx", hostile.shared_strings_xlsx, "table of text (its shared strings)"),
    ("bomb.xlsx", hostile.zip_bomb_xlsx, "It may be a zip bomb"),
    ("lines.csv", hostile.long_csv, ROWS),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "build", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_file_is_refused_and_nothing_is_written(
    shared_kpi: Any, nhs_lead: Any, name: str, build: Callable[[], bytes], message: str
) -> None:
    with pytest.raises(services.FileRejected) as caught:
        services.measurements_upload(
            actor=nhs_lead, kpi=shared_kpi, upload=builders.upload(name, build())
        )
    assert caught.value.problem is not None
    assert message in caught.value.problem
    assert str(caught.value).endswith("Nothing has been saved.")
    assert not Measurement.objects.exists()
    assert not AuditEvent.objects.filter(action="kpis.measurements_uploaded").exists()


@pytest.mark.django_db
def test_a_project_not_in_delivery_is_refused_before_the_file_is_read(
    in_setup: Any, nhs_lead: Any
) -> None:
    kpi = builders.kpi(in_setup, nhs_lead)
    with pytest.raises(ValidationError, match="once delivery has started"):
        services.measurements_upload(
            actor=nhs_lead, kpi=kpi, upload=builders.upload("bomb.xlsx", hostile.zip_bomb_xlsx())
        )


@pytest.mark.django_db(transaction=True)
def test_the_file_is_read_before_the_transaction_opens(
    shared_kpi: Any, nhs_lead: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    read = kpi_files.read

    def watched(*args: Any, **kwargs: Any) -> kpi_files.Parsed:
        seen.append(connection.in_atomic_block)
        return read(*args, **kwargs)

    monkeypatch.setattr(kpi_files, "read", watched)
    content = b"period,value\n2024-01-01,41\n"
    services.measurements_upload(
        actor=nhs_lead, kpi=shared_kpi, upload=builders.upload("m.csv", content)
    )
    assert seen == [False]
    assert Measurement.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_project_s_sites_changing_meanwhile_refuses_the_file(
    shared_kpi: Any, nhs_lead: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = kpi_files.read

    def meanwhile(*args: Any, **kwargs: Any) -> kpi_files.Parsed:
        services.site_add(actor=nhs_lead, project=shared_kpi.project, name="North", code="N1")
        return read(*args, **kwargs)

    monkeypatch.setattr(kpi_files, "read", meanwhile)
    with pytest.raises(services.FileRejected, match="sites changed while the file was being read"):
        services.measurements_upload(
            actor=nhs_lead,
            kpi=shared_kpi,
            upload=builders.upload("m.csv", b"period,value\n2024-01-01,41\n"),
        )
    assert not Measurement.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_others_can_sign_in_while_a_hostile_workbook_is_being_refused(
    shared_kpi: Any, nhs_lead: Any, industry_lead: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite, a transaction open while the file is read would hold the write lock, and the
    sign-in below would fail with "database is locked"."""
    reading, signed_in = threading.Event(), threading.Event()
    outcome: dict[str, str] = {}
    read = kpi_files.read

    def held_open(*args: Any, **kwargs: Any) -> kpi_files.Parsed:
        # The upload stays in the middle of reading until the other person has signed in.
        reading.set()
        signed_in.wait(timeout=30)
        return read(*args, **kwargs)

    monkeypatch.setattr(kpi_files, "read", held_open)

    def upload() -> None:
        try:
            services.measurements_upload(
                actor=nhs_lead,
                kpi=shared_kpi,
                upload=builders.upload("blank-rows.xlsx", hostile.blank_rows_xlsx()),
            )
        except services.FileRejected as rejected:
            outcome["upload"] = str(rejected)
        finally:
            connection.close()

    def sign_in() -> None:
        try:
            reading.wait(timeout=30)
            if connection.vendor == "sqlite":
                # Fail within half a second rather than after the 20-second busy timeout.
                connection.ensure_connection()
                connection.connection.execute("PRAGMA busy_timeout = 500")
            Client().force_login(User.objects.get(pk=industry_lead.pk))
            outcome["sign_in"] = "signed in"
        except Exception as error:
            outcome["sign_in"] = repr(error)
        finally:
            signed_in.set()
            connection.close()

    threads = [threading.Thread(target=upload), threading.Thread(target=sign_in)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcome["sign_in"] == "signed in"
    assert ROWS in outcome["upload"]
    assert User.objects.get(pk=industry_lead.pk).last_login is not None
    assert not Measurement.objects.exists()
