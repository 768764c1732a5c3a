"""Every outcomes page, tried as each of the seven roles; forbidden posts change nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.roles import DECIDE, EDIT, READ, matrix
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.selectors import TEXT_FIELDS, certification_holds, published_outcomes
from triplewin.outcomes.tests import builders
from triplewin.signoff.models import SignOffAct

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
    return reverse(f"outcomes:{name}", args=[project.pk])


def _summary(project):
    return OutcomesSummary.objects.get(project=project)


def _form_data(project, **changes):
    s = _summary(project)
    data = {name: getattr(s, name) for name in TEXT_FIELDS}
    data["row_version"] = s.row_version
    data.update(changes)
    return data


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_detail_by_role(client_for, drafted, role, status):
    response = client_for(role).get(_url("detail", drafted))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert builders.JUDGEMENTS["scaling"] in body
        assert "Due by" in body
        assert "days left" in body
        assert "Outcomes overdue" not in body


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_overdue_flag_by_role(client_for, long_ago, role, status):
    response = client_for(role).get(_url("detail", long_ago))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Outcomes overdue" in body
        assert "Overdue by" in body
        assert "No KPI results recorded" in body


def test_detail_before_completion_has_no_deadline(client_for, project):
    body = client_for("nhs_lead").get(_url("detail", project)).content.decode()
    assert (
        "The deadline appears here once the project's completion, or its early termination, is recorded"
        in body
    )
    assert "Draft from the records" not in body


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_the_first_draft_is_a_button_on_the_summary_page_by_role(
    client_for, completed, role, status
):
    """No confirmation page for the first draft: the detail page posts, and nothing links."""
    client = client_for(role)
    response = client.get(_url("detail", completed))
    assert response.status_code == status
    if status != 200:
        return
    body = response.content.decode()
    url = _url("generate", completed)
    assert f'href="{url}"' not in body
    offered = f'<form method="post" action="{url}">' in body
    assert offered is (EDIT[role] == 200)
    assert ("Draft from the records" in body) is offered
    assert not OutcomesSummary.objects.exists(), "showing the page drafts nothing"
    if offered:
        assert client.post(url, {"row_version": "0"}).status_code == 302
        assert OutcomesSummary.objects.count() == 1


def test_a_redraft_still_asks_first(client_for, completed):
    client = client_for("nhs_lead")
    client.post(_url("generate", completed), {"row_version": "0"})
    body = client.get(_url("detail", completed)).content.decode()
    assert f'href="{_url("generate", completed)}"' in body


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_generate_by_role(client_for, completed, role, status):
    client = client_for(role)
    assert client.get(_url("generate", completed)).status_code == status
    response = client.post(_url("generate", completed), {"row_version": "0"})
    if status == 200:
        assert response.status_code == 302
        assert _summary(completed).partners
    else:
        assert response.status_code == status
        assert not OutcomesSummary.objects.exists()


def test_generate_before_completion_is_400(client_for, people):
    project = builders.in_delivery(ended_on=timezone.localdate(), **people)
    response = client_for("nhs_lead").post(_url("generate", project), {"row_version": "0"})
    assert response.status_code == 400
    assert "early termination, is recorded" in response.content.decode()
    assert not OutcomesSummary.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_by_role(client_for, drafted, role, status):
    client = client_for(role)
    assert client.get(_url("edit", drafted)).status_code == status
    response = client.post(_url("edit", drafted), _form_data(drafted, scaling="Two more sites."))
    if status == 200:
        assert response.status_code == 302
        assert _summary(drafted).scaling == "Two more sites."
    else:
        assert response.status_code == status
        assert _summary(drafted).scaling == builders.JUDGEMENTS["scaling"]


def test_edit_shows_what_was_intended(client_for, drafted):
    body = client_for("nhs_lead").get(_url("edit", drafted)).content.decode()
    assert "Intended at the start: Fewer emergency admissions." in body


def test_stale_and_invalid_edits_are_400(client_for, drafted):
    lead = client_for("nhs_lead")
    stale = lead.post(_url("edit", drafted), _form_data(drafted, scaling="Mine", row_version="999"))
    assert stale.status_code == 400
    assert "Someone else saved changes" in stale.content.decode()
    long = lead.post(_url("edit", drafted), _form_data(drafted, duration="x" * 250))
    assert long.status_code == 400
    assert 'id="id_duration-error"' in long.content.decode()
    assert _summary(drafted).scaling == builders.JUDGEMENTS["scaling"]


@pytest.mark.parametrize(("role", "status"), matrix(CERTIFY))
def test_certify_by_role(client_for, drafted, role, status):
    client = client_for(role)
    assert client.get(_url("certify", drafted)).status_code == status
    response = client.post(_url("certify", drafted), {"row_version": _summary(drafted).row_version})
    assert response.status_code == status
    assert not certification_holds(drafted)


def test_signatory_certifies(client, signatory, drafted):
    client.force_login(signatory)
    assert client.get(_url("certify", drafted)).status_code == 200
    response = client.post(_url("certify", drafted), {"row_version": _summary(drafted).row_version})
    assert response.status_code == 302
    assert certification_holds(drafted)


@pytest.mark.parametrize(("role", "status"), matrix(DECIDE))
def test_decide_by_role(client_for, certified, role, status, pharma_org):
    client = client_for(role)
    assert client.get(_url("decide", certified)).status_code == status
    body = "committee-" + str(pharma_org.pk) if role == "governance_member" else "team"
    response = client.post(
        _url("decide", certified),
        {"row_version": _summary(certified).row_version, "body": body, "decision": "approve"},
    )
    if status == 200:
        assert response.status_code == 302
        assert SignOffAct.objects.on("outcomes").decisions().get().act == "approve"
    else:
        assert response.status_code == status
        assert not SignOffAct.objects.on("outcomes").decisions().exists()


def test_rejection_without_a_reason_is_400(client_for, certified):
    response = client_for("nhs_lead").post(
        _url("decide", certified),
        {"row_version": _summary(certified).row_version, "body": "team", "decision": "reject"},
    )
    assert response.status_code == 400
    assert not SignOffAct.objects.on("outcomes").decisions().exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_publish_by_role(client_for, approved, role, status, wired):
    client = client_for(role)
    assert client.get(_url("publish", approved)).status_code == status
    response = client.post(
        _url("publish", approved), {"row_version": _summary(approved).row_version}
    )
    approved.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert approved.state == "outcomes_published"
        assert published_outcomes(approved) == _summary(approved)
    else:
        assert response.status_code == status
        assert approved.state == "completed"
        assert published_outcomes(approved) is None


def test_publishing_before_approval_is_400(client_for, certified, wired):
    response = client_for("nhs_lead").post(
        _url("publish", certified), {"row_version": _summary(certified).row_version}
    )
    assert response.status_code == 400
    certified.refresh_from_db()
    assert certified.state == "completed"


def test_blocked_publication_publishes_nothing(client_for, approved, monkeypatch):
    builders.wire_facts(monkeypatch, published_override=None)
    response = client_for("nhs_lead").post(
        _url("publish", approved), {"row_version": _summary(approved).row_version}
    )
    assert response.status_code == 400
    assert "has not been published" in response.content.decode()
    assert published_outcomes(approved) is None


def test_published_summary_is_final_and_linked_to_the_register(client_for, approved, wired):
    lead = client_for("nhs_lead")
    lead.post(_url("publish", approved), {"row_version": _summary(approved).row_version})
    body = lead.get(_url("detail", approved)).content.decode()
    assert "This summary is public" in body
    assert "Published on" in body
    assert _url("edit", approved) not in body
    response = lead.post(_url("edit", approved), _form_data(approved, scaling="Late change"))
    assert response.status_code == 302
    assert _summary(approved).scaling == builders.JUDGEMENTS["scaling"]


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_published_summary_offers_its_leads_a_case_study(client_for, approved, wired, role, status):
    client_for("nhs_lead").post(
        _url("publish", approved), {"row_version": _summary(approved).row_version}
    )
    response = client_for(role).get(_url("detail", approved))
    assert response.status_code == status
    drafting = reverse("library:draft-from-project", args=[approved.pk])
    assert (drafting in response.content.decode()) is (EDIT[role] == 200)


def test_public_partial_renders_the_published_summary(approved, nhs_lead, wired):
    from django.template.loader import render_to_string

    from triplewin.outcomes import services
    from triplewin.outcomes.presenters import public_outcomes

    services.outcomes_publish(actor=nhs_lead, project=approved, expected_version=None)
    html = render_to_string(
        "outcomes/_public.jinja", {"outcomes_public": public_outcomes(approved)}
    )
    assert "Summary of project outcomes" in html
    assert builders.JUDGEMENTS["conclusions"] in html
    assert render_to_string("outcomes/_public.jinja", {}).strip() == ""
