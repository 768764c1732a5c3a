from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.executive_summary"
    label = "executive_summary"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from triplewin.executive_summary.selectors import DOCUMENT, SOURCE
        from triplewin.signoff import sources

        sources.register(DOCUMENT, SOURCE)
