from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.learning"
    label = "learning"
    default_auto_field = "django.db.models.BigAutoField"
