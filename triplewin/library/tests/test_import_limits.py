"""Hostile case study files, imported by staff (the only people who may import): a message
next to the file, never a server error, and nothing written."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests import hostile_files as hostile
from triplewin.audit.models import AuditEvent
from triplewin.library.models import CaseStudy

pytestmark = pytest.mark.django_db

HEADER = b"title,status,summary,setting,nation,therapy_areas,objectives,partners,outcomes\n"
FILES = [
    (
        "nested.json",
        hostile.nested_json(),
        "The JSON has lists or objects nested more than 20 deep, so it was not read.",
    ),
    (
        "lines.csv",
        HEADER + b"\n" * 3_000_000,
        "This file has more than 100,000 rows, counting blank ones.",
    ),
    (
        "wide.csv",
        HEADER + b"," * 5_000 + b"\n",
        "Line 2 has more than 100 columns, counting empty ones.",
    ),
    (
        "unclosed.csv",
        HEADER + b'A,"never closed\n' + b"more text\n" * 20_000,
        "A cell on line 2 holds more than 131,072 characters. Check its quotes",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), FILES, ids=[f[0] for f in FILES])
def test_a_hostile_file_gets_a_message_next_to_the_file(
    staff: Any, name: str, content: bytes, message: str
) -> None:
    client = Client()
    client.force_login(staff)
    response = client.post(reverse("library:import"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in hostile.error_next_to(response.content.decode())
    assert not CaseStudy.objects.exists()
    assert not AuditEvent.objects.exists()
