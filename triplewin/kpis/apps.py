from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.kpis"
    label = "kpis"
    default_auto_field = "django.db.models.BigAutoField"
