"""An approved amendment can change a public project's title and its type of partnership."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.roles import EDIT, READ, matrix
from triplewin.amendments import services
from triplewin.amendments.fields import Target, amendable_fields
from triplewin.amendments.presenters.type_change import type_change_notes
from triplewin.amendments.tests.fixtures import DETAILS, sign_off
from triplewin.audit.models import AuditEvent
from triplewin.executive_summary import services as summary_services
from triplewin.executive_summary.models import ExecutiveSummary, Status
from triplewin.partnerships import services as project_services
from triplewin.partnerships.models import Project
from triplewin.scoping.models import ClassificationChecklist
from triplewin.team.tests.builders import field_error

pytestmark = pytest.mark.django_db

NEW_TITLE = "Structured medication reviews for people with heart failure"


def _url(name, project, *args):
    return reverse(f"amendments:{name}", args=[project.pk, *args])


def _raise(project, actor, **afters):
    a = services.amendment_create(actor=actor, project=project, fields=DETAILS)
    for key, after in afters.items():
        services.amendment_change_set(actor=actor, amendment=a, field_key=key, after=after)
    a.refresh_from_db()
    return a


def _project_section(version):
    section = next(s for s in version.snapshot["sections"] if s["key"] == "project")
    return {f["key"]: f["value"] for f in section["fields"]}


class TestParts:
    def test_title_and_type_are_amendable(self, pid_in_delivery):
        found = {a.key: a for a in amendable_fields(pid_in_delivery)}
        assert found["title"].target is Target.TITLE
        assert found["title"].current == pid_in_delivery.title
        assert found["type"].target is Target.TYPE
        assert found["type"].current == "Collaborative working"
        assert dict(found["type"].choices) == {
            "cw": "Collaborative working",
            "jw": "Joint working",
        }
        # Therapy area and setting are in the same section, but are not amendable here.
        assert "therapy_area" not in found

    def test_a_type_is_kept_as_the_pid_shows_it(self, pid_in_delivery, nhs_lead):
        a = _raise(pid_in_delivery, nhs_lead, type="jw")
        change = a.changes.get(field_key="type")
        assert (change.before, change.after) == ("Collaborative working", "Joint working")

    @pytest.mark.parametrize(
        ("key", "after", "message"),
        [
            ("type", "partnership", "Choose collaborative working or joint working"),
            ("type", "cw", "already says"),
            ("title", "x" * 201, "under 200 characters"),
            ("title", "Two\nlines", "one line"),
            ("title", "  ", "should say"),
        ],
    )
    def test_bad_values_are_refused(self, amendment, nhs_lead, key, after, message):
        with pytest.raises(ValidationError, match=message):
            services.amendment_change_set(
                actor=nhs_lead, amendment=amendment, field_key=key, after=after
            )
        assert not amendment.changes.filter(field_key=key).exists()


class TestApproval:
    def test_approval_applies_title_and_type_through_the_project_service(
        self, pid_in_delivery, nhs_lead, signatory, committees
    ):
        old_title = pid_in_delivery.title
        a = _raise(pid_in_delivery, nhs_lead, title=NEW_TITLE, type="Joint working")
        services.amendment_submit(actor=nhs_lead, amendment=a)
        a = sign_off(a, signatory=signatory, team=nhs_lead, committees=committees)
        assert a.status == "approved"
        project = Project.objects.get(pk=pid_in_delivery.pk)
        assert (project.title, project.intended_type) == (NEW_TITLE, "jw")
        event = AuditEvent.objects.get(action="project.amended")
        assert event.changes == {
            "title": [old_title, NEW_TITLE],
            "intended_type": ["cw", "jw"],
            "amendment": [None, str(a)],
        }
        assert a.produced_version is not None
        shown = _project_section(a.produced_version)
        assert (shown["title"], shown["type"]) == (NEW_TITLE, "Joint working")

    def test_the_service_refuses_an_amendment_not_signed_off(
        self, pid_in_delivery, nhs_lead, signatory
    ):
        a = _raise(pid_in_delivery, nhs_lead, title=NEW_TITLE)
        services.amendment_submit(actor=nhs_lead, amendment=a)
        services.amendment_certify(actor=signatory, amendment=a)  # certified, not approved
        with pytest.raises(ValidationError, match="certified and approved"):
            project_services.project_amend_details(
                actor=nhs_lead, project=pid_in_delivery, amendment=a, title=NEW_TITLE
            )
        assert Project.objects.get(pk=pid_in_delivery.pk).title != NEW_TITLE
        assert not AuditEvent.objects.filter(action="project.amended").exists()

    def test_the_service_refuses_another_projects_amendment(
        self, pid_in_delivery, nhs_lead, nhs_org
    ):
        a = _raise(pid_in_delivery, nhs_lead, title=NEW_TITLE)
        other = factories.project(actor=nhs_lead, lead=nhs_org, title="Another project")
        with pytest.raises(ValidationError, match="another project"):
            project_services.project_amend_details(
                actor=nhs_lead, project=other, amendment=a, title=NEW_TITLE
            )
        assert Project.objects.get(pk=other.pk).title == "Another project"

    @pytest.mark.parametrize("name", ["title", "intended_type"])
    def test_a_direct_edit_of_a_public_project_is_still_refused(
        self, pid_in_delivery, nhs_lead, name
    ):
        value = NEW_TITLE if name == "title" else "jw"
        with pytest.raises(ValidationError) as refused:
            project_services.project_update(
                actor=nhs_lead, project=pid_in_delivery, expected_version=None, **{name: value}
            )
        assert "goes through an amendment" in refused.value.message_dict[name][0]
        assert getattr(Project.objects.get(pk=pid_in_delivery.pk), name) != value


class TestTypeChangeNotes:
    def test_no_notes_without_a_change_of_type(self, pid_in_delivery):
        assert type_change_notes(pid_in_delivery, "Collaborative working") == []

    def test_a_check_that_would_fail_is_named(self, pid_in_delivery):
        checklist, _ = ClassificationChecklist.objects.get_or_create(project=pid_in_delivery)
        checklist.answers = {**checklist.answers, "patient_outcomes_measured": "no"}
        checklist.save()
        notes = " ".join(type_change_notes(pid_in_delivery, "jw"))
        assert "from collaborative working to joint working" in notes
        assert "Joint working measures outcomes for patients" in notes
        assert "The signed agreement is for collaborative working" in notes
        # No terms of reference: joint working's default decision rule would apply.
        assert "default for joint working. Formal decisions need each party's agreement" in notes

    def test_the_amendment_page_says_so_before_submission(
        self, client_for, pid_in_delivery, nhs_lead
    ):
        a = _raise(pid_in_delivery, nhs_lead, type="jw")
        for name in ("detail", "submit"):
            body = client_for("nhs_lead").get(_url(name, pid_in_delivery, a.number)).content
            assert b"Changing the type of partnership" in body
            assert b"Collaborative and joint-working approaches: a comparison" in body


def test_the_changes_page_offers_the_title_and_a_choice_of_type(client_for, amendment):
    client = client_for("industry_lead")
    url = _url("change-add", amendment.project, amendment.number)
    body = client.get(url).content.decode()
    assert 'name="after-title"' in body
    assert 'type="radio"' in body
    assert 'value="jw"' in body
    response = client.post(
        url, {"after-type": "xx", "after-title": NEW_TITLE, "row_version": amendment.row_version}
    )
    assert response.status_code == 400
    assert "Choose collaborative working or joint working" in field_error(response, "after-type")
    assert not amendment.changes.filter(field_key__in=["title", "type"]).exists()
    response = client.post(
        url, {"after-type": "jw", "after-title": NEW_TITLE, "row_version": amendment.row_version}
    )
    assert response.status_code == 302
    assert dict(amendment.changes.values_list("field_key", "after")) == {
        "exit_strategy": amendment.changes.get(field_key="exit_strategy").after,
        "title": NEW_TITLE,
        "type": "Joint working",
    }
    # The choice comes back chosen.
    assert 'value="jw" checked' in client.get(url).content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_changing_the_title_by_role(client_for, amendment, role, status):
    response = client_for(role).post(
        _url("change-add", amendment.project, amendment.number),
        {"after-title": NEW_TITLE, "after-type": "jw", "row_version": amendment.row_version},
    )
    changed = amendment.changes.filter(field_key__in=["title", "type"]).count()
    if status == 200:
        assert response.status_code == 302
        assert changed == 2
    else:
        assert response.status_code == status
        assert changed == 0


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_type_change_notes_on_the_amendment_by_role(
    client_for, pid_in_delivery, nhs_lead, role, status
):
    a = _raise(pid_in_delivery, nhs_lead, type="jw")
    response = client_for(role).get(_url("detail", pid_in_delivery, a.number))
    assert response.status_code == status
    if status == 200:
        assert "Changing the type of partnership" in response.content.decode()


@pytest.fixture
def retitled(pid_in_delivery, nhs_lead, signatory, committees):
    """A published summary certified with the old title, then an approved retitling."""
    summary_services.summary_record_published(
        actor=None,
        project=pid_in_delivery,
        fields={"title": pid_in_delivery.title, "rationale": "Why"},
        certified_on=timezone.localdate(),
        published_on=timezone.localdate(),
    )
    a = _raise(pid_in_delivery, nhs_lead, title=NEW_TITLE)
    services.amendment_submit(actor=nhs_lead, amendment=a)
    return sign_off(a, signatory=signatory, team=nhs_lead, committees=committees)


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_the_summary_page_says_the_title_changed_by_role(client_for, retitled, role, status):
    project = retitled.project
    old = ExecutiveSummary.objects.get(project=project).title
    response = client_for(role).get(reverse("executive_summary:detail", args=[project.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert f"Amendment {retitled.number} changed the project" in body
        assert NEW_TITLE in body
        assert f"still show \u201c{old}\u201d" in body


def test_the_register_keeps_the_certified_title(client, retitled):
    project = retitled.project
    old = ExecutiveSummary.objects.get(project=project).title
    body = client.get(reverse("register:entry", args=[project.pk])).content.decode()
    assert old in body
    assert NEW_TITLE not in body


def test_no_notice_while_the_titles_agree(client_for, pid_in_delivery):
    ExecutiveSummary.objects.create(
        project=pid_in_delivery, title=pid_in_delivery.title, status=Status.DRAFT
    )
    body = client_for("nhs_lead").get(
        reverse("executive_summary:detail", args=[pid_in_delivery.pk])
    )
    assert b"changed the project" not in body.content
