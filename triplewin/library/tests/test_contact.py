"""The contact for peers and the day the outcomes were shared with the ABPI (ADR 0021).

Guidance 000, stage 3 outcomes: outcome reports are shared with the ABPI for its NHS-industry
partnership case studies library. Issue 13 §23: case studies carry a contact for peers who
want to learn more, shown to signed-in users only.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.roles import ROLES
from triplewin.audit.models import AuditEvent
from triplewin.library.services.contact import case_study_set_contact
from triplewin.library.tests.test_views import EDIT_PUBLISHED, published

__all__ = ["published"]
pytestmark = pytest.mark.django_db

EMAIL = "resp.pharmacist@hartlepool-pcn.example"


def _set(actor, study, **changes):
    values = {
        "contact_name": "Sam Patel",
        "contact_role": "Respiratory pharmacist, Hartlepool Health PCN",
        "contact_email": EMAIL,
        "shared_with_abpi_on": dt.date(2026, 3, 2),
        "expected_version": study.row_version,
    }
    values.update(changes)
    return case_study_set_contact(actor=actor, case_study=study, **values)


@pytest.mark.parametrize("role", ROLES)
def test_the_contact_is_shown_to_signed_in_users_only(client_for, published, nhs_lead, role):
    _set(nhs_lead, published)
    body = client_for(role).get(reverse("library:detail", args=[published.pk])).content.decode()
    assert (EMAIL in body) is (role != "anonymous")
    assert ("shared with the ABPI on 2 March 2026" in body) is (role != "anonymous")


def test_the_contact_never_reaches_the_exports(client, published, nhs_lead):
    _set(nhs_lead, published)
    for name in ("library:export-csv", "library:export-json"):
        response = client.get(reverse(name))
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert EMAIL.encode() not in body
        assert b"Sam Patel" not in body


@pytest.mark.parametrize(("role", "status"), [(r, EDIT_PUBLISHED[r]) for r in ROLES])
def test_change_by_role(client_for, published, role, status):
    client = client_for(role)
    url = reverse("library:contact", args=[published.pk])
    assert client.get(url).status_code == status
    response = client.post(
        url,
        {
            "contact_name": "Sam Patel",
            "contact_role": "Pharmacist",
            "contact_email": EMAIL,
            "shared_with_abpi_on": "2026-03-02",
            "row_version": published.row_version,
        },
    )
    published.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert published.contact_email == EMAIL
    else:
        assert response.status_code == status
        assert published.contact_email == ""


def test_bad_input_is_shown_next_to_the_field(client_for, published):
    response = client_for("nhs_lead").post(
        reverse("library:contact", args=[published.pk]),
        {
            "contact_name": "Sam",
            "contact_email": "not-an-email",
            "row_version": published.row_version,
        },
    )
    assert response.status_code == 400
    assert "Enter an email address like" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contact_name": ""}, "contact_name"),
        ({"contact_email": ""}, "contact_email"),
        ({"shared_with_abpi_on": dt.date(2999, 1, 1)}, "shared_with_abpi_on"),
    ],
)
def test_the_service_refuses_incomplete_contacts(published, nhs_lead, changes, field):
    with pytest.raises(ValidationError) as error:
        _set(nhs_lead, published, **changes)
    assert field in error.value.message_dict


def test_only_an_editor_sets_the_contact_and_it_is_audited(published, nhs_lead, outsider):
    with pytest.raises(PermissionDenied):
        _set(outsider, published)
    _set(nhs_lead, published)
    assert AuditEvent.objects.filter(action="case_study.contact_set").count() == 1
