from django.contrib import admin
from django.http import HttpRequest

from triplewin.audit.models import AuditEvent, ChainCheck
from triplewin.config.forms import GuardedAdminForm


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """The audit tables are append-only: the admin shows them and changes nothing."""

    # Read-only, but guarded like every admin page should it ever allow a change.
    form = GuardedAdminForm

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object | None = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_label", "action", "object_type", "object_label", "sequence")
    list_filter = ("action", "object_type")
    search_fields = ("actor_label", "object_label", "action")


@admin.register(ChainCheck)
class ChainCheckAdmin(ReadOnlyAdmin):
    list_display = ("day", "verified", "events", "head_sequence", "alerted")
    list_filter = ("verified",)
