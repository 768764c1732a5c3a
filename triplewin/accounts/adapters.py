"""django-allauth adapters: our words, our client address, and each organisation's provider.

Identity providers live in `accounts.IdentityProvider`, one row per organisation's provider.
`list_apps` turns the enabled ones into allauth's OpenID Connect apps on each request, unsaved,
so there is one record of a provider, and its secret can stay in the environment (ADR 0032).
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp, SocialLogin
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from triplewin.accounts import linking
from triplewin.accounts.models import IdentityProvider
from triplewin.config.client_ip import client_ip

OPENID_CONNECT = "openid_connect"


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": (
            "The email address or password is not right. Check them and try again."
        ),
        "too_many_login_attempts": "Too many failed sign-ins. Try again in 15 minutes.",
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Nobody signs up with a password: people are invited, or arrive through their
        # organisation's provider (`linking.first_sign_in`).
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Setting up the first authenticator right after signing in asks for nothing more, so a
        person sent to set it up (middleware) is not asked for their password twice, and one
        who signs in only through their organisation's provider, with no password, can set it
        up at all. Changing or removing two-factor later asks again."""
        if app == "allauth.mfa":
            from allauth.core import context
            from allauth.mfa.models import Authenticator

            user = getattr(context.request, "user", None)
            if user is not None and user.is_authenticated:
                has_factor = Authenticator.objects.filter(user_id=user.pk).exists()
                if not has_factor or not user.has_usable_password():
                    return False
        return bool(super().is_reauthentication_required(app=app, **kwargs))

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_ip(request)

    def populate_username(self, request: HttpRequest, user: AbstractBaseUser) -> None:
        # The email address is the username throughout Triple Win.
        email = getattr(user, "email", "")
        if email:
            user.username = email.lower()  # type: ignore[attr-defined]


def provider_app(provider: IdentityProvider) -> SocialApp:
    return SocialApp(
        provider=OPENID_CONNECT,
        provider_id=provider.slug,
        name=provider.name,
        client_id=provider.client_id,
        secret=provider.secret(),
        settings={"server_url": provider.issuer.rstrip("/")},
    )


def refused(request: HttpRequest, message: str, *, status: int = 403) -> HttpResponse:
    return render(
        request,
        "accounts/sso_refused.jinja",
        {"page_title": "You cannot sign in this way", "nav": "sign-in", "message": message},
        status=status,
    )


PROVIDER_DOWN = (
    "Your organisation's sign-in service is not answering. Try again in a few minutes, or sign "
    "in with your password."
)
PROVIDER_ERROR = (
    "Your organisation's sign-in service did not sign you in. If your account there has been "
    "switched off or you are not allowed to use Triple Win, ask your IT service desk."
)
WRONG_ISSUER = (
    "The sign-in came back from a different service, or for a different organisation, from "
    "the one set up for {provider}. Ask your organisation's administrator to check it."
)


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": "The code is not right. Check your authenticator app and try again.",
    }


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(
        self, request: HttpRequest, provider: Any = None, client_id: Any = None
    ) -> list[SocialApp]:
        rows = IdentityProvider.objects.filter(enabled=True).select_related("organisation")
        if provider not in (None, OPENID_CONNECT):
            rows = rows.filter(slug=provider)
        if client_id:
            rows = rows.filter(client_id=client_id)
        return [provider_app(row) for row in rows]

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        # Accounts are made by `linking.first_sign_in`, never by allauth's sign-up form.
        return False

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        provider = IdentityProvider.objects.select_related("organisation").get(
            slug=sociallogin.account.provider
        )
        # Entra ID answers for many tenants at one address: the ID token must come from the
        # issuer this organisation set up, or it is someone else's tenant.
        id_token = (sociallogin.account.extra_data or {}).get("id_token") or {}
        if str(id_token.get("iss", "")).rstrip("/") != provider.issuer.rstrip("/"):
            raise ImmediateHttpResponse(
                refused(request, WRONG_ISSUER.format(provider=provider.name))
            )
        if sociallogin.is_existing:
            if not sociallogin.user.is_active:
                raise ImmediateHttpResponse(refused(request, linking.SWITCHED_OFF))
            return
        email = sociallogin.email_addresses[0] if sociallogin.email_addresses else None
        names = sociallogin.user
        decided = linking.first_sign_in(
            provider=provider,
            email=email.email if email else "",
            email_verified=bool(email and email.verified),
            first_name=getattr(names, "first_name", "") or "",
            last_name=getattr(names, "last_name", "") or "",
        )
        if decided.outcome == linking.Outcome.REFUSED or decided.user is None:
            raise ImmediateHttpResponse(refused(request, decided.reason))
        sociallogin.connect(request, decided.user)
        linking.account_linked(user=decided.user, provider=provider, uid=sociallogin.account.uid)

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: Any = None,
        exception: Any = None,
        extra_context: Any = None,
    ) -> None:
        from requests import RequestException

        if isinstance(exception, RequestException):
            raise ImmediateHttpResponse(refused(request, PROVIDER_DOWN, status=502))
        raise ImmediateHttpResponse(refused(request, PROVIDER_ERROR))
