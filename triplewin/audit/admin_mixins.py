"""Admin changes are writes too, so they are audited like every service write."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.models import User
from django.db import models, transaction
from django.http import HttpRequest

from triplewin.audit import services as audit
from triplewin.config.forms import GuardedAdminForm


def _fields(obj: models.Model) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.name != "id"]


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


class GuardedInline(admin.TabularInline):  # type: ignore[type-arg]
    """An inline whose rows go through the input guard, like every other form."""

    form = GuardedAdminForm


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    # Admin pages are forms too: the input guard checks what they save (ADR 0011).
    form = GuardedAdminForm

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = audit.snapshot(type(obj).objects.get(pk=obj.pk), _fields(obj)) if change else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            action = "admin.changed" if change else "admin.created"
            changes = audit.diff(before, audit.snapshot(obj, _fields(obj)))
            audit.record(actor=_user(request), action=action, obj=obj, changes=changes)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            audit.record(
                actor=_user(request),
                action="admin.deleted",
                obj=obj,
                changes=audit.diff(audit.snapshot(obj, _fields(obj)), {}),
            )
            super().delete_model(request, obj)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            instances = formset.save(commit=False)
            for deleted in formset.deleted_objects:
                audit.record(actor=_user(request), action="admin.deleted", obj=deleted)
                deleted.delete()
            for instance in instances:
                is_new = instance.pk is None
                instance.save()
                audit.record(
                    actor=_user(request),
                    action="admin.created" if is_new else "admin.changed",
                    obj=instance,
                    changes=audit.diff({}, audit.snapshot(instance, _fields(instance)))
                    if is_new
                    else {},
                )
            formset.save_m2m()
