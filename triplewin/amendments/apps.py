from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.amendments"
    label = "amendments"
    default_auto_field = "django.db.models.BigAutoField"
