"""gunicorn settings for Triple Win's app servers (README "Production", ADR 0037).

Start one app server with `gunicorn triplewin.config.wsgi`; every value below can be changed
through the environment variable named beside it.
"""

from __future__ import annotations

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# The usual (2 x cores) + 1: requests wait on the database about as long as they compute.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
# Uploads that parse large files finish well inside this (issue 18); anything slower is stuck.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Restarting each worker after a few thousand requests bounds slow memory growth; the jitter
# keeps the workers from all restarting at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Load the app before forking: faster worker start, shared memory pages, and an import error
# stops the server at once instead of in every worker.
preload_app = True
# Headers from the proxy are trusted only from these addresses (comma-separated).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs to standard output, for the platform's log collector. The access log is one JSON object
# per request; the app's own lines are JSON too (django-structlog) and carry the same request id.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '{"event": "access", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
    '"status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s, '
    '"request_id": "%({x-request-id}o)s", "user_agent": "%(a)s"}'
)


def child_exit(server: object, worker: object) -> None:
    # With several workers, Prometheus counts live in files under PROMETHEUS_MULTIPROC_DIR;
    # a dead worker's live gauges are removed so they are not summed for ever.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined,no-untyped-call]
