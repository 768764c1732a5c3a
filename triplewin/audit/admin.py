from django.contrib import admin
from django.http import HttpRequest

from triplewin.audit.models import AuditEvent
from triplewin.config.forms import GuardedAdminForm


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    # Read-only, but guarded like every admin page should it ever allow a change.
    form = GuardedAdminForm[AuditEvent]
    list_display = ("at", "actor_label", "action", "object_type", "object_label")
    list_filter = ("action", "object_type")
    search_fields = ("actor_label", "object_label", "action")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
