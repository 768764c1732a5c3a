"""The pack generates what it needs: minutes and heads of terms nobody generated first."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.utils import timezone

from tests.roles import READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.documents.models import DocumentVersion
from triplewin.documents.pack import build_pack
from triplewin.documents.tests.test_heads_of_terms import fill
from triplewin.meetings.services import schedule
from triplewin.team.models import TeamMember
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def nothing_generated(agreement_project: Any, nhs_lead: Any, nhs_org: Any) -> Any:
    """A written agreement and a held meeting, and no document version of either."""
    fill(agreement_project, nhs_lead)
    builders.add_member(agreement_project, nhs_lead, nhs_lead, nhs_org, "chair")
    meeting = schedule.meeting_create(
        actor=nhs_lead,
        project=agreement_project,
        title="Steering committee 1",
        kind="steering",
        scheduled_for=timezone.localdate(),
        location="Room 4",
    )
    member = TeamMember.objects.get(project=agreement_project, user=nhs_lead)
    schedule.attendance_record(
        actor=nhs_lead, meeting=meeting, expected_version=None, statuses={member.pk: "present"}
    )
    schedule.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)
    assert not DocumentVersion.objects.exists()
    agreement_project.meeting = meeting
    return agreement_project


def _names(content: bytes) -> set[str]:
    return set(zipfile.ZipFile(io.BytesIO(content)).namelist())


@pytest.mark.parametrize(("role", "expected"), matrix(READ))
def test_the_pack_generates_the_minutes_and_heads_of_terms_by_role(
    client_for: Any, nothing_generated: Any, roles: Any, role: str, expected: int
) -> None:
    response = client_for(role).get(f"/projects/{nothing_generated.pk}/documents/pack/")
    assert response.status_code == expected
    made = DocumentVersion.objects.filter(project=nothing_generated)
    if expected != 200:
        assert not made.exists()
        return
    minutes = f"minutes-{nothing_generated.meeting.pk}"
    # The approved concept is recorded by its own app's sign-off; the pack generated the rest.
    generated = made.filter(created_by=roles[role])
    assert {(v.document, v.number) for v in generated} == {("agreement", 1), (minutes, 1)}
    assert {"agreement-v1.pdf", f"{minutes}-v1.pdf", f"{minutes}-v1.docx"} <= _names(
        response.content
    )
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("manifest.json"))
    assert {"agreement", minutes} <= {d["document"] for d in manifest["documents"]}
    events = AuditEvent.objects.filter(action="document.version_generated")
    assert events.count() == 2
    assert {e.actor for e in events} == {roles[role]}


def test_a_second_pack_makes_no_new_versions(nothing_generated: Any, nhs_lead: Any) -> None:
    build_pack(nothing_generated, actor=nhs_lead)
    build_pack(nothing_generated, actor=nhs_lead)
    assert DocumentVersion.objects.filter(project=nothing_generated).count() == 2


def test_a_draft_the_records_moved_on_from_is_regenerated(
    nothing_generated: Any, nhs_lead: Any
) -> None:
    build_pack(nothing_generated, actor=nhs_lead)
    fill(nothing_generated, nhs_lead, dispute_resolution="Mediation first, then the courts.")
    names = _names(build_pack(nothing_generated, actor=nhs_lead))
    assert "agreement-v2.pdf" in names
    assert "agreement-v1.pdf" not in names


def test_a_certified_version_is_not_replaced_by_a_draft(
    certified: Any, agreement_project: Any, nhs_lead: Any
) -> None:
    fill(agreement_project, nhs_lead, dispute_resolution="Mediation first, then the courts.")
    names = _names(build_pack(agreement_project, actor=nhs_lead))
    assert "agreement-v1.pdf" in names
    assert not DocumentVersion.objects.filter(document="agreement", number=2).exists()


def test_without_an_actor_nothing_is_generated(nothing_generated: Any) -> None:
    build_pack(nothing_generated)
    assert not DocumentVersion.objects.exists()


def test_no_status_report_is_generated_before_delivery(
    nothing_generated: Any, nhs_lead: Any
) -> None:
    build_pack(nothing_generated, actor=nhs_lead)
    assert not DocumentVersion.objects.filter(document="status-report").exists()
