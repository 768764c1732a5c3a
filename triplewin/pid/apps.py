from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.pid"
    label = "pid"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from triplewin.pid.selectors import DOCUMENT, PidVersions
        from triplewin.signoff import sources

        sources.register(DOCUMENT, PidVersions())
