"""`/metrics` for Prometheus, answered only to addresses in METRICS_ALLOWED_IPS (ADR 0037).

Request latency per view comes from django-prometheus's middleware. The task queue's depth and
the reminders sent are read from the database at each scrape, not counted in memory: reminders
are sent by the task workers, which Prometheus does not scrape, and every server and worker
shares the one database, so any server reports the same, exact figures, restarts included.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from triplewin.config.client_ip import client_ip
from triplewin.monitoring import queue
from triplewin.obligations.models import ReminderSent


class SharedState(Collector):
    def collect(self) -> Iterator[Metric]:
        depth = GaugeMetricFamily(
            "triplewin_task_queue_depth", "Tasks waiting for a worker that could run now."
        )
        depth.add_metric([], queue.waiting_count())
        yield depth
        sent = CounterMetricFamily(
            "triplewin_reminders_sent", "Reminder emails sent, by kind.", labels=["kind"]
        )
        for row in ReminderSent.objects.values("kind").annotate(n=Count("id")).order_by("kind"):
            sent.add_metric([row["kind"]], row["n"])
        yield sent


def _process_metrics() -> bytes:
    # Under gunicorn each worker process counts its own requests; with PROMETHEUS_MULTIPROC_DIR
    # set they write to files there and any one of them reports the sum.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    # 404 rather than 403: to anyone else the endpoint does not exist.
    if client_ip(request) not in settings.METRICS_ALLOWED_IPS:
        raise Http404
    shared = CollectorRegistry()
    shared.register(SharedState())
    body = _process_metrics() + generate_latest(shared)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
