"""Two or three copies of one create form, posted at the same moment, make exactly one row.

Each copy is a separate browser session of the same person, on its own database connection,
released together from a barrier: what a double click or an impatient resend looks like.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.urls import reverse

from triplewin.conflicts.models import Declaration
from triplewin.contributions.models import Contribution
from triplewin.delivery.models import Risk
from triplewin.meetings.models import Meeting
from triplewin.submissions.models import SpentToken
from triplewin.submissions.once import ALREADY_SAVED
from triplewin.submissions.tests.conftest import contribution, move_to, token_on
from triplewin.transfers.models import TransferOfValue
from triplewin.transfers.tests.conftest import live

# `live` is in delivery with its summary published: meetings, risks and transfers are all open.
__all__ = ["live"]

pytestmark = pytest.mark.django_db(transaction=True)


def _race(user: Any, url: str, data: dict[str, Any], copies: int) -> list[Any]:
    """Post the same form, with the same token, from `copies` sessions at once."""
    clients = []
    for _ in range(copies):
        client = Client()
        client.force_login(user)
        clients.append(client)
    data = {**data, "submission_token": token_on(clients[0], url)}
    barrier = threading.Barrier(copies)
    responses: list[Any] = [None] * copies
    errors: list[BaseException] = []

    def send(i: int) -> None:
        try:
            barrier.wait()
            responses[i] = clients[i].post(url, data)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(copies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    return responses


def _one_saved_and_the_rest_told(responses: list[Any]) -> None:
    assert [r.status_code for r in responses] == [302] * len(responses)
    assert len({r["Location"] for r in responses}) == 1, "every copy goes where the first went"
    told = [ALREADY_SAVED in [str(m) for m in get_messages(r.wsgi_request)] for r in responses]
    assert told.count(False) == 1
    assert SpentToken.objects.count() == 1


COPIES = [pytest.param(2, id="two copies"), pytest.param(3, id="three copies")]


@pytest.mark.parametrize("copies", COPIES)
def test_meeting(live, nhs_lead, copies):
    responses = _race(
        nhs_lead,
        reverse("meetings:create", args=[live.pk]),
        {"title": "Steering committee", "kind": "steering", "scheduled_for": "2024-03-14"},
        copies,
    )
    assert Meeting.objects.filter(project=live).count() == 1
    _one_saved_and_the_rest_told(responses)


@pytest.mark.parametrize("copies", COPIES)
def test_contribution(project, nhs_lead, nhs_org, copies):
    approved = move_to(project, "concept_approved")
    responses = _race(
        nhs_lead, reverse("contributions:add", args=[approved.pk]), contribution(nhs_org), copies
    )
    assert Contribution.objects.filter(project=approved).count() == 1
    _one_saved_and_the_rest_told(responses)


@pytest.mark.parametrize("copies", COPIES)
def test_risk(live, nhs_lead, copies):
    responses = _race(
        nhs_lead,
        reverse("delivery:risk-add", args=[live.pk]),
        {
            "description": "Practices cannot release nurses for the clinics",
            "likelihood": "4",
            "impact": "3",
            "owner": "Clinical lead",
            "mitigation": "Agree protected time with each practice manager.",
            "status": "open",
        },
        copies,
    )
    assert Risk.objects.filter(project=live).count() == 1
    _one_saved_and_the_rest_told(responses)


@pytest.mark.parametrize("copies", COPIES)
def test_transfer_of_value(live, industry_lead, nhs_org, pharma_org, copies):
    responses = _race(
        industry_lead,
        reverse("transfers:add", args=[live.pk]),
        {
            "company": str(pharma_org.pk),
            "recipient": str(nhs_org.pk),
            "year": "2024",
            "category": "joint_collaborative",
            "amount_money": "£12,500",
            "amount_benefits_in_kind": "",
            "note": "Specialist nurse sessions",
        },
        copies,
    )
    assert TransferOfValue.objects.filter(project=live).count() == 1
    _one_saved_and_the_rest_told(responses)


@pytest.mark.parametrize("copies", COPIES)
def test_declaration(nhs_lead, copies):
    responses = _race(
        nhs_lead,
        reverse("conflicts:declare"),
        {
            "category": "financial",
            "interest_type": "hospitality",
            "description": "Dinner after an advisory board",
            "organisation_name": "Acme Pharma",
            "valid_from": "2025-05-01",
        },
        copies,
    )
    assert Declaration.objects.filter(user=nhs_lead).count() == 1
    _one_saved_and_the_rest_told(responses)
