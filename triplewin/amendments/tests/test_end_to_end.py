"""An amendment from start to finish through the pages: raised, changed, submitted, certified,
approved by the team and both committees, applied as PID version 2, and shown in the history."""

from __future__ import annotations

import html

import pytest
from django.test import Client
from django.urls import reverse

from triplewin.amendments.models import Amendment
from triplewin.amendments.tests.fixtures import DETAILS
from triplewin.pid.models import Pid, PidVersion
from triplewin.pid.selectors import pid_status

pytestmark = pytest.mark.django_db

OLD_EXIT = "Reviews continue within usual care; the search tool stays with the trust."
NEW_EXIT = "The ICB commissions the reviews and takes over the search tool licence."


def _version():
    """The version of amendment 1 that its page shows."""
    return Amendment.objects.get(number=1).row_version


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _ok(response):
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def test_amendment_end_to_end(
    pid_in_delivery,
    nhs_lead,
    signatory,
    nhs_governance,
    governance_member,
    nhs_org,
    pharma_org,
):
    project = pid_in_delivery
    lead = _as(nhs_lead)

    def url(name, *args):
        return reverse(f"amendments:{name}", args=[project.pk, *args])

    _ok(lead.post(url("create"), {**DETAILS, "changes_contract": ""}))
    _ok(
        lead.post(
            url("change-add", 1),
            {"after-exit_strategy": NEW_EXIT, "row_version": _version()},
        )
    )
    _ok(lead.post(url("submit", 1), {"row_version": _version()}))
    assert "Awaiting sign-off" in lead.get(url("detail", 1)).content.decode()
    assert PidVersion.objects.filter(project=project).count() == 1

    digest = Amendment.objects.get().content_hash
    _ok(
        _as(signatory).post(url("certify", 1), {"seen_hash": digest, "organisation": pharma_org.pk})
    )
    _ok(lead.post(url("decide", 1), {"seen_hash": digest, "body": "team", "decision": "approve"}))
    for user, org in ((nhs_governance, nhs_org), (governance_member, pharma_org)):
        client = _as(user)
        response = _ok(
            client.post(
                url("decide", 1),
                {"seen_hash": digest, "body": f"committee-{org.pk}", "decision": "approve"},
            )
        )
    message_page = client.get(response["Location"]).content.decode()
    assert "is signed off and applied: the PID is now version 2" in message_page

    assert Pid.objects.get(project=project).exit_strategy == NEW_EXIT
    assert list(PidVersion.objects.filter(project=project).values_list("number", flat=True)) == [
        1,
        2,
    ]
    assert pid_status(project).approved

    history = html.unescape(_as(nhs_governance).get(url("history")).content.decode())
    assert history.index("PID version 1") < history.index("Amendment 1: ")
    assert history.index("Amendment 1: ") < history.index("PID version 2")
    assert "Produced by" in history
    assert f"<del>{OLD_EXIT}</del>" in history
    assert f"<ins>{NEW_EXIT}</ins>" in history
    assert "Meeting schedule" not in history  # unchanged fields are not listed
