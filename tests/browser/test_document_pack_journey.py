"""The document pack in the browser: with minutes and heads of terms nobody generated, one
download holds them both (before: generate each document first, then download the pack)."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.browser.conftest import assert_accessible, sign_in
from triplewin.documents.models import DocumentVersion
from triplewin.documents.tests.test_heads_of_terms import fill
from triplewin.meetings.services import schedule
from triplewin.pid.tests import builders
from triplewin.team.models import TeamMember
from triplewin.team.tests import builders as team_builders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_one_download_holds_what_nobody_generated(
    page: Any, tmp_path: Any, project: Any, nhs_lead: Any, industry_lead: Any, nhs_org: Any
) -> None:
    cache.clear()
    builders.to_setup(project, nhs_lead, industry_lead)
    fill(project, nhs_lead)
    team_builders.add_member(project, nhs_lead, nhs_lead, nhs_org, "chair")
    meeting = schedule.meeting_create(
        actor=nhs_lead,
        project=project,
        title="Steering committee 1",
        kind="steering",
        scheduled_for=timezone.localdate(),
        location="Room 4",
    )
    member = TeamMember.objects.get(project=project, user=nhs_lead)
    schedule.attendance_record(
        actor=nhs_lead, meeting=meeting, expected_version=None, statuses={member.pk: "present"}
    )
    schedule.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)

    sign_in(page, nhs_lead.username)
    page.goto(f"/projects/{project.pk}/documents/")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.click("a:has-text('Download the document pack (zip)')")
    saved = tmp_path / "pack.zip"
    download_info.value.save_as(saved)
    archive = zipfile.ZipFile(io.BytesIO(saved.read_bytes()))
    minutes = f"minutes-{meeting.pk}"
    assert {"agreement-v1.pdf", f"{minutes}-v1.pdf"} <= set(archive.namelist())
    documents = {d["document"] for d in json.loads(archive.read("manifest.json"))["documents"]}
    assert {"agreement", minutes} <= documents
    assert DocumentVersion.objects.filter(document=minutes, created_by=nhs_lead).exists()
