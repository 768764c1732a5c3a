"""PDF output through WeasyPrint, which is never allowed to fetch anything.

The stylesheet is handed over as a string and fonts come from the system, so the fetcher
refuses every URL: a value that somehow carried a link could not make the server request it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from triplewin.documents.presenters import DocumentView
from triplewin.documents.render.html import printable_html

PRINT_CSS = Path(__file__).with_name("print.css")
PDF_VARIANT = "pdf/ua-1"


class FetchRefused(ValueError):
    pass


def _refuse(url: str) -> None:
    raise FetchRefused(f"Documents never fetch external resources (asked for {url[:80]!r}).")


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):
        """WeasyPrint's fetcher with every protocol disallowed and every fetch refused."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=(), allow_redirects=False, timeout=1)

        def fetch(self, url: str, headers: Any = None) -> Any:
            _refuse(url)

    return RefusingFetcher()


def refuse_fetch(url: str) -> None:
    """What the fetcher does with any URL: refuse it."""
    _refuse(url)


@cache
def _stylesheet() -> Any:
    import weasyprint

    return weasyprint.CSS(string=PRINT_CSS.read_text(encoding="utf-8"), url_fetcher=_fetcher())


def html_to_pdf(html: str) -> bytes:
    import weasyprint

    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=_fetcher())
    # PDF/UA-1: a tagged structure tree (headings, tables, paragraphs in reading order), the
    # title shown instead of the file name, the language and the metadata in XMP.
    result: bytes = document.write_pdf(stylesheets=[_stylesheet()], pdf_variant=PDF_VARIANT)
    return result


def render_pdf(view: DocumentView) -> bytes:
    return html_to_pdf(printable_html(view))
