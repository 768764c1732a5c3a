"""Editing through the forms: the details form, the repeating groups, and stale edits."""

from __future__ import annotations

import pytest
from django.urls import reverse

from triplewin.library.models import CaseStudy

pytestmark = pytest.mark.django_db


def details(study, **changes):
    data = {
        "row_version": study.row_version,
        "title": study.title,
        "summary": study.summary,
        "working_type": study.working_type or "not_stated",
        "setting": study.setting,
        "nation": study.nation,
        "region": study.region,
        "icb": study.icb,
        "condition": study.condition,
        "therapy_areas": ["cardiovascular"],
        "interventions": ["case_finding"],
        "start_date": "",
        "end_date": "",
        "background": study.background,
        "objectives": study.objectives,
        "what_was_done": study.what_was_done,
        "outcomes_narrative": "",
        "inequalities_how": "",
        "what_happened_next": "sustained",
        "what_happened_next_detail": "The trust now funds the clinics.",
    }
    data.update(changes)
    return data


def test_details_are_saved(client_for, draft):
    response = client_for("industry_lead").post(
        reverse("library:edit", args=[draft.pk]),
        details(draft, working_type="not_stated", start_date="2024-01-11", end_date="2024-12-20"),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.working_type == ""
    assert draft.what_happened_next == "sustained"
    assert str(draft.end_date) == "2024-12-20"


def test_form_errors_sit_next_to_their_fields(client_for, draft):
    response = client_for("nhs_lead").post(
        reverse("library:edit", args=[draft.pk]), details(draft, therapy_areas=[], title="")
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose at least one therapy area." in body
    assert 'href="#id_title"' in body
    assert CaseStudy.objects.get(pk=draft.pk).row_version == draft.row_version


def test_the_services_rules_come_back_to_the_right_fields(client_for, draft):
    response = client_for("nhs_lead").post(
        reverse("library:edit", args=[draft.pk]),
        details(
            draft,
            start_date="2024-05-01",
            end_date="2024-01-01",
            nation="wales",
            region="north_west",
        ),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "The end date is before the start date." in body
    assert 'href="#id_end_date_day"' in body  # the date's first box
    assert "leave it blank outside England" in body
    assert CaseStudy.objects.get(pk=draft.pk).row_version == draft.row_version


def test_a_stale_form_is_refused(client_for, draft):
    stale = details(draft)
    client_for("nhs_lead").post(reverse("library:edit", args=[draft.pk]), details(draft))
    response = client_for("industry_lead").post(
        reverse("library:edit", args=[draft.pk]), {**stale, "title": "Overwritten"}
    )
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()
    assert CaseStudy.objects.get(pk=draft.pk).title != "Overwritten"


def formset(prefix, rows, *, version, initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "20",
        "row_version": str(version),
    }
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


def test_outcomes_are_added_kept_and_removed(client_for, draft):
    client = client_for("nhs_lead")
    url = reverse("library:edit-group", args=[draft.pk, "outcomes"])
    first = {"measure": "People diagnosed", "unit": "people", "after": "40"}
    blank = {"measure": "", "unit": "", "before": "", "after": "", "period": "", "narrative": ""}
    assert (
        client.post(url, formset("outcomes", [first, blank], version=draft.row_version)).status_code
        == 302
    )
    draft.refresh_from_db()
    assert [o.measure for o in draft.outcomes.all()] == ["People diagnosed"]
    second = {"measure": "Admissions", "unit": "%", "before": "12", "after": "9"}
    kept = {**first, "narrative": ""}
    response = client.post(
        url, formset("outcomes", [kept, second], version=draft.row_version, initial=1)
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert [o.measure for o in draft.outcomes.all()] == ["People diagnosed", "Admissions"]
    removed = {**kept, "DELETE": "on"}
    client.post(
        url,
        formset(
            "outcomes",
            [removed, {**second, "narrative": ""}],
            version=draft.row_version,
            initial=2,
        ),
    )
    draft.refresh_from_db()
    assert [o.measure for o in draft.outcomes.all()] == ["Admissions"]


def test_group_errors_are_shown(client_for, draft):
    url = reverse("library:edit-group", args=[draft.pk, "outcomes"])
    response = client_for("nhs_lead").post(
        url,
        formset("outcomes", [{"measure": "Something", "after": "lots"}], version=draft.row_version),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a number." in body
    assert not CaseStudy.objects.get(pk=draft.pk).outcomes.exists()


def test_removing_every_partner_is_refused(client_for, draft):
    url = reverse("library:edit-group", args=[draft.pk, "partners"])
    parties = [
        {"name": p.name, "sector": p.sector, "contribution": p.contribution, "DELETE": "on"}
        for p in draft.parties.all()
    ]
    response = client_for("nhs_lead").post(
        url, formset("partners", parties, version=draft.row_version, initial=len(parties))
    )
    assert response.status_code == 400
    assert "Name at least one partner." in response.content.decode()
    assert draft.parties.count() == 2
