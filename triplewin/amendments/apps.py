from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.amendments"
    label = "amendments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from triplewin.amendments.selectors import (
            DOCUMENT,
            VARIATION_DOCUMENT,
            AmendmentVersions,
            VariationVersions,
        )
        from triplewin.signoff import sources

        sources.register(DOCUMENT, AmendmentVersions())
        sources.register(VARIATION_DOCUMENT, VariationVersions())
