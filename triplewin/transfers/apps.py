from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.transfers"
    label = "transfers"
    default_auto_field = "django.db.models.BigAutoField"
