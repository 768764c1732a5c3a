from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from triplewin.audit.admin_mixins import AuditedAdmin, GuardedInline
from triplewin.organisations.models import Membership, Organisation


class MembershipInline(GuardedInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        # Leavers too: their memberships are kept for history (ADR 0033).
        return Membership.records.all()


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    # A website typed without a scheme is taken as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "org_type", "ods_code", "is_legal_entity", "system")
    list_filter = ("org_type", "is_legal_entity")
    search_fields = ("name", "ods_code")
    inlines = (MembershipInline,)
