from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.notifications"
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"
