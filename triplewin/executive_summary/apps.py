from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.executive_summary"
    label = "executive_summary"
    default_auto_field = "django.db.models.BigAutoField"
