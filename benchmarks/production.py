"""Every benchmark measures production mode (`DEBUG=false`), as the brief asks.

Debug mode keeps every query in memory, serves static files through the finders and renders
error pages with their tracebacks: it is slower, and not what users get. The only setting a
benchmark relaxes is the secret key, which production must be given and a benchmark may make up.
"""

from __future__ import annotations

import os

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "triplewin.config.settings",
    "DEBUG": "false",
    # A throwaway key for throwaway databases; production refuses to start without its own.
    "SECRET_KEY": "benchmark-only-key-never-used-outside-make-bench",
    # One log line per request would bury the figures (and writing them costs time too).
    "LOG_LEVEL": "WARNING",
}


def configure() -> None:
    """Production settings for this process, unless the caller set them on purpose."""
    for name, value in PRODUCTION.items():
        os.environ.setdefault(name, value)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a benchmark's child process: this one's, in production mode."""
    return {**os.environ, **PRODUCTION, **extra}
