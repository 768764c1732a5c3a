from django.apps import AppConfig


class Config(AppConfig):
    name = "triplewin.monitoring"
    label = "monitoring"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from triplewin.monitoring import logs

        logs.connect_task_signals()
