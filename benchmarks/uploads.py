"""Hostile uploads benchmark: how long each takes to be refused, and the memory it costs.

`run()` returns report lines for benchmarks/run.py to print; `python -m benchmarks.uploads`
runs it alone. Each file from tests/hostile_files.py is refused the way its upload is: a
measurements file through `kpi_files.read`, a case study file through `interchange.read`, a
signed agreement through `agreement.pdf.pdf_problem`. No database is involved: every check
runs before a transaction opens (ADR 0016), so this is the time a worker spends on the file.
Target: every refusal in under 2 s (the slowest of a few runs), with its expected message.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
import tracemalloc
from collections.abc import Callable

RUNS = int(os.environ.get("BENCH_UPLOAD_RUNS", "3"))
TARGET_S = 2.0


def _cases() -> list[tuple[str, bytes, Callable[[bytes], str | None], str]]:
    from tests import hostile_files as hostile
    from triplewin.agreement.pdf import pdf_problem
    from triplewin.core import kpi_files
    from triplewin.core.library import interchange
    from triplewin.core.library.records import FIELDS

    def measurements(content: bytes) -> str | None:
        return kpi_files.read(
            content, sites={}, frequency=kpi_files.Frequency.MONTHLY, today=dt.date(2025, 1, 1)
        ).problem

    def case_studies(name: str) -> Callable[[bytes], str | None]:
        def read(content: bytes) -> str | None:
            try:
                interchange.read(content, filename=name)
            except interchange.FileProblem as problem:
                return str(problem)
            return None

        return read

    def agreement(content: bytes) -> str | None:
        return pdf_problem(content, max_bytes=10 * 1024 * 1024)

    rows = "more than 100,000 rows, counting blank ones"
    complex_pdf = "would take too long to read"
    return [
        ("xlsx, 3 million blank rows", hostile.blank_rows_xlsx(), measurements, rows),
        ("xlsx, one row at 1,048,576", hostile.far_row_xlsx(), measurements, rows),
        ("xlsx, 10 MB table of text", hostile.shared_strings_xlsx(), measurements, "shared"),
        ("xlsx, 100 MB zip bomb", hostile.zip_bomb_xlsx(), measurements, "zip bomb"),
        ("csv, 2.4 million lines", hostile.long_csv(), measurements, rows),
        ("json, 100,000 deep", hostile.nested_json(), case_studies("x.json"), "nested"),
        (
            "csv, 3 million lines",
            ",".join(FIELDS).encode() + b"\n" * 3_000_000,
            case_studies("x.csv"),
            rows,
        ),
        ("pdf, 1,001 pages", hostile.pages_pdf(1_001), agreement, "more than 1,000 pages"),
        ("pdf, 2,500 pages, says 1", hostile.pages_pdf(2_500, count=1), agreement, complex_pdf),
        ("pdf, 30 MB xref stream", hostile.xref_bomb_pdf(), agreement, complex_pdf),
        ("pdf, 100,000 deep", hostile.nested_pdf(), agreement, "damaged"),
    ]


def _measure(read: Callable[[bytes], str | None], content: bytes) -> tuple[float, float, str]:
    slowest = 0.0
    message = ""
    for _ in range(RUNS):
        started = time.perf_counter()
        message = read(content) or ""
        slowest = max(slowest, time.perf_counter() - started)
    tracemalloc.start()
    read(content)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return slowest, peak / (1024 * 1024), message


def run() -> list[str]:
    import django
    from django.apps import apps

    if not apps.ready:
        from benchmarks.production import configure

        configure()
        django.setup()
    lines = [
        f"Hostile uploads benchmark (slowest of {RUNS} refusals; peak traced memory)",
        f"{'file':<30}{'bytes':>12}{'s':>8}{'MB':>8}  verdict",
    ]
    for name, content, read, expected in _cases():
        seconds, megabytes, message = _measure(read, content)
        refused = expected in message
        verdict = "met" if refused and seconds < TARGET_S else "MISSED"
        lines.append(f"{name:<30}{len(content):>12,}{seconds:>8.2f}{megabytes:>8.1f}  {verdict}")
        if not refused:
            lines.append(f"  !! {name}: expected a refusal mentioning '{expected}', got: {message}")
    lines.append(f"Target: every hostile file refused in under {TARGET_S:.0f} s.")
    return lines


if __name__ == "__main__":
    from benchmarks.production import print_report

    report = run()
    print_report(report)
    sys.exit(1 if any("MISSED" in line or "!!" in line for line in report) else 0)
