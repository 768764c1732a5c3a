from django.urls import path

from triplewin.monitoring import health, metrics

app_name = "monitoring"

urlpatterns = [
    path("health/live", health.live, name="live"),
    path("health/ready", health.ready, name="ready"),
    path("metrics", metrics.metrics, name="metrics"),
]
