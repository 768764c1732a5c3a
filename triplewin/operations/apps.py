from django.apps import AppConfig


class Config(AppConfig):
    """Running the service: where private files are stored, and backups that restore."""

    name = "triplewin.operations"
    label = "operations"
    default_auto_field = "django.db.models.BigAutoField"
