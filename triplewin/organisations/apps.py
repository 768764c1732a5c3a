from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.organisations"
    label = "organisations"
    default_auto_field = "django.db.models.BigAutoField"
