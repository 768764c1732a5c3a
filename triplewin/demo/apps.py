from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.demo"
    label = "demo"
    default_auto_field = "django.db.models.BigAutoField"
