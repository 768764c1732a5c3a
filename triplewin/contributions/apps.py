from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.contributions"
    label = "contributions"
    default_auto_field = "django.db.models.BigAutoField"
