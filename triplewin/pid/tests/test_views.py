"""Every PID page, tried as each of the seven roles; forbidden posts change nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import DECIDE, EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.pid import services
from triplewin.pid.models import (
    Pid,
    PidPartyResponsibility,
    PidVersion,
)
from triplewin.pid.tests.builders import PID_TEXT
from triplewin.signoff.models import SignOffAct

pytestmark = pytest.mark.django_db

# Certification needs a signatory of the company; none of the seven standard roles is one.
CERTIFY = {
    "nhs_lead": 403,
    "industry_lead": 403,
    "governance_member": 403,
    "team_member": 403,
    "oversight": 403,
    "outsider": 404,
    "anonymous": 404,
}


def _url(name, project, *args):
    return reverse(f"pid:{name}", args=[project.pk, *args])


@pytest.mark.parametrize(("role", "status"), matrix(READ))
@pytest.mark.parametrize("name", ["overview", "print", "compare"])
def test_read_pages_by_role(client_for, submitted, role, status, name):
    response = client_for(role).get(_url(name, submitted.project))
    assert response.status_code == status
    if status == 200:
        assert submitted.project.title in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_version_page_by_role(client_for, submitted, role, status):
    response = client_for(role).get(_url("version", submitted.project, 1))
    assert response.status_code == status
    if status == 200:
        assert "Monthly team meetings" in response.content.decode()


def test_unknown_version_is_404(client_for, submitted):
    assert client_for("nhs_lead").get(_url("version", submitted.project, 7)).status_code == 404


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
@pytest.mark.parametrize("name", ["edit", "responsibilities", "submit"])
def test_edit_pages_get_by_role(client_for, in_setup, role, status, name):
    assert client_for(role).get(_url(name, in_setup)).status_code == status


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_post_by_role(client_for, in_setup, role, status):
    response = client_for(role).post(_url("edit", in_setup), {**PID_TEXT, "row_version": "0"})
    if status == 200:
        assert response.status_code == 302
        assert Pid.objects.get(project=in_setup).meeting_schedule == PID_TEXT["meeting_schedule"]
    else:
        assert response.status_code == status
        assert not Pid.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_responsibilities_post_by_role(client_for, in_setup, nhs_org, pharma_org, role, status):
    data = {
        f"duty_{nhs_org.pk}": "Return to usual care",
        f"duty_{pharma_org.pk}": "Stop funding",
        "row_version": "0",
    }
    response = client_for(role).post(_url("responsibilities", in_setup), data)
    if status == 200:
        assert response.status_code == 302
        assert PidPartyResponsibility.objects.count() == 2
    else:
        assert response.status_code == status
        assert not PidPartyResponsibility.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_submit_post_by_role(client_for, complete_pid, role, status):
    response = client_for(role).post(_url("submit", complete_pid), {"note": "Ready"})
    if status == 200:
        assert response.status_code == 302
        assert PidVersion.objects.get().note == "Ready"
    else:
        assert response.status_code == status
        assert not PidVersion.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(CERTIFY))
def test_certify_by_role(client_for, submitted, role, status):
    client = client_for(role)
    url = _url("certify", submitted.project)
    assert client.get(url).status_code == status
    response = client.post(url, {"version": 1, "organisation": ""})
    assert response.status_code == status
    assert not SignOffAct.objects.on("pid").certifications().exists()
    if status == 403:
        assert "Only a certification signatory" in response.content.decode()


def test_signatory_certifies(client, signatory, submitted, pharma_org):
    client.force_login(signatory)
    url = _url("certify", submitted.project)
    assert client.get(url).status_code == 200
    response = client.post(url, {"version": 1, "organisation": pharma_org.pk})
    assert response.status_code == 302
    assert SignOffAct.objects.on("pid").certifications().get().actor == signatory


def _body_for(role, pharma_org):
    return f"committee-{pharma_org.pk}" if role == "governance_member" else "team"


@pytest.mark.parametrize(("role", "status"), matrix(DECIDE))
def test_decide_by_role(client_for, submitted, pharma_org, role, status):
    client = client_for(role)
    url = _url("decide", submitted.project)
    assert client.get(url).status_code == status
    response = client.post(
        url, {"version": 1, "body": _body_for(role, pharma_org), "decision": "approve"}
    )
    if status == 200:
        assert response.status_code == 302
        assert SignOffAct.objects.on("pid").decisions().get().act == "approve"
    else:
        assert response.status_code == status
        assert not SignOffAct.objects.on("pid").decisions().exists()


def test_decide_page_offers_only_the_users_bodies(client_for, submitted, pharma_org, nhs_org):
    body = client_for("governance_member").get(_url("decide", submitted.project)).content.decode()
    assert f'value="committee-{pharma_org.pk}"' in body
    assert f'value="committee-{nhs_org.pk}"' not in body
    assert 'value="team"' not in body
    response = client_for("governance_member").post(
        _url("decide", submitted.project), {"version": 1, "body": "team", "decision": "approve"}
    )
    assert response.status_code == 400
    assert "Choose one of the bodies listed" in response.content.decode()
    assert not SignOffAct.objects.on("pid").decisions().exists()


def test_reject_without_reason_is_400_next_to_the_field(client_for, submitted):
    response = client_for("nhs_lead").post(
        _url("decide", submitted.project), {"version": 1, "body": "team", "decision": "reject"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Say why the PID is rejected" in body
    assert 'id="id_reason-error"' in body
    assert not SignOffAct.objects.on("pid").decisions().exists()


def test_deciding_on_an_outdated_version_is_400(client_for, submitted, nhs_lead):
    services.pid_save(
        actor=nhs_lead,
        project=submitted.project,
        fields={"objectives": "Changed"},
        expected_version=None,
    )
    response = client_for("nhs_lead").post(
        _url("decide", submitted.project), {"version": 1, "body": "team", "decision": "approve"}
    )
    assert response.status_code == 400
    assert "changed since version 1" in response.content.decode()
    assert not SignOffAct.objects.on("pid").decisions().exists()


def test_bad_pid_input_is_400_and_keeps_what_was_typed(client_for, in_setup):
    response = client_for("nhs_lead").post(
        _url("edit", in_setup),
        {**PID_TEXT, "methodology": "waterfall", "success_when": "x" * 400},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Choose one of the methodologies listed" in body
    assert "Keep this under 300 characters" in body
    assert PID_TEXT["exit_strategy"] in body
    assert not Pid.objects.exists()


def test_stale_pid_edit_is_refused(client_for, in_setup, nhs_lead):
    services.pid_save(
        actor=nhs_lead, project=in_setup, fields={"objectives": "A"}, expected_version=None
    )
    response = client_for("industry_lead").post(
        _url("edit", in_setup), {**PID_TEXT, "row_version": "1"}
    )
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()
    assert Pid.objects.get().objectives == "A"


def test_submit_with_missing_sections_is_400_and_lists_them(client_for, in_setup, nhs_lead):
    services.pid_save(
        actor=nhs_lead, project=in_setup, fields={"objectives": "A"}, expected_version=None
    )
    response = client_for("nhs_lead").post(_url("submit", in_setup), {"note": ""})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Exit strategy" in body
    assert "Governance committees" in body
    assert not PidVersion.objects.exists()


def test_compare_page_shows_before_and_after(client_for, submitted, nhs_lead):
    project = submitted.project
    services.pid_save(
        actor=nhs_lead,
        project=project,
        fields={"exit_strategy": "Hand over to the ICB"},
        expected_version=None,
    )
    services.pid_submit(actor=nhs_lead, project=project)
    body = (
        client_for("oversight")
        .get(_url("compare", project), {"older": 1, "newer": 2})
        .content.decode()
    )
    assert "Changes from version 1 to version 2" in body
    assert "<del>" + PID_TEXT["exit_strategy"].replace("'", "&#39;") + "</del>" in body
    assert "<ins>Hand over to the ICB</ins>" in body
    assert "Meeting schedule" not in body  # unchanged fields are not listed
    bad = client_for("oversight").get(_url("compare", project), {"older": 1, "newer": 9})
    assert bad.status_code == 400
    assert "Choose one of the versions listed" in bad.content.decode()


def test_overview_shows_changed_since_approval(client_for, approved, nhs_lead):
    services.pid_save(
        actor=nhs_lead, project=approved, fields={"objectives": "Wider aims"}, expected_version=None
    )
    body = client_for("governance_member").get(_url("overview", approved)).content.decode()
    assert "Changed since approval" in body
    assert "Out of date" in body


def test_overview_shows_sign_off_per_body(client_for, approved, nhs_org, pharma_org):
    body = client_for("nhs_lead").get(_url("overview", approved)).content.decode()
    assert "Approved" in body
    assert f"Governance committee of {nhs_org.name}" in body
    assert f"Governance committee of {pharma_org.name}" in body
    assert "Certified for Test Pharma Ltd" in body


def test_print_page_hides_controls(client_for, submitted):
    body = client_for("nhs_lead").get(_url("print", submitted.project)).content.decode()
    assert "tw-no-print" in body
    assert "Exit strategy and responsibilities on termination" in body


def test_forbidden_posts_leave_no_audit(client_for, submitted):
    before = AuditEvent.objects.count()
    for name in ("edit", "responsibilities", "submit", "certify", "decide"):
        client_for("oversight").post(_url(name, submitted.project), {"version": 1})
        client_for("outsider").post(_url(name, submitted.project), {"version": 1})
    assert AuditEvent.objects.count() == before


# Issue 13 item 10. Seed: NHS Confederation/ABPI guidance (2024), "Establishing a robust
# governance framework": the governance committee checks the project against the criteria
# of the collaborative and joint working checklist.
@pytest.mark.parametrize(("role", "status"), matrix(DECIDE))
def test_decide_page_shows_the_checklist_and_verdict(client_for, submitted, role, status):
    response = client_for(role).get(_url("decide", submitted.project))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert 'id="checklist-verdict"' in body
        assert "Are outcomes for patients among the outcomes that will be measured?" in body
