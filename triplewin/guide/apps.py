from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.guide"
    label = "guide"
    default_auto_field = "django.db.models.BigAutoField"
