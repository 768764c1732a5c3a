from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.outcomes"
    label = "outcomes"
    default_auto_field = "django.db.models.BigAutoField"
