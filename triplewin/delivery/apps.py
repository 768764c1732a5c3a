from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.delivery"
    label = "delivery"
    default_auto_field = "django.db.models.BigAutoField"
