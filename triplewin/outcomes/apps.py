from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.outcomes"
    label = "outcomes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from triplewin.outcomes.selectors import DOCUMENT, SOURCE
        from triplewin.signoff import sources

        sources.register(DOCUMENT, SOURCE)
