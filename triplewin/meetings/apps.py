from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.meetings"
    label = "meetings"
    default_auto_field = "django.db.models.BigAutoField"
