from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.conflicts"
    label = "conflicts"
    default_auto_field = "django.db.models.BigAutoField"
