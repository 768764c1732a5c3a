from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.pid"
    label = "pid"
    default_auto_field = "django.db.models.BigAutoField"
