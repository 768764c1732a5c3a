"""Crawl everything a signed-in person can reach about a project, and read it as text.

Used by the test that NHS-only records never reach a company. The URLs come from two places,
so a page added later is crawled without anyone listing it: every pattern in the URLconf
whose parameters can be filled (the project's id, the ids of records under test, document
kinds, file formats), and every link found on a page reached that way which stays on the
project or needs no parameter at all. Each response is read as a person would read it: pages
and CSV as text, Word through python-docx, PDF through pypdf, workbooks cell by cell, and zip
packs member by member.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import itertools
import re
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import docx
import openpyxl
import pypdf
from django.http import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

# Where following links or filling patterns would leave the product, or sign the crawler out;
# the operators' endpoints (health, metrics), which show no record and change on every read;
# two-factor set-up, which shows a fresh secret each time, and the list of one's own sessions,
# which shows when each was last used (their own tests check them, as each role).
SKIPPED_PREFIXES = (
    "/admin/",
    "/static/",
    "/accounts/sign-out/",
    "/accounts/2fa/",
    "/accounts/sessions/",
    "/health/",
    "/metrics",
)
PROJECT_PARAMS = frozenset({"pk", "project_id", "project_pk"})
FORMATS = ("csv", "xlsx", "json", "docx", "pdf")
MAX_COMBINATIONS = 16
MAX_URLS = 1500
HREF = re.compile(r"""href="([^"#]*)""")


@dataclass
class Fill:
    """Values to put into URL parameters other than the project's."""

    ids: Sequence[int]
    slugs: Sequence[str]
    strings: Sequence[str] = ()
    years: Sequence[int] = field(default_factory=lambda: (dt.date.today().year,))


def _patterns(
    resolvers: Iterable[URLPattern | URLResolver], prefix: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry


PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _values(converter: str, name: str, project_pk: int, fill: Fill) -> Sequence[str]:
    if name in PROJECT_PARAMS:
        return (str(project_pk),)
    if converter in ("id", "int"):
        return [str(i) for i in fill.ids]
    if converter == "year":
        return [str(y) for y in fill.years]
    if converter == "slug" and name in ("fmt",):
        return FORMATS
    if converter == "slug":
        return list(fill.slugs)
    if name == "fmt":
        return FORMATS
    return list(fill.strings)


def pattern_urls(project_pk: int, fill: Fill) -> list[str]:
    """Every URL in the URLconf, with each parameter filled from the project and `fill`."""
    urls: list[str] = []
    for route, _ in _patterns(get_resolver().url_patterns):
        path = "/" + route
        if path.startswith(SKIPPED_PREFIXES) or "^" in route:
            continue
        params = list(PARAM.finditer(path))
        choices = [
            _values(m.group("converter") or "str", m.group("name"), project_pk, fill)
            for m in params
        ]
        for combination in itertools.islice(itertools.product(*choices), MAX_COMBINATIONS):
            url = path
            for m, value in zip(params, combination, strict=True):
                url = url.replace(m.group(0), value, 1)
            urls.append(url)
    return urls


def _follows(url: str, project_pk: int) -> bool:
    path = url.split("?", 1)[0]
    if not path.startswith("/") or path.startswith("//") or path.startswith(SKIPPED_PREFIXES):
        return False
    try:
        match = resolve(path)
    except Resolver404:
        return False
    kwargs = match.kwargs
    if not kwargs:
        return True
    return any(name in PROJECT_PARAMS and value == project_pk for name, value in kwargs.items())


def _body(response: HttpResponseBase) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return bytes(response.content)  # type: ignore[attr-defined]


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    core = document.core_properties
    parts.extend([core.title or "", core.subject or "", core.keywords or ""])
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    parts.extend(str(v) for v in (reader.metadata or {}).values())
    return "\n".join(parts)


def _xlsx_text(data: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )


def text_of(data: bytes) -> str:
    """What a person would read in a file, whatever kind it is."""
    if data.startswith(b"%PDF"):
        return _pdf_text(data)
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "word/document.xml" in names:
                return _docx_text(data)
            if "xl/workbook.xml" in names:
                return _xlsx_text(data)
            return "\n".join(name + "\n" + text_of(archive.read(name)) for name in names)
    return html.unescape(data.decode("utf-8", errors="replace"))


@dataclass
class Crawl:
    client: Client
    project_pk: int
    fill: Fill
    texts: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)

    def run(self) -> Crawl:
        queue = deque(pattern_urls(self.project_pk, self.fill))
        seen = set(queue)
        while queue:
            url = queue.popleft()
            assert len(self.texts) < MAX_URLS, "The crawl grew past its bound; raise MAX_URLS."
            response = self.client.get(url)
            self.statuses[url] = response.status_code
            if response.status_code != 200:
                continue
            text = text_of(_body(response))
            self.texts[url] = text
            if "html" not in response.get("Content-Type", ""):
                continue
            for link in HREF.findall(text):
                link = html.unescape(link)
                if link not in seen and _follows(link, self.project_pk):
                    seen.add(link)
                    queue.append(link)
        return self

    def found(self, marker: str) -> list[str]:
        return [url for url, text in self.texts.items() if marker in text]


# Routes that answer with a file, never a page: not worth fetching when sampling pages.
FILE_ROUTE = re.compile(
    r"(\.<[^>]+>|\.(csv|json|xlsx|docx|pdf|atom))$|/(pdf|docx|pack|template)/?$"
)


def route_of(url: str) -> str | None:
    """The URLconf pattern a URL resolves to ("projects/<id:pk>/team/"), or None."""
    try:
        return str(resolve(url.split("?", 1)[0]).route)
    except Resolver404:
        return None


@dataclass
class Sample:
    """One URL per route that answered with a page, and every URL that answered 500."""

    pages: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _internal(url: str) -> bool:
    path = url.split("?", 1)[0]
    if not path.startswith("/") or path.startswith("//") or path.startswith(SKIPPED_PREFIXES):
        return False
    return route_of(path) is not None


def pages_by_route(
    client: Client, project_pk: int, fill: Fill, *, max_urls: int = MAX_URLS
) -> Sample:
    """One sample URL per route that answers `client` with an HTML page (200).

    Found as `Crawl` finds them, every pattern filled in for `project_pk` and then the links on
    each page reached, except that links are followed anywhere in the product (another project,
    a case study, a person's declarations): a route this project has no record for is sampled
    where one exists. A route that answers with a file is not fetched, and once a route has its
    sample no other URL of it is, so the crawl stays small. The client should not raise the
    view's exceptions (`Client(raise_request_exception=False)`), so a crash is recorded as a
    500 instead of ending the crawl."""
    sample = Sample()
    queue = deque(pattern_urls(project_pk, fill))
    seen = set(queue)
    refused: set[str] = set()  # routes that refused a GET (405): no other URL of theirs will do
    fetched = 0
    while queue:
        url = queue.popleft()
        route = route_of(url)
        if route is None or route in sample.pages or route in refused or FILE_ROUTE.search(route):
            continue
        fetched += 1
        assert fetched < max_urls, "The sample grew past its bound; raise max_urls."
        response = client.get(url)
        if response.status_code >= 500:
            sample.errors.append(f"{response.status_code} {url}")
            continue
        if response.status_code == 405:
            refused.add(route)
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        sample.pages[route] = url
        for link in HREF.findall(_body(response).decode("utf-8", errors="replace")):
            link = html.unescape(link)
            if link not in seen and _internal(link):
                seen.add(link)
                queue.append(link)
    return sample
