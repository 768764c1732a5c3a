from django.urls import path

from triplewin.monitoring import health, metrics, views

app_name = "monitoring"

urlpatterns = [
    path("health/live", health.live, name="live"),
    path("health/ready", health.ready, name="ready"),
    path("metrics", metrics.metrics, name="metrics"),
    path("background-work/", views.background_work, name="background-work"),
    path("background-work/<uuid:task_id>/retry", views.retry, name="retry"),
]
