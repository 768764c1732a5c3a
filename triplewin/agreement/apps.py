from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.agreement"
    label = "agreement"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from triplewin.agreement.selectors import SIGNATURE_DOCUMENT, AgreementSignatures
        from triplewin.signoff import sources

        sources.register(SIGNATURE_DOCUMENT, AgreementSignatures())
