"""A create form saves once per token; a bad token is explained next to the form."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from triplewin.audit.models import AuditEvent
from triplewin.contributions.models import Contribution
from triplewin.submissions import services, tokens
from triplewin.submissions.models import SpentToken
from triplewin.submissions.once import ALREADY_SAVED, saving_once
from triplewin.submissions.tests.conftest import contribution, token_on

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_page_gives_a_token_and_a_second_post_of_it_saves_nothing(
    client_for, approved, add_url, nhs_org
):
    client = client_for("nhs_lead")
    data = contribution(nhs_org, submission_token=token_on(client, add_url))

    first = client.post(add_url, data)
    again = client.post(add_url, data)

    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert ALREADY_SAVED in _messages(again)
    assert Contribution.objects.filter(project=approved).count() == 1
    assert AuditEvent.objects.filter(action="contribution.added").count() == 1
    spent = SpentToken.objects.get()
    assert spent.redirect_to == first["Location"]
    assert spent.purpose == add_url


def test_each_page_load_gives_a_new_token_so_two_forms_save_two_rows(
    client_for, approved, add_url, nhs_org
):
    client = client_for("nhs_lead")
    for _ in range(2):
        data = contribution(nhs_org, submission_token=token_on(client, add_url))
        assert client.post(add_url, data).status_code == 302
    assert Contribution.objects.filter(project=approved).count() == 2


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("", id="missing"),
        pytest.param("not-a-token", id="garbage"),
        pytest.param("forged", id="tampered signature"),
        pytest.param("other-user", id="made for someone else"),
        pytest.param("other-form", id="made for another form"),
    ],
)
def test_a_bad_token_is_explained_next_to_the_form_and_nothing_is_saved(
    client_for, approved, add_url, nhs_org, nhs_lead, industry_lead, token
):
    client = client_for("nhs_lead")
    genuine = token_on(client, add_url)
    raw = {
        "": "",
        "not-a-token": "not-a-token",
        "forged": genuine[:-3] + ("aaa" if not genuine.endswith("aaa") else "bbb"),
        "other-user": tokens.mint(user_id=industry_lead.pk, purpose=add_url),
        "other-form": tokens.mint(
            user_id=nhs_lead.pk, purpose=reverse("meetings:create", args=[approved.pk])
        ),
    }[token]

    response = client.post(add_url, contribution(nhs_org, submission_token=raw))

    body = response.content.decode()
    assert response.status_code == 400
    assert "This form could not be checked, so nothing has been saved." in body
    assert "Specialist nurse clinics" in body, "the person's answers are kept"
    assert not Contribution.objects.exists()
    assert not SpentToken.objects.exists()
    # The page comes back with a fresh token, so sending it again works.
    fresh = body.split(f'name="{tokens.FIELD}" value="')[1].split('"')[0]
    assert client.post(add_url, contribution(nhs_org, submission_token=fresh)).status_code == 302
    assert Contribution.objects.count() == 1


def test_an_expired_token_says_so_and_saves_nothing(
    client_for, approved, add_url, nhs_org, nhs_lead, monkeypatch
):
    a_day_ago = time.time() - tokens.MAX_AGE.total_seconds() - 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: a_day_ago)
    old = tokens.mint(user_id=nhs_lead.pk, purpose=add_url)
    monkeypatch.undo()

    response = client_for("nhs_lead").post(add_url, contribution(nhs_org, submission_token=old))

    assert response.status_code == 400
    assert "This form was opened more than a day ago and has expired." in (
        response.content.decode()
    )
    assert not Contribution.objects.exists()


def test_a_save_that_fails_leaves_the_token_for_another_try(
    client_for, approved, add_url, nhs_org, other_org
):
    client = client_for("nhs_lead")
    token = token_on(client, add_url)

    refused = client.post(add_url, contribution(other_org, submission_token=token))
    assert refused.status_code == 400
    assert not SpentToken.objects.exists()

    saved = client.post(add_url, contribution(nhs_org, submission_token=token))
    assert saved.status_code == 302
    assert ALREADY_SAVED not in _messages(saved)
    assert Contribution.objects.count() == 1


def test_a_replayed_token_is_answered_before_the_form_is_checked_again(
    client_for, approved, add_url, nhs_org
):
    # The second copy may no longer be valid (here: delivery has started since), but it was
    # saved once, so the person hears that, not an error about the form.
    client = client_for("nhs_lead")
    data = contribution(nhs_org, submission_token=token_on(client, add_url))
    assert client.post(add_url, data).status_code == 302
    approved.state = "in_delivery"
    approved.save(update_fields=["state"])

    again = client.post(add_url, data)

    assert again.status_code == 302
    assert ALREADY_SAVED in _messages(again)


def test_a_view_error_after_spending_rolls_the_token_back(
    client_for, approved, add_url, nhs_org, monkeypatch
):
    from triplewin.contributions import services as contributions

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(contributions, "contribution_add", broken)
    client = client_for("nhs_lead")
    client.raise_request_exception = False
    token = token_on(client, add_url)
    assert client.post(add_url, contribution(nhs_org, submission_token=token)).status_code == 500
    assert not SpentToken.objects.exists()
    monkeypatch.undo()
    assert client.post(add_url, contribution(nhs_org, submission_token=token)).status_code == 302


def test_a_spent_token_found_without_a_target_goes_back_to_the_form(
    client_for, approved, add_url, nhs_org, nhs_lead
):
    client = client_for("nhs_lead")
    token = token_on(client, add_url)
    nonce = tokens.nonce_of(token, user_id=nhs_lead.pk, purpose=add_url)
    SpentToken.objects.create(
        nonce=nonce, user=nhs_lead, purpose=add_url, redirect_to="https://elsewhere.test/"
    )

    response = client.post(add_url, contribution(nhs_org, submission_token=token))

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == add_url
    assert not Contribution.objects.exists()


def test_old_spent_tokens_are_forgotten(nhs_lead):
    from django.utils import timezone

    old = SpentToken.objects.create(
        nonce="old", user=nhs_lead, purpose="/x/", used_at=timezone.now() - tokens.MAX_AGE * 2
    )
    recent = SpentToken.objects.create(nonce="recent", user=nhs_lead, purpose="/x/")

    assert services.spent_tokens_prune() == 1
    assert list(SpentToken.objects.all()) == [recent]
    assert old.pk not in SpentToken.objects.values_list("pk", flat=True)


def test_saving_once_does_nothing_outside_a_one_time_view(rf):
    request = rf.post("/anywhere/")
    with saving_once(request):
        pass


def test_a_copy_whose_form_fails_after_the_first_saved_is_told_it_was_saved(
    client_for, approved, add_url, nhs_org, monkeypatch
):
    # The copy is checked before the first commits (the first look finds nothing), and its
    # form no longer passes by the time it is answered: it still hears that it was saved.
    client = client_for("nhs_lead")
    data = contribution(nhs_org, submission_token=token_on(client, add_url))
    assert client.post(add_url, data).status_code == 302
    found = services.spent_token
    looks: list[str] = []

    def first_look_misses(*, nonce):
        looks.append(nonce)
        return None if len(looks) == 1 else found(nonce=nonce)

    monkeypatch.setattr(services, "spent_token", first_look_misses)

    again = client.post(add_url, {**data, "description": ""})

    assert len(looks) == 2
    assert again.status_code == 302
    assert ALREADY_SAVED in _messages(again)
    assert Contribution.objects.count() == 1
