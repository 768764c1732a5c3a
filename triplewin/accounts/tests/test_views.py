from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_sign_in_and_out(client, nhs_lead):
    response = client.post(
        reverse("accounts:sign-in"),
        {"login": nhs_lead.username, "password": "a-long-test-password"},
    )
    assert response.status_code == 302
    assert response.url == reverse("partnerships:list")
    assert client.get(reverse("partnerships:list")).status_code == 200
    client.post(reverse("accounts:sign-out"))
    assert client.get(reverse("partnerships:list")).status_code == 302


def test_wrong_password_message(client, nhs_lead):
    response = client.post(
        reverse("accounts:sign-in"), {"login": nhs_lead.username, "password": "wrong"}
    )
    assert response.status_code == 200
    assert "The email address or password is not right" in response.content.decode()


def test_empty_sign_in_messages(client):
    body = client.post(reverse("accounts:sign-in"), {}).content.decode()
    assert "Enter your email address." in body
    assert "Enter your password." in body


def test_sign_in_page_for_anonymous(client):
    response = client.get(reverse("accounts:sign-in"))
    assert response.status_code == 200
    assert "Content-Security-Policy" in response.headers


def test_redirects_to_safe_next_only(client, nhs_lead):
    response = client.post(
        reverse("accounts:sign-in") + "?next=https://evil.example/",
        {
            "login": nhs_lead.username,
            "password": "a-long-test-password",
            "next": "https://evil.example/",
        },
    )
    assert response.url == reverse("partnerships:list")


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_passwords_are_hashed_with_argon2():
    user = get_user_model().objects.create_user(
        "argon@example.test", password="a-long-test-password"
    )
    assert identify_hasher(user.password).algorithm == "argon2"


def test_production_settings_use_argon2_first():
    from triplewin.config import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_the_inline_script_carries_the_nonce_the_policy_names(client):
    response = client.get(reverse("accounts:sign-in"))
    policy = response.headers["Content-Security-Policy"]
    nonce = re.search(r"script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'", policy)
    assert nonce, policy
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", response.content.decode())
    assert scripts
    assert all(f'nonce="{nonce.group(1)}"' in tag for tag in scripts), scripts
    assert "'nonce'" not in policy
