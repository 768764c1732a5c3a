from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.signoff"
    label = "signoff"
    verbose_name = "Sign-off"
    default_auto_field = "django.db.models.BigAutoField"
