"""Two writers at the same moment still make one unbroken chain."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from triplewin.audit import services
from triplewin.audit.chain import verify_chain
from triplewin.audit.models import AuditEvent

ROUNDS = 5


@pytest.mark.django_db(transaction=True)
def test_two_writers_at_the_same_moment_make_one_chain(nhs_lead):
    before = AuditEvent.objects.count()
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(label: str) -> None:
        try:
            barrier.wait(timeout=10)
            for n in range(ROUNDS):
                # Each service writes in its own transaction, auditing more than once and
                # holding the transaction open a moment, so the two overlap.
                with transaction.atomic():
                    services.record(actor=nhs_lead, action=f"test.{label}", obj=nhs_lead)
                    time.sleep(0.02)
                    services.record(
                        actor=nhs_lead, action=f"test.{label}", obj=nhs_lead, changes={"n": [n]}
                    )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    sequences = list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, before + 4 * ROUNDS + 1))
    report = verify_chain()
    assert report.verified
    assert report.events == before + 4 * ROUNDS
