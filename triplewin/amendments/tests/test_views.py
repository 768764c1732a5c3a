"""Every amendment page, tried as each of the seven roles; forbidden posts change nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.roles import DECIDE, EDIT, READ, matrix
from triplewin.amendments import services
from triplewin.amendments.models import (
    Amendment,
    AmendmentChange,
    VariationAgreement,
)
from triplewin.amendments.presenters.variation import variation_rows
from triplewin.amendments.tests.fixtures import DETAILS, NEW_EXIT, sign_off
from triplewin.audit.models import AuditEvent
from triplewin.config.filters import govuk_date
from triplewin.signoff.models import SignOffAct
from triplewin.team.tests.builders import field_error

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
    return reverse(f"amendments:{name}", args=[project.pk, *args])


def _details(**overrides):
    values = {**DETAILS, **overrides}
    values["changes_contract"] = "on" if values["changes_contract"] else ""
    return values


@pytest.fixture
def varied(pid_in_delivery, nhs_lead, signatory, committees):
    """An approved amendment that changes the contract, with its variation agreement."""
    a = services.amendment_create(
        actor=nhs_lead,
        project=pid_in_delivery,
        fields={**DETAILS, "changes_contract": True, "contract_changes": "Term 18 to 21 months"},
    )
    services.amendment_change_set(
        actor=nhs_lead, amendment=a, field_key="exit_strategy", after=NEW_EXIT
    )
    services.amendment_submit(actor=nhs_lead, amendment=a)
    return sign_off(a, signatory=signatory, team=nhs_lead, committees=committees)


@pytest.mark.parametrize(("role", "status"), matrix(READ))
@pytest.mark.parametrize(
    ("name", "numbered", "expected"),
    [
        ("list", False, "Three more months after slow recruitment"),
        ("detail", True, "the ICB takes over the search tool licence"),
        ("history", False, "PID version 1"),
    ],
)
def test_read_pages_by_role(client_for, amendment, role, status, name, numbered, expected):
    args = [amendment.number] if numbered else []
    response = client_for(role).get(_url(name, amendment.project, *args))
    assert response.status_code == status
    if status == 200:
        assert expected in response.content.decode()


def test_unknown_amendment_is_404(client_for, amendment):
    assert client_for("nhs_lead").get(_url("detail", amendment.project, 9)).status_code == 404


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
@pytest.mark.parametrize("name", ["create", "edit", "change-add", "submit"])
def test_edit_pages_get_by_role(client_for, amendment, role, status, name):
    args = [] if name == "create" else [amendment.number]
    assert client_for(role).get(_url(name, amendment.project, *args)).status_code == status


def _post_cases(amendment):
    change = amendment.changes.get()
    n = amendment.number
    return {
        "create": (
            [],
            _details(title="Posted amendment"),
            lambda: Amendment.objects.filter(title="Posted amendment").exists(),
        ),
        "edit": (
            [n],
            _details(title="Posted amendment", row_version=amendment.row_version),
            lambda: Amendment.objects.filter(title="Posted amendment").exists(),
        ),
        "change-add": (
            [n],
            {"after-objectives": "Posted objectives", "row_version": amendment.row_version},
            lambda: AmendmentChange.objects.filter(after="Posted objectives").exists(),
        ),
        "change-remove": ([n, change.pk], {}, lambda: not AmendmentChange.objects.exists()),
        "submit": (
            [n],
            {"row_version": amendment.row_version},
            lambda: Amendment.objects.filter(status="submitted").exists(),
        ),
    }


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
@pytest.mark.parametrize("name", ["create", "edit", "change-add", "change-remove", "submit"])
def test_drafting_posts_by_role(client_for, amendment, role, status, name):
    args, data, happened = _post_cases(amendment)[name]
    before = AuditEvent.objects.count()
    response = client_for(role).post(_url(name, amendment.project, *args), data)
    if status == 200:
        assert response.status_code == 302
        assert happened()
    else:
        assert response.status_code == status
        assert not happened()
        assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_reopen_by_role(client_for, submitted_amendment, role, status):
    response = client_for(role).post(
        _url("reopen", submitted_amendment.project, submitted_amendment.number)
    )
    submitted_amendment.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert submitted_amendment.status == "draft"
    else:
        assert response.status_code == status
        assert submitted_amendment.status == "submitted"


@pytest.mark.parametrize(("role", "status"), matrix(CERTIFY))
def test_certify_by_role(client_for, submitted_amendment, role, status):
    url = _url("certify", submitted_amendment.project, submitted_amendment.number)
    client = client_for(role)
    assert client.get(url).status_code == status
    response = client.post(url, {"seen_hash": submitted_amendment.content_hash})
    assert response.status_code == status
    assert not SignOffAct.objects.on("amendment").certifications().exists()


def test_signatory_certifies(client, signatory, submitted_amendment, pharma_org):
    client.force_login(signatory)
    url = _url("certify", submitted_amendment.project, submitted_amendment.number)
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"seen_hash": submitted_amendment.content_hash, "organisation": pharma_org.pk}
    )
    assert response.status_code == 302
    assert SignOffAct.objects.on("amendment").certifications().get().actor == signatory


def _body_for(role, pharma_org):
    return f"committee-{pharma_org.pk}" if role == "governance_member" else "team"


@pytest.mark.parametrize(("role", "status"), matrix(DECIDE))
def test_decide_by_role(client_for, submitted_amendment, pharma_org, role, status):
    url = _url("decide", submitted_amendment.project, submitted_amendment.number)
    client = client_for(role)
    assert client.get(url).status_code == status
    response = client.post(
        url,
        {
            "seen_hash": submitted_amendment.content_hash,
            "body": _body_for(role, pharma_org),
            "decision": "approve",
        },
    )
    if status == 200:
        assert response.status_code == 302
        assert SignOffAct.objects.on("amendment").decisions().get().act == "approve"
    else:
        assert response.status_code == status
        assert not SignOffAct.objects.on("amendment").decisions().exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_variation_by_role(client_for, varied, nhs_org, role, status):
    url = _url("variation", varied.project, varied.number)
    client = client_for(role)
    assert client.get(url).status_code == status
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "row_version": 1,
            f"signatory_{nhs_org.pk}": "Pat Lead, Director",
            f"signed_{nhs_org.pk}": today.isoformat(),
        },
    )
    rows = {r.organisation: r for r in variation_rows(VariationAgreement.objects.get())}
    signed = rows[nhs_org].signed_on
    if status == 200:
        assert response.status_code == 302
        assert signed == today
        detail = client.get(_url("detail", varied.project, varied.number)).content.decode()
        assert f"Signed by Pat Lead, Director on {govuk_date(today)}" in detail
    else:
        assert response.status_code == status
        assert signed is None


def test_variation_page_is_404_without_a_variation(client_for, amendment):
    url = _url("variation", amendment.project, amendment.number)
    assert client_for("nhs_lead").get(url).status_code == 404


def test_every_part_of_the_pid_is_changed_on_one_page(client_for, amendment, nhs_org):
    """Before: two pages per field (choose it, then write it). Now: one page, one save."""
    client = client_for("nhs_lead")
    url = _url("change-add", amendment.project, amendment.number)
    before = dict(amendment.changes.values_list("field_key", "after"))
    assert before == {"exit_strategy": NEW_EXIT}
    events = AuditEvent.objects.filter(action="amendment.change_set")
    already = events.count()
    body = client.get(url).content.decode()
    assert f'name="after-termination-{nhs_org.pk}"' in body
    assert "Exit strategy and responsibilities on termination" in body
    assert "Every month, and a final count at month 12" in body  # what it says now
    response = client.post(
        url,
        {
            "after-success_when": "Quarterly",
            "after-exit_strategy": "Hand the clinics to the practices.",
            "after-success_by_whom": "",  # left blank: refused, and nothing is saved
            "row_version": amendment.row_version,
        },
    )
    assert response.status_code == 400
    assert field_error(response, "after-success_by_whom").startswith("Write what")
    assert dict(amendment.changes.values_list("field_key", "after")) == before
    response = client.post(
        url,
        {
            "after-success_when": "Quarterly",
            "after-exit_strategy": "Hand the clinics to the practices.",
            "row_version": amendment.row_version,
        },
    )
    assert response.status_code == 302
    assert dict(amendment.changes.values_list("field_key", "after")) == {
        "success_when": "Quarterly",
        "exit_strategy": "Hand the clinics to the practices.",
    }
    assert events.count() == already + 2
    # The page now shows each part as it will read; putting one back takes its change back.
    assert "Quarterly" in client.get(url).content.decode()
    amendment.refresh_from_db()
    response = client.post(
        url,
        {
            "after-success_when": "Every month, and a final count at month 12\r\n",
            "after-exit_strategy": "Hand the clinics to the practices.",
            "row_version": amendment.row_version,
        },
    )
    assert response.status_code == 302
    assert list(amendment.changes.values_list("field_key", flat=True)) == ["exit_strategy"]
    assert AuditEvent.objects.filter(action="amendment.change_removed").count() == 1
    assert events.count() == already + 2, "an unchanged change is not recorded again"


def test_a_stale_page_is_refused(client_for, amendment):
    response = client_for("nhs_lead").post(
        _url("change-add", amendment.project, amendment.number),
        {"after-success_when": "Quarterly", "row_version": amendment.row_version + 5},
    )
    assert response.status_code == 400
    assert not amendment.changes.filter(field_key="success_when").exists()


def test_contract_flag_without_text_is_400(client_for, pid_in_delivery):
    response = client_for("nhs_lead").post(
        _url("create", pid_in_delivery), _details(changes_contract=True)
    )
    assert response.status_code == 400
    assert field_error(response, "contract_changes") == "Say what changes in the agreement."
    assert not Amendment.objects.exists()


def test_raising_is_refused_before_the_pid_is_approved(client_for, in_setup):
    body = client_for("nhs_lead").get(_url("list", in_setup)).content.decode()
    assert "Raise an amendment" not in body
    assert "once the PID is approved" in body
    response = client_for("nhs_lead").post(_url("create", in_setup), _details())
    assert response.status_code == 400
    assert not Amendment.objects.exists()


def test_detail_offers_each_person_only_their_steps(client_for, submitted_amendment):
    url = _url("detail", submitted_amendment.project, submitted_amendment.number)
    lead = client_for("nhs_lead").get(url).content.decode()
    assert "Approve or reject the amendment" in lead
    assert "Return to draft" in lead
    assert "Certify the amendment" not in lead
    oversight = client_for("oversight").get(url).content.decode()
    assert "Approve or reject the amendment" not in oversight
    assert "Return to draft" not in oversight
    assert "Awaiting sign-off" in oversight


def test_the_saved_message_counts_the_changes_in_plain_words():
    from triplewin.amendments.views.changes import _saved

    assert _saved(2, 0) == "2 changes to the PID saved."
    assert _saved(1, 1) == "1 change to the PID saved; 1 taken back."
    assert _saved(0, 0) == "Nothing was changed."


def test_variation_form_refuses_a_cleared_signature_next_to_the_field(client_for, varied, nhs_org):
    url = _url("variation", varied.project, varied.number)
    client = client_for("nhs_lead")
    today = timezone.localdate().isoformat()
    signed = {f"signatory_{nhs_org.pk}": "Pat Lead", f"signed_{nhs_org.pk}": today}
    assert client.post(url, {"row_version": 1, **signed}).status_code == 302
    response = client.post(url, {"row_version": 2, f"signatory_{nhs_org.pk}": "Pat Lead"})
    assert response.status_code == 400
    assert "signature is on the record and stays there" in field_error(
        response, f"signed_{nhs_org.pk}"
    )
    missing = client.post(
        url,
        {
            "row_version": 2,
            f"signed_{nhs_org.pk}": today,
        },
    )
    assert missing.status_code == 400
    assert "Name the person who signed" in field_error(missing, f"signatory_{nhs_org.pk}")
