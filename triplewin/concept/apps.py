from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.concept"
    label = "concept"
    default_auto_field = "django.db.models.BigAutoField"
