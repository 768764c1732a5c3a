"""Every benchmark measures production mode (`DEBUG=false`), as the brief asks.

Debug mode keeps every query in memory, serves static files through the finders and renders
error pages with their tracebacks: it is slower, and not what users get. The only setting a
benchmark relaxes is the secret key, which production must be given and a benchmark may make up.

`BENCH_DEBUG=true` runs the same benchmark in debug mode instead. That exists for one table
only: the README's comparison of each figure in both modes (issue 18, part 7). A target met in
debug mode means nothing, so every report made that way says so in its first line.
"""

from __future__ import annotations

import os

DEBUG_COMPARISON = os.environ.get("BENCH_DEBUG", "").strip().lower() in {"1", "true", "yes"}

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "triplewin.config.settings",
    "DEBUG": "true" if DEBUG_COMPARISON else "false",
    # A throwaway key for throwaway databases; production refuses to start without its own.
    "SECRET_KEY": "benchmark-only-key-never-used-outside-make-bench",
    # One log line per request would bury the figures (and writing them costs time too).
    "LOG_LEVEL": "WARNING",
}


def mode_line() -> str:
    """The first line of every report: which mode the figures are for."""
    if DEBUG_COMPARISON:
        return "!! DEBUG MODE (BENCH_DEBUG=true): for the comparison table only, not a measurement"
    return "Production mode (DEBUG=false)"


def print_report(lines: list[str]) -> None:
    """A benchmark's report when it is run alone: which mode it measured, as `make bench`
    says, then its lines."""
    print(mode_line(), *lines, sep="\n")


def configure() -> None:
    """Production settings for this process, unless the caller set them on purpose."""
    for name, value in PRODUCTION.items():
        os.environ.setdefault(name, value)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a benchmark's child process: this one's, in production mode."""
    return {**os.environ, **PRODUCTION, **extra}
