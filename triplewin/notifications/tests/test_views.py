"""The email choices pages: as each role, and through an email's link without signing in."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.roles import ROLES
from triplewin.core.notifications import Choice, Kind
from triplewin.notifications import tokens
from triplewin.notifications.services import choices_of
from triplewin.notifications.tokens import make_token

pytestmark = pytest.mark.django_db
URL = reverse("notifications:choices")
ALL_IMMEDIATE = {k.value: "immediate" for k in Kind}


def _values(html: str, name: str) -> list[str]:
    """The values of the radio buttons named `name` on the page."""
    tags = [t for t in re.findall(r"<input[^>]*>", html) if f'name="{name}"' in t]
    return [re.search(r'value="([^"]*)"', t).group(1) for t in tags]  # type: ignore[union-attr]


def _link(token: str) -> str:
    return reverse("notifications:by-link", args=[token])


@pytest.mark.parametrize("role", ROLES)
def test_each_signed_in_person_sees_and_changes_their_own_choices(client_for, roles, role):
    client = client_for(role)
    response = client.get(URL)
    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("accounts:sign-in") in response["Location"]
        assert client.post(URL, {**ALL_IMMEDIATE, "actions": "off"}).status_code == 302
        return
    assert response.status_code == 200
    text = response.content.decode()
    assert "Email choices" in text
    assert 'value="off"' in text  # offered for the kinds that may be switched off
    response = client.post(URL, {**ALL_IMMEDIATE, "actions": "weekly", "approvals": "off"})
    assert response.status_code == 302
    chosen = choices_of(roles[role])
    assert chosen[Kind.ACTIONS] is Choice.WEEKLY
    assert chosen[Kind.APPROVALS] is Choice.OFF
    # Nobody else's choices moved.
    others = [u for r, u in roles.items() if u is not None and r != role]
    assert all(choices_of(u)[Kind.ACTIONS] is Choice.IMMEDIATE for u in others)


def test_the_header_links_to_email_choices_when_signed_in(client_for):
    page = client_for("team_member").get(reverse("conflicts:register")).content.decode()
    assert f'href="{URL}"' in page
    public = client_for("anonymous").get(reverse("register:index")).content.decode()
    assert f'href="{URL}"' not in public


def test_switching_deadlines_off_is_refused_in_plain_words(client_for, nhs_lead):
    response = client_for("nhs_lead").post(URL, {**ALL_IMMEDIATE, "deadlines": "off"})
    assert response.status_code == 400
    assert "cannot be switched off" in response.content.decode()
    assert choices_of(nhs_lead)[Kind.DEADLINES] is Choice.IMMEDIATE


def test_the_deadlines_question_offers_no_off(client_for):
    html = client_for("nhs_lead").get(URL).content.decode()
    assert _values(html, "deadlines") == ["immediate", "daily", "weekly"]
    assert _values(html, "actions") == ["immediate", "daily", "weekly", "off"]


@pytest.mark.parametrize("role", ROLES)
def test_a_link_changes_only_its_persons_one_kind_whoever_opens_it(client_for, nhs_lead, role):
    token = make_token(nhs_lead, Kind.ACTIONS)
    client = client_for(role)
    page = client.get(_link(token))
    assert page.status_code == 200
    html = page.content.decode()
    assert _values(html, "actions") == ["immediate", "daily", "weekly", "off"]
    assert [_values(html, k) for k in ("deadlines", "approvals", "declarations")] == [[], [], []]
    # Opening the link changes nothing; only sending the form does.
    assert choices_of(nhs_lead)[Kind.ACTIONS] is Choice.IMMEDIATE
    response = client.post(_link(token), {"actions": "off", "approvals": "off"})
    assert response.status_code == 200
    assert "Your email choices are saved" in response.content.decode()
    chosen = choices_of(nhs_lead)
    assert chosen[Kind.ACTIONS] is Choice.OFF
    assert chosen[Kind.APPROVALS] is Choice.IMMEDIATE


def test_a_deadlines_link_cannot_switch_them_off(nhs_lead):
    token = make_token(nhs_lead, Kind.DEADLINES)
    response = Client().post(_link(token), {"deadlines": "off"})
    assert response.status_code == 400
    assert "cannot be switched off" in response.content.decode()
    assert Client().post(_link(token), {"deadlines": "weekly"}).status_code == 200
    assert choices_of(nhs_lead)[Kind.DEADLINES] is Choice.WEEKLY


def test_a_tampered_link_changes_nothing(nhs_lead, industry_lead):
    token = make_token(nhs_lead, Kind.ACTIONS)
    # Swap in someone else's id while keeping the signature: refused.
    forged = signing.dumps({"u": industry_lead.pk, "k": "actions"}, salt="another purpose")
    for bad in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), forged, "nonsense"):
        response = Client().post(_link(bad), {"actions": "off"})
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert choices_of(nhs_lead)[Kind.ACTIONS] is Choice.IMMEDIATE
    assert choices_of(industry_lead)[Kind.ACTIONS] is Choice.IMMEDIATE


def test_an_expired_link_says_so(nhs_lead, monkeypatch):
    token = make_token(nhs_lead, Kind.ACTIONS)
    later = timezone.now() + tokens.MAX_AGE + dt.timedelta(minutes=1)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    response = Client().post(_link(token), {"actions": "off"})
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert choices_of(nhs_lead)[Kind.ACTIONS] is Choice.IMMEDIATE


def test_a_link_still_works_within_the_year(nhs_lead, monkeypatch):
    token = make_token(nhs_lead, Kind.ACTIONS)
    later = timezone.now() + tokens.MAX_AGE - dt.timedelta(days=1)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    assert Client().get(_link(token)).status_code == 200


def test_a_leavers_link_no_longer_works(nhs_lead):
    token = make_token(nhs_lead, Kind.ACTIONS)
    nhs_lead.is_active = False
    nhs_lead.save()
    assert Client().get(_link(token)).status_code == 400


def test_the_link_in_an_email_opens_the_page(nhs_lead: Any):
    from django.core import mail

    from triplewin.notifications.services import notify

    notify(user=nhs_lead, kind=Kind.APPROVALS, subject="S", body="B")
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = url.split("://", 1)[1].split("/", 1)[1]
    response = Client().post("/" + path, {"approvals": "daily"})
    assert response.status_code == 200
    assert choices_of(nhs_lead)[Kind.APPROVALS] is Choice.DAILY
