from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.documents"
    label = "documents"
    default_auto_field = "django.db.models.BigAutoField"
