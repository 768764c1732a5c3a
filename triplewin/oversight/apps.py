from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.oversight"
    label = "oversight"
    default_auto_field = "django.db.models.BigAutoField"
