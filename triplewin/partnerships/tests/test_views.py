"""Every project view, tried as each role, for who may and who may not use it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.partnerships.models import Project

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "status"), matrix(READ))
@pytest.mark.parametrize("name", ["partnerships:detail", "partnerships:history"])
def test_read_views(client_for, project, role, status, name):
    response = client_for(role).get(reverse(name, args=[project.pk]))
    assert response.status_code == status
    if status == 200:
        assert project.title in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
@pytest.mark.parametrize(
    "name", ["partnerships:edit", "partnerships:partners", "partnerships:transition"]
)
def test_edit_views_get(client_for, project, role, status, name):
    args = [project.pk, "start_scoping"] if name == "partnerships:transition" else [project.pk]
    assert client_for(role).get(reverse(name, args=args)).status_code == status


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_transition_post_by_role(client_for, project, role, status):
    response = client_for(role).post(
        reverse("partnerships:transition", args=[project.pk, "start_scoping"]),
        {"expected_state": "idea", "reason": ""},
    )
    project.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert project.state == "scoping"
    else:
        assert response.status_code == status
        assert project.state == "idea"


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_post_by_role(client_for, project, role, status):
    before = AuditEvent.objects.count()
    data = {
        "title": "Renamed",
        "summary": project.summary,
        "origin_setting": "primary",
        "therapy_area": "Cardiology",
        "intended_type": "cw",
        "proposed_by": "Someone",
        "row_version": project.row_version,
    }
    response = client_for(role).post(reverse("partnerships:edit", args=[project.pk]), data)
    project.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert project.title == "Renamed"
    else:
        assert response.status_code == status
        assert project.title != "Renamed"
        assert AuditEvent.objects.count() == before


def test_list_shows_only_visible_projects(client_for, project, other_org):
    from tests import factories

    other_lead = factories.member("other.lead@example.test", other_org, "partnership_lead")
    hidden = factories.project(actor=other_lead, lead=other_org, title="Secret project")
    body = client_for("nhs_lead").get(reverse("partnerships:list")).content.decode()
    assert project.title in body
    assert hidden.title not in body
    body = client_for("outsider").get(reverse("partnerships:list")).content.decode()
    assert project.title not in body


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("nhs_lead", 200),
        ("industry_lead", 200),
        ("governance_member", 200),
        ("oversight", 200),
        ("outsider", 200),
        ("anonymous", 302),
    ],
)
def test_list_by_role(client_for, project, role, status):
    response = client_for(role).get(reverse("partnerships:list"))
    assert response.status_code == status
    if status == 302:
        assert response.url.startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("nhs_lead", 200),
        ("industry_lead", 200),
        ("governance_member", 403),
        ("oversight", 403),
        ("outsider", 200),
        ("anonymous", 302),
    ],
)
def test_create_by_role(client_for, role, status):
    assert client_for(role).get(reverse("partnerships:create")).status_code == status


def test_create_post_makes_project_with_partners(client_for, nhs_org, pharma_org, nhs_lead):
    response = client_for("nhs_lead").post(
        reverse("partnerships:create"),
        {
            "title": "Asthma reviews",
            "summary": "Review people with poorly controlled asthma.",
            "origin_setting": "primary",
            "therapy_area": "Respiratory",
            "intended_type": "jw",
            "involves_medicines": "on",
            "proposed_by": "PCN clinical director",
            "lead_organisation": nhs_org.pk,
            "partner_organisations": [pharma_org.pk],
        },
    )
    project = Project.objects.get(title="Asthma reviews")
    assert response.status_code == 302
    assert response.url == reverse("partnerships:detail", args=[project.pk])
    assert set(project.organisations.all()) == {nhs_org, pharma_org}
    assert project.created_by == nhs_lead


def test_create_cannot_claim_someone_elses_organisation(client_for, other_org):
    response = client_for("nhs_lead").post(
        reverse("partnerships:create"),
        {
            "title": "X",
            "summary": "Y",
            "origin_setting": "primary",
            "therapy_area": "Z",
            "proposed_by": "Me",
            "lead_organisation": other_org.pk,
        },
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Project.objects.filter(title="X").exists()


def test_create_bad_input_shows_messages_next_to_fields(client_for, nhs_org):
    response = client_for("nhs_lead").post(
        reverse("partnerships:create"),
        {
            "title": "",
            "summary": "",
            "lead_organisation": nhs_org.pk,
            "planned_start": "2027-13-45",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in body
    assert "Enter a title for the project." in body
    assert 'id="id_title--error-message"' in body or "nhsuk-error-message" in body
    assert "Enter a real date" in body
    assert not Project.objects.exists()


def test_stale_edit_is_refused_with_message(client_for, project, nhs_lead):
    from triplewin.partnerships import services

    services.project_update(
        actor=nhs_lead,
        project=project,
        expected_version=project.row_version,
        title="Changed elsewhere",
    )
    response = client_for("industry_lead").post(
        reverse("partnerships:edit", args=[project.pk]),
        {
            "title": "Mine",
            "summary": "S",
            "origin_setting": "primary",
            "therapy_area": "T",
            "proposed_by": "P",
            "row_version": 1,
        },
    )
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()
    project.refresh_from_db()
    assert project.title == "Changed elsewhere"


def test_blocked_transition_explains_rules(client_for, project):
    from triplewin.partnerships.models import Project as P

    P.objects.filter(pk=project.pk).update(state="setup")
    response = client_for("nhs_lead").post(
        reverse("partnerships:transition", args=[project.pk, "approve_pid"]),
        {"expected_state": "setup"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "This step is blocked" in body
    assert "Blocking rules cannot be overridden" in body
    assert "NO-SALES-MEMBERS" in body
    assert "No project team has been formed yet." in body


def test_automatic_step_is_not_offered(client_for, project):
    from triplewin.partnerships.models import Project as P

    P.objects.filter(pk=project.pk).update(state="scoping")
    response = client_for("nhs_lead").get(
        reverse("partnerships:transition", args=[project.pk, "approve_concept"])
    )
    assert response.status_code == 404


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_partner_add_and_remove_by_role(client_for, project, other_org, role, status):
    client = client_for(role)
    response = client.post(
        reverse("partnerships:partners", args=[project.pk]),
        {"organisation": other_org.pk, "party_role": "nhs_partner"},
    )
    added = project.partners.filter(organisation=other_org).exists()
    if status == 200:
        assert response.status_code == 302
        assert added
        partner = project.partners.get(organisation=other_org)
        response = client.post(
            reverse("partnerships:partner-remove", args=[project.pk, partner.pk])
        )
        assert response.status_code == 302
        assert not project.partners.filter(organisation=other_org).exists()
    else:
        assert response.status_code == status
        assert not added
        partner = project.partners.first()
        response = client.post(
            reverse("partnerships:partner-remove", args=[project.pk, partner.pk])
        )
        assert response.status_code == status
        assert project.partners.count() == 2


def test_project_page_shows_stage1_status_and_compliance(client_for, project, nhs_lead, nhs_org):
    from tests import factories
    from triplewin.concept import services as concept_services

    factories.ready_for_approval(project, nhs_lead)
    concept_services.concept_decide(
        actor=nhs_lead, project=project, organisation=nhs_org, decision="approve"
    )
    body = (
        client_for("governance_member")
        .get(reverse("partnerships:detail", args=[project.pk]))
        .content.decode()
    )
    assert "Approved by 1 of 2" in body
    assert "Joint working" in body
    assert "Concept approval: 1 blocking rule to resolve" in body
    assert "Waiting for Test Pharma Ltd." in body


@pytest.mark.parametrize(
    "path", ["/projects/99999999999999999999999999/", "/register/99999999999999999999999/"]
)
def test_absurd_ids_are_404_not_500(client_for, path):
    assert client_for("nhs_lead").get(path).status_code == 404


def test_stage2_tasks_appear_once_the_concept_is_approved(client_for, project, nhs_lead):
    from triplewin.team.tests.builders import advance

    body = (
        client_for("nhs_lead")
        .get(reverse("partnerships:detail", args=[project.pk]))
        .content.decode()
    )
    assert "Stage 2: set-up and governance" not in body
    advance(project, nhs_lead, "setup")
    body = (
        client_for("oversight")
        .get(reverse("partnerships:detail", args=[project.pk]))
        .content.decode()
    )
    assert "Stage 2: set-up and governance" in body
    assert reverse("pid:overview", args=[project.pk]) in body
    assert reverse("agreement:detail", args=[project.pk]) in body
    assert "Not started" in body


def test_stage3_tasks_appear_once_the_summary_is_public(
    client_for, project, nhs_lead, industry_lead, nhs_org, pharma_org
):
    import datetime as dt

    from triplewin.transfers.tests.builders import published_project, transfer

    def body(p):
        url = reverse("partnerships:detail", args=[p.pk])
        return client_for("nhs_lead").get(url).content.decode()

    assert "Stage 3: delivery and outcomes" not in body(project)
    assert reverse("documents:index", args=[project.pk]) in body(project)
    live = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        published_on=dt.date(2023, 1, 10),
        started_on=dt.date(2023, 2, 1),
    )
    transfer(actor=industry_lead, project=live, company=pharma_org, recipient=nhs_org, year=2023)
    html = body(live)
    assert "Stage 3: delivery and outcomes" in html
    for name in ("delivery:dashboard", "kpis:dashboard", "outcomes:detail", "transfers:list"):
        assert reverse(name, args=[live.pk]) in html
    assert "In delivery since 1 February 2023" in html
    assert "Disclosure overdue: 2023" in html


def _task_statuses(body: str) -> dict[str, str]:
    """Each task list row's title and status text, from the project page."""
    import re

    rows = re.findall(r'<li class="nhsuk-task-list__item.*?</li>', body, flags=re.S)
    found = {}
    for row in rows:
        name, status = row.split('<div class="nhsuk-task-list__status', 1)
        text = " ".join(re.sub(r"<[^>]+>", " ", name.split(">", 1)[1]).split())
        found[text] = " ".join(re.sub(r"<[^>]+>", " ", status.split(">", 1)[1]).split())
    return found


def test_steps_imported_as_done_say_so_instead_of_not_started(client_for, project, nhs_lead):
    import datetime as dt

    from triplewin.partnerships import services

    url = reverse("partnerships:detail", args=[project.pk])
    assert "Done before Triple Win" not in client_for("nhs_lead").get(url).content.decode()
    services.project_import_history(
        actor=None,
        project=project,
        steps=[
            ("start_scoping", dt.date(2024, 1, 5)),
            ("approve_concept", dt.date(2024, 3, 1)),
            ("start_setup", dt.date(2024, 3, 2)),
            ("approve_pid", dt.date(2024, 5, 2)),
        ],
        reason="Imported from the partners' public records.",
    )
    statuses = _task_statuses(client_for("oversight").get(url).content.decode())
    before = "Done before Triple Win"
    for task in (
        "Scoping decision guide",
        "Project concept framework",
        "Project initiation document (PID)",
        "Contributions from each party",
    ):
        assert statuses[task] == before, task
    # The agreement was not signed before the import, so it is still to do here.
    assert statuses["Collaborative or joint working agreement"] == "Not started"
    assert statuses["Executive summary"] == "Not started"


def test_actual_start_before_publication_is_refused_next_to_the_field(
    client_for, project, nhs_lead
):
    import datetime as dt

    from django.utils import timezone

    from triplewin.team.tests.builders import advance

    advance(project, nhs_lead, "summary_published")
    project.refresh_from_db()
    early = timezone.localdate() - dt.timedelta(days=3)
    response = client_for("nhs_lead").post(
        reverse("partnerships:edit", args=[project.pk]),
        {
            "title": project.title,
            "summary": project.summary,
            "origin_setting": project.origin_setting,
            "therapy_area": project.therapy_area,
            "proposed_by": project.proposed_by,
            "intended_type": project.intended_type,
            "actual_start": early.isoformat(),
            "row_version": project.row_version,
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_actual_start-error"' in body
    assert "before the executive summary was published" in body
    project.refresh_from_db()
    assert project.actual_start is None
