"""Each organisation's own way in: its OpenID Connect provider and its email domains (ADR 0032)."""

from __future__ import annotations

import os

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from triplewin.organisations.models import Organisation

env_name = RegexValidator(r"^[A-Z][A-Z0-9_]*$", "Use capital letters, digits and underscores.")
domain_name = RegexValidator(
    r"^(?=.{3,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$",
    "Enter a domain like nhs.net, without @ or spaces.",
)


class IdentityProvider(models.Model):
    """An organisation's OpenID Connect provider: Entra ID, NHS CIS2, or any certified one."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="identity_providers"
    )
    # Part of the sign-in addresses (/accounts/oidc/<slug>/login/), so it never changes.
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120, help_text="Shown on the button, e.g. NHS CIS2.")
    issuer = models.URLField(
        max_length=300,
        help_text="The issuer URL; its /.well-known/openid-configuration must answer.",
    )
    client_id = models.CharField(max_length=300)
    # The secret comes from the environment when `client_secret_env` is set, so it need not be
    # in the database; otherwise from `client_secret`.
    client_secret_env = models.CharField(max_length=100, blank=True, validators=[env_name])
    client_secret = models.CharField(max_length=300, blank=True)
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    def clean(self) -> None:
        if not self.client_secret_env and not self.client_secret:
            raise ValidationError(
                "Give the client secret, or the name of the environment variable holding it."
            )

    def secret(self) -> str:
        if self.client_secret_env:
            return os.environ.get(self.client_secret_env, "")
        return self.client_secret


class VerifiedDomain(models.Model):
    """An email domain the organisation has shown it owns."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="verified_domains"
    )
    # Not unique: nhs.net is NHSmail's national domain, which many organisations use.
    domain = models.CharField(max_length=253, validators=[domain_name])
    # Whether a first sign-in through the organisation's provider may make a new account
    # (with no rights); otherwise only existing accounts are linked.
    allow_account_creation = models.BooleanField(default=False)

    class Meta:
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "domain"], name="accounts_one_domain_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.domain
