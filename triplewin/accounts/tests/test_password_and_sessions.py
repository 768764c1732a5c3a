"""Password reset and change by email, and the list of where a person is signed in."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db

RESET = "/accounts/password/reset/"
PASSWORD = "a-long-test-password"


def test_the_reset_page_answers_the_same_for_any_address(nhs_lead: Any) -> None:
    known = Client().post(RESET, {"email": nhs_lead.email}, follow=True)
    unknown = Client().post(RESET, {"email": "nobody@example.test"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain

    def text(response: Any) -> str:
        main = response.content.decode().split('id="maincontent"')[1]
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))

    assert text(known) == text(unknown)
    # Only the registered address is written to; a stranger's gets nothing.
    assert [m.to for m in mail.outbox] == [[nhs_lead.email]]


def test_the_emailed_link_sets_a_new_password(nhs_lead: Any) -> None:
    Client().post(RESET, {"email": nhs_lead.email})
    link = re.search(
        r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", str(mail.outbox[0].body)
    )
    assert link
    client = Client()
    form = client.get(link.group(1), follow=True)
    action = form.redirect_chain[-1][0] if form.redirect_chain else link.group(1)
    new = "a-brand-new-long-password"
    done = client.post(action, {"password1": new, "password2": new})
    assert done.status_code == 302
    assert (
        Client().post("/accounts/sign-in/", {"login": nhs_lead.email, "password": new}).status_code
        == 302
    )
    old = Client().post("/accounts/sign-in/", {"login": nhs_lead.email, "password": PASSWORD})
    assert old.status_code == 200


def test_changing_the_password_needs_the_old_one(nhs_lead: Any) -> None:
    client = Client()
    client.post("/accounts/sign-in/", {"login": nhs_lead.email, "password": PASSWORD})
    new = "another-long-new-password"
    wrong = client.post(
        "/accounts/password/change/",
        {"oldpassword": "not-it", "password1": new, "password2": new},
    )
    assert wrong.status_code == 200
    right = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert right.status_code == 302
    nhs_lead.refresh_from_db()
    assert nhs_lead.check_password(new)


def test_a_person_signs_out_of_their_other_sessions(nhs_lead: Any, outsider: Any) -> None:
    laptop, phone, someone_else = Client(), Client(), Client()
    for client, user in ((laptop, nhs_lead), (phone, nhs_lead), (someone_else, outsider)):
        client.post("/accounts/sign-in/", {"login": user.email, "password": PASSWORD})
    listing = laptop.get("/accounts/sessions/")
    assert listing.status_code == 200
    assert len(listing.context["sessions"]) == 2
    laptop.post("/accounts/sessions/", {"action": "sign_out_others"})
    assert laptop.get("/projects/").status_code == 200
    assert phone.get("/projects/").status_code == 302
    assert someone_else.get("/projects/").status_code == 200


def test_the_sessions_page_needs_a_sign_in(client: Any) -> None:
    response = client.get("/accounts/sessions/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/sign-in/")
