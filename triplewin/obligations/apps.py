from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.obligations"
    label = "obligations"
    default_auto_field = "django.db.models.BigAutoField"
