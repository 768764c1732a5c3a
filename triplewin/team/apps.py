from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.team"
    label = "team"
    default_auto_field = "django.db.models.BigAutoField"
