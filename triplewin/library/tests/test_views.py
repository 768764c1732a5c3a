"""Every library view, tried as each of the seven roles (and as staff where staff matter)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.roles import EDIT, READ, ROLES, matrix
from triplewin.audit.models import AuditEvent
from triplewin.core.library import records as rec
from triplewin.library import services
from triplewin.library.models import CaseStudy

pytestmark = pytest.mark.django_db

# Drafts: only the partnership leads of the project's partners; everyone else sees a 404.
DRAFT = {
    "nhs_lead": 200,
    "industry_lead": 200,
    "governance_member": 404,
    "team_member": 404,
    "oversight": 404,
    "outsider": 404,
    "anonymous": 404,
}
# Changing a published study: the same leads; everyone else may read it but not change it.
EDIT_PUBLISHED = {
    **DRAFT,
    **dict.fromkeys(
        ("governance_member", "team_member", "oversight", "outsider", "anonymous"), 403
    ),
}
PUBLIC = dict.fromkeys(ROLES, 200)
GROUPS = ("partners", "outcomes", "lessons", "sources")


@pytest.fixture
def published(draft, nhs_lead):
    study = services.case_study_update(
        actor=nhs_lead,
        case_study=draft,
        fields={"what_was_done": "Nurses searched records and ran clinics."},
        therapy_areas=["cardiovascular"],
        interventions=["case_finding"],
        expected_version=None,
    )
    study = services.case_study_save_outcomes(
        actor=nhs_lead,
        case_study=study,
        outcomes=[rec.Outcome("People diagnosed", "people", None, Decimal(40))],
        expected_version=None,
    )
    return services.case_study_publish(actor=nhs_lead, case_study=study)


PUBLIC_PAGES = {
    "library:index": "Hep C U Later",
    "library:learning": "Liver disease and hepatitis",
    "library:lessons": "Robust data sharing agreements were critical to success.",
    "library:export-csv": "nhs-apa-hep-c-u-later",
    "library:export-json": "nhs-apa-hep-c-u-later",
}


@pytest.mark.parametrize(("role", "status"), matrix(PUBLIC))
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages(client_for, corpus, role, status, name):
    response = client_for(role).get(reverse(name))
    assert response.status_code == status
    assert PUBLIC_PAGES[name] in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(PUBLIC))
def test_published_case_study_and_its_document_are_public(client_for, corpus, role, status):
    study = corpus["logic-copd-hartlepool"]
    client = client_for(role)
    response = client.get(reverse("library:detail", args=[study.pk]))
    assert response.status_code == status
    assert "Hartlepool Health Primary Care Network" in response.content.decode()
    docx = client.get(reverse("library:abpi-docx", args=[study.pk]))
    assert docx.status_code == status
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize(("role", "status"), matrix(DRAFT))
@pytest.mark.parametrize(
    "name", ["library:detail", "library:abpi-docx", "library:edit", "library:discard"]
)
def test_drafts_are_seen_only_by_the_projects_leads(client_for, draft, role, status, name):
    response = client_for(role).get(reverse(name, args=[draft.pk]))
    assert response.status_code == status
    if status == 200 and name == "library:detail":
        assert "This case study is a draft" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(DRAFT))
@pytest.mark.parametrize("group", GROUPS)
def test_draft_group_editing_by_role(client_for, draft, role, status, group):
    assert (
        client_for(role).get(reverse("library:edit-group", args=[draft.pk, group])).status_code
        == status
    )


@pytest.mark.parametrize("role", ROLES)
def test_drafts_never_appear_in_lists_or_files(client_for, draft, corpus, role):
    client = client_for(role)
    for name in ("library:index", "library:export-csv", "library:export-json", "library:lessons"):
        body = client.get(reverse(name), {"q": draft.title}).content.decode()
        listed_as_result = (
            f'href="/library/{draft.pk}/"' in body and "Your draft case studies" not in body
        )
        assert not listed_as_result
        assert draft.title not in body or name == "library:index"
    index = client.get(reverse("library:index")).content.decode()
    assert ("Your draft case studies" in index) == (DRAFT[role] == 200)


@pytest.mark.parametrize(("role", "status"), matrix(EDIT_PUBLISHED))
@pytest.mark.parametrize("name", ["library:edit", "library:edit-group"])
def test_editing_a_published_study_by_role(client_for, published, role, status, name):
    args = [published.pk, "outcomes"] if name == "library:edit-group" else [published.pk]
    assert client_for(role).get(reverse(name, args=args)).status_code == status


@pytest.mark.parametrize("role", ROLES)
def test_seeded_studies_are_edited_by_staff_only(client_for, corpus, staff, role):
    study = corpus["starrs-gm-asthma"]
    assert client_for(role).get(reverse("library:edit", args=[study.pk])).status_code == 403
    staff_client = Client()
    staff_client.force_login(staff)
    assert staff_client.get(reverse("library:edit", args=[study.pk])).status_code == 200


@pytest.mark.parametrize(("role", "status"), matrix(DRAFT))
def test_publish_by_role(client_for, draft, nhs_lead, role, status):
    services.case_study_update(
        actor=nhs_lead,
        case_study=draft,
        fields={
            "what_was_done": "Clinics ran weekly.",
            "outcomes_narrative": "Forty people diagnosed.",
        },
        therapy_areas=["cardiovascular"],
        interventions=[],
        expected_version=None,
    )
    response = client_for(role).post(reverse("library:publish", args=[draft.pk]))
    draft.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert draft.is_published
    else:
        assert response.status_code == status
        assert not draft.is_published


@pytest.mark.parametrize(("role", "status"), matrix(EDIT_PUBLISHED))
def test_withdraw_by_role(client_for, published, role, status):
    response = client_for(role).post(reverse("library:withdraw", args=[published.pk]))
    published.refresh_from_db()
    assert response.status_code == (302 if status == 200 else status)
    assert published.is_published == (status != 200)


@pytest.mark.parametrize(("role", "status"), matrix(DRAFT))
def test_discard_by_role(client_for, draft, role, status):
    response = client_for(role).post(reverse("library:discard", args=[draft.pk]))
    assert response.status_code == (302 if status == 200 else status)
    assert CaseStudy.objects.filter(pk=draft.pk).exists() == (status != 200)


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_draft_from_project_by_role(client_for, finished, role, status):
    """A button posts here; there is no confirmation page, and a GET changes nothing."""
    url = reverse("library:draft-from-project", args=[finished.pk])
    client = client_for(role)
    assert client.get(url).status_code == 405
    assert not CaseStudy.objects.exists()
    response = client.post(url)
    created = CaseStudy.objects.filter(project=finished).first()
    if status == 200:
        assert response.status_code == 302
        assert created is not None
        assert not created.is_published
        assert response.url == reverse("library:detail", args=[created.pk])
        assert AuditEvent.objects.filter(action="case_study.created").count() == 1
    else:
        assert response.status_code == status
        assert created is None


def test_the_library_offers_finished_projects_a_draft_button(client_for, finished):
    body = client_for("nhs_lead").get(reverse("library:index")).content.decode()
    url = reverse("library:draft-from-project", args=[finished.pk])
    assert f'<form method="post" action="{url}">' in body
    assert f'href="{url}"' not in body


def test_draft_from_project_explains_when_the_project_is_not_finished(client_for, project):
    client = client_for("nhs_lead")
    url = reverse("library:draft-from-project", args=[project.pk])
    response = client.post(url, follow=True)
    assert "once the project&#39;s outcomes summary is published" in response.content.decode()
    assert not CaseStudy.objects.exists()


def test_draft_from_project_goes_to_the_existing_draft(client_for, draft):
    client = client_for("nhs_lead")
    url = reverse("library:draft-from-project", args=[draft.project_id])
    response = client.post(url)
    assert response.status_code == 302
    assert response.url == reverse("library:detail", args=[draft.pk])
    assert CaseStudy.objects.count() == 1


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_similar_to_project_by_role(client_for, corpus, project, role, status):
    response = client_for(role).get(reverse("library:similar", args=[project.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Case studies most like this project" in body
        assert "Don&#39;t wait to anticoagulate" in body or "Cardio-diabetes" in body


@pytest.mark.parametrize("role", [r for r in ROLES if READ[r] == 200])
def test_similar_partnerships_are_offered_at_scoping(client_for, project, role):
    similar = f'href="{reverse("library:similar", args=[project.pk])}"'
    client = client_for(role)
    guide = client.get(reverse("scoping:guide", args=[project.pk])).content.decode()
    assert similar in guide
    statuses = client.get(reverse("partnerships:detail", args=[project.pk])).content.decode()
    stage1 = statuses[statuses.index("Stage 1: scoping") :]
    assert similar in stage1[: stage1.index("</ul>")]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("nhs_lead", 403),
        ("industry_lead", 403),
        ("governance_member", 403),
        ("oversight", 403),
        ("outsider", 403),
        ("anonymous", 302),
    ],
)
def test_import_is_for_staff_only(client_for, staff, role, status):
    response = client_for(role).get(reverse("library:import"))
    assert response.status_code == status
    if status == 302:
        assert response.url.startswith(reverse("accounts:sign-in"))
    staff_client = Client()
    staff_client.force_login(staff)
    assert staff_client.get(reverse("library:import")).status_code == 200


def test_unknown_case_study_and_group_are_404(client_for, draft):
    client = client_for("nhs_lead")
    assert client.get(reverse("library:detail", args=[999999])).status_code == 404
    assert client.get(reverse("library:edit-group", args=[draft.pk, "secrets"])).status_code == 404


def test_methods_not_allowed(client_for, draft):
    client = client_for("nhs_lead")
    assert client.get(reverse("library:publish", args=[draft.pk])).status_code == 405
    assert client.post(reverse("library:index")).status_code == 405


def _case_study_task(client, project):
    """The case study row of the project page's Stage 3 task list: (link, status text)."""
    import re

    body = client.get(reverse("partnerships:detail", args=[project.pk])).content.decode()
    heading = body.index("Case study for the library")
    item = body[body.rindex("<li", 0, heading) : body.index("</li>", heading)]
    link = re.search(r'href="([^"]+)"', item)
    status_html = item[item.index("nhsuk-task-list__status") :]
    status = " ".join(re.sub(r"<[^>]+>", " ", status_html.split(">", 1)[1]).split())
    return (link.group(1) if link else None), status


@pytest.mark.parametrize("role", [r for r in ROLES if READ[r] == 200])
def test_project_page_offers_a_case_study_to_its_leads_only(client_for, finished, role):
    link, status = _case_study_task(client_for(role), finished)
    assert status == "Not started"
    drafting = reverse("outcomes:detail", args=[finished.pk]) + "#case-study"
    assert link == (drafting if EDIT[role] == 200 else None)


@pytest.mark.parametrize("role", [r for r in ROLES if READ[r] == 200])
def test_project_page_links_a_draft_for_leads_and_a_published_study_for_all(
    client_for, draft, nhs_lead, role
):
    link, status = _case_study_task(client_for(role), draft.project)
    assert status == "Draft"
    detail = reverse("library:detail", args=[draft.pk])
    assert link == (detail if DRAFT[role] == 200 else None)
    ready = services.case_study_update(
        actor=nhs_lead,
        case_study=draft,
        fields={"what_was_done": "Clinics ran weekly.", "outcomes_narrative": "Forty found."},
        therapy_areas=["cardiovascular"],
        interventions=[],
        expected_version=None,
    )
    services.case_study_publish(actor=nhs_lead, case_study=ready)
    assert _case_study_task(client_for(role), draft.project) == (detail, "Published")


def test_project_page_case_study_task_waits_for_published_outcomes(
    client_for, nhs_lead, nhs_org, pharma_org
):
    import datetime as dt

    from triplewin.transfers.tests.builders import published_project

    live = published_project(
        actor=nhs_lead, lead=nhs_org, partners=[pharma_org], published_on=dt.date(2024, 1, 10)
    )
    link, status = _case_study_task(client_for("nhs_lead"), live)
    assert (link, status) == (None, "After the outcomes are published")
