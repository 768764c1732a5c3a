from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.scoping"
    label = "scoping"
    default_auto_field = "django.db.models.BigAutoField"
