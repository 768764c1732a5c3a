"""`manage.py scan_identifiers` finds what the input guard would have refused, masked."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from triplewin.audit.management.commands.scan_identifiers import text_columns
from triplewin.concept.models import ConceptFramework
from triplewin.partnerships.models import Project

pytestmark = pytest.mark.django_db


def scan(*args: str) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("scan_identifiers", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), error.returncode
    return out.getvalue(), 0


def test_every_text_column_of_every_model_is_scanned() -> None:
    columns = {model._meta.label: names for model, names in text_columns()}
    assert "purpose_background" in columns["concept.ConceptFramework"]
    assert "title" in columns["partnerships.Project"]
    assert "changes" in columns["audit.AuditEvent"]  # JSON, walked for its strings
    assert len(columns) > 40


def test_a_clean_database_exits_zero(project) -> None:
    output, code = scan()
    assert code == 0
    assert output.startswith("No NHS numbers or control characters are stored")


def test_stored_identifiers_are_reported_masked_and_fail_the_scan(project, nhs_lead) -> None:
    Project.objects.filter(pk=project.pk).update(title="Bell\x07 project, 943 476 5919")
    concept = ConceptFramework.objects.create(
        project=project, purpose_background="DOB 12/03/1948 for Mrs Smith"
    )
    output, code = scan()
    assert code == 1
    assert (
        f"partnerships.Project id={project.pk} title: control_character (block) bell, U+0007"
        in output
    )
    assert f"partnerships.Project id={project.pk} title: nhs_number (block) 943 *** **19" in output
    assert "943 476 5919" not in output
    assert "date_of_birth" not in output

    with_warnings, code = scan("--warnings")
    assert code == 1
    assert (
        f"concept.ConceptFramework id={concept.pk} purpose_background: date_of_birth (warn) ** ** 1948"
        in with_warnings
    )


def test_warnings_alone_never_fail_the_scan(project) -> None:
    Project.objects.filter(pk=project.pk).update(title="Mrs Smith, LN2 5QY")
    output, code = scan("--warnings")
    assert code == 0
    assert "postcode (warn) LN2 ***" in output
    assert "1 warning(s) listed above." in output
