"""Every executive summary page, tried as each of the seven roles, and the public register."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, ROLES, matrix
from triplewin.executive_summary import services
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.executive_summary.selectors import TEXT_FIELDS, certification_holds, publication
from triplewin.pid.tests import builders

pytestmark = pytest.mark.django_db

CERTIFY = {
    "nhs_lead": 403,
    "industry_lead": 403,
    "governance_member": 403,
    "team_member": 403,
    "oversight": 403,
    "outsider": 404,
    "anonymous": 404,
}


def _url(name, project):
    return reverse(f"executive_summary:{name}", args=[project.pk])


def _summary(project):
    return ExecutiveSummary.objects.get(project=project)


def _form_data(project, **changes):
    s = _summary(project)
    data = {name: getattr(s, name) for name in TEXT_FIELDS}
    data["row_version"] = s.row_version
    data.update(changes)
    return data


@pytest.fixture
def certified(signed, signatory):
    services.summary_certify(actor=signatory, project=signed, expected_version=None)
    return signed


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_detail_by_role(client_for, drafted, role, status):
    response = client_for(role).get(_url("detail", drafted))
    assert response.status_code == status
    if status == 200:
        assert "Fewer emergency admissions." in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_detail_before_any_summary(client_for, project, role, status):
    assert client_for(role).get(_url("detail", project)).status_code == status


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_by_role(client_for, drafted, role, status):
    client = client_for(role)
    assert client.get(_url("edit", drafted)).status_code == status
    response = client.post(_url("edit", drafted), _form_data(drafted, title="Plain title"))
    if status == 200:
        assert response.status_code == 302
        assert _summary(drafted).title == "Plain title"
    else:
        assert response.status_code == status
        assert _summary(drafted).title == drafted.title


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_the_first_draft_is_a_button_on_the_summary_page_by_role(
    client_for, approved, role, status
):
    """No confirmation page for the first draft: the detail page posts, and nothing links."""
    client = client_for(role)
    response = client.get(_url("detail", approved))
    assert response.status_code == status
    if status != 200:
        return
    body = response.content.decode()
    url = _url("generate", approved)
    assert f'href="{url}"' not in body
    offered = f'<form method="post" action="{url}">' in body
    assert offered is (EDIT[role] == 200)
    assert ("Draft from the approved PID" in body) is offered
    assert not ExecutiveSummary.objects.exists(), "showing the page drafts nothing"
    if offered:
        assert client.post(url, {"row_version": "0"}).status_code == 302
        assert ExecutiveSummary.objects.count() == 1


def test_a_redraft_still_asks_first(client_for, approved):
    client = client_for("nhs_lead")
    client.post(_url("generate", approved), {"row_version": "0"})
    body = client.get(_url("detail", approved)).content.decode()
    assert f'href="{_url("generate", approved)}"' in body


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_generate_by_role(client_for, approved, role, status):
    client = client_for(role)
    assert client.get(_url("generate", approved)).status_code == status
    response = client.post(_url("generate", approved), {"row_version": "0"})
    if status == 200:
        assert response.status_code == 302
        assert _summary(approved).generated_from is not None
    else:
        assert response.status_code == status
        assert not ExecutiveSummary.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(CERTIFY))
def test_certify_by_role(client_for, drafted, role, status):
    client = client_for(role)
    assert client.get(_url("certify", drafted)).status_code == status
    response = client.post(_url("certify", drafted), {"row_version": _summary(drafted).row_version})
    assert response.status_code == status
    assert not certification_holds(drafted)
    if status == 403:
        assert "Only a certification signatory" in response.content.decode()


def test_signatory_certifies(client, signatory, drafted):
    client.force_login(signatory)
    assert client.get(_url("certify", drafted)).status_code == 200
    response = client.post(_url("certify", drafted), {"row_version": _summary(drafted).row_version})
    assert response.status_code == 302
    assert certification_holds(drafted)


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_publish_by_role(client_for, certified, role, status):
    client = client_for(role)
    assert client.get(_url("publish", certified)).status_code == status
    response = client.post(
        _url("publish", certified), {"row_version": _summary(certified).row_version}
    )
    certified.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert certified.state == "summary_published"
        assert _summary(certified).published_on is not None
        assert publication(certified) is not None
    else:
        assert response.status_code == status
        assert certified.state == "agreement_signed"
        assert _summary(certified).published_on is None
        assert publication(certified) is None


def test_published_summary_appears_on_the_register_for_everyone(client_for, certified, client):
    entry = reverse("register:entry", args=[certified.pk])
    assert client.get(entry).status_code == 404
    client_for("industry_lead").post(
        _url("publish", certified), {"row_version": _summary(certified).row_version}
    )
    response = client.get(entry)  # anonymous
    body = response.content.decode()
    assert response.status_code == 200
    assert "Fewer emergency admissions." in body
    assert certified.title in client.get(reverse("register:index")).content.decode()
    for role in ROLES:
        assert client_for(role).get(entry).status_code == 200


def test_edits_after_publication_are_refused(client_for, certified):
    lead = client_for("nhs_lead")
    lead.post(_url("publish", certified), {"row_version": _summary(certified).row_version})
    response = lead.post(_url("edit", certified), _form_data(certified, title="Late change"))
    assert response.status_code == 302
    assert _summary(certified).title == certified.title
    follow = lead.get(response["Location"]).content.decode()
    assert "later changes go through an amendment" in follow


def test_blocked_publication_shows_the_rules_and_publishes_nothing(
    client_for, certified, monkeypatch
):
    builders.wire_facts(monkeypatch, summary_certified_override=False)
    response = client_for("nhs_lead").post(
        _url("publish", certified), {"row_version": _summary(certified).row_version}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "The executive summary has not been published" in body
    assert "SUMMARY-CERTIFIED" in body
    assert _summary(certified).published_on is None


def test_bad_summary_input_is_400_next_to_the_field(client_for, drafted):
    response = client_for("nhs_lead").post(
        _url("edit", drafted), _form_data(drafted, period="x" * 250, rationale="Kept text")
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_period-error"' in body
    assert "Kept text" in body
    assert _summary(drafted).rationale != "Kept text"


def test_stale_summary_edit_is_refused(client_for, drafted):
    response = client_for("nhs_lead").post(
        _url("edit", drafted), _form_data(drafted, title="Mine", row_version="999")
    )
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()


def test_generate_before_approval_is_400(client_for, submitted):
    response = client_for("nhs_lead").post(
        _url("generate", submitted.project), {"row_version": "0"}
    )
    assert response.status_code == 400
    assert "drafted from the approved PID" in response.content.decode()
    assert not ExecutiveSummary.objects.exists()


def test_editing_a_certified_summary_warns_and_returns_it_to_draft(client_for, certified):
    body = client_for("nhs_lead").get(_url("edit", certified)).content.decode()
    assert "returns it to draft" in body
    client_for("nhs_lead").post(_url("edit", certified), _form_data(certified, roles="New roles"))
    assert _summary(certified).status == "draft"
    assert not certification_holds(certified)
