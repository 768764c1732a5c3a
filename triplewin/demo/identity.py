"""The demo's identity set-up (ADR 0032): two-factor for the people whose roles need it, and
NHS Lincolnshire ICB signing in through the local test provider (`npm run oidc`).

Everything here is published demo data, not a secret. `make run` works without the provider:
its button then says plainly that the sign-in service is not answering.
"""

from __future__ import annotations

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import User

from triplewin.accounts import services, two_factor
from triplewin.organisations.models import Organisation

# Add it to an authenticator app, or read the current code from `manage.py demo_sign_ins`.
DEMO_TOTP_SECRET = "KRZGS4DMMVLWS3RAIRSW233EMVWW6ICU"  # noqa: S105 - published demo data.
SSO_ORGANISATION = "lincs_icb"
SSO_SLUG = "lincolnshire-icb"
SSO_ISSUER = "http://127.0.0.1:9000"  # `npm run oidc` (tests/oidc/server.mjs) listens here.
SSO_CLIENT_ID = "triplewin"
SSO_CLIENT_SECRET = "triplewin-local-test-secret"  # noqa: S105 - the local test provider's.
SSO_DOMAIN = "lincolnshire-icb.example"


def current_code() -> str:
    return str(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30)))


def needs_code(user: User) -> bool:
    return bool(Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists())


def load_identity(admin: User, users: dict[str, User], orgs: dict[str, Organisation]) -> None:
    for user in users.values():
        if two_factor.required(user) and not needs_code(user):
            TOTP.activate(user, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(user)
    icb = orgs[SSO_ORGANISATION]
    services.identity_provider_create(
        actor=admin,
        organisation=icb,
        slug=SSO_SLUG,
        name="Local test sign-in service",
        issuer=SSO_ISSUER,
        client_id=SSO_CLIENT_ID,
        client_secret=SSO_CLIENT_SECRET,
    )
    services.verified_domain_create(
        actor=admin, organisation=icb, domain=SSO_DOMAIN, allow_account_creation=True
    )
