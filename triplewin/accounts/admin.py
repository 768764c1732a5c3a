"""A platform administrator sets up each organisation's provider and domains (ADR 0032)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest

from triplewin.accounts import services
from triplewin.accounts.models import IdentityProvider, VerifiedDomain
from triplewin.audit import services as audit
from triplewin.audit.admin_mixins import AuditedAdmin


@admin.register(IdentityProvider)
class IdentityProviderAdmin(AuditedAdmin):
    list_display = ("name", "organisation", "issuer", "enabled")
    list_filter = ("enabled",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # As AuditedAdmin, but the secret itself never reaches the audit trail.
        stored = IdentityProvider.objects.get(pk=obj.pk) if change else None
        before = audit.snapshot(stored, services.PROVIDER_FIELDS) if stored else {}
        with transaction.atomic():
            obj.save()
            services.provider_audit(
                actor=request.user if isinstance(request.user, User) else None,
                provider=obj,
                before=before,
                secret_before=stored.client_secret if stored else "",
            )


@admin.register(VerifiedDomain)
class VerifiedDomainAdmin(AuditedAdmin):
    list_display = ("domain", "organisation", "allow_account_creation")
