from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.submissions"
    label = "submissions"
    default_auto_field = "django.db.models.BigAutoField"
