from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.concept"
    label = "concept"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from triplewin.concept.selectors import DOCUMENT, ConceptVersions
        from triplewin.signoff import sources

        sources.register(DOCUMENT, ConceptVersions())
