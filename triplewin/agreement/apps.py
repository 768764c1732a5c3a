from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.agreement"
    label = "agreement"
    default_auto_field = "django.db.models.BigAutoField"
