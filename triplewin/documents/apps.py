from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.documents"
    label = "documents"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from triplewin.documents.kinds import KINDS
        from triplewin.documents.selectors import DocumentVersions
        from triplewin.signoff import sources

        # Every kind signed off on the documents pages; each needs its requirement set declared
        # in `triplewin.core.signoff.REQUIREMENTS` (a test checks it).
        for kind in KINDS:
            if kind.signed_off_here:
                sources.register(kind.key, DocumentVersions())
