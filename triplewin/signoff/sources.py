"""Where the engine finds a document's versions: each framework app registers its own.

The engine owns the acts; the app owns the content. A source tells the engine which version of
a subject is the latest one, which versions exist, and the hash of the content as it stands
now, so that acts on an old version are refused and "changed since sign-off" is one answer.
Apps register in their AppConfig.ready(), so the engine imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from triplewin.partnerships.models import Project


@dataclass(frozen=True)
class Version:
    number: int | None  # None for a subject that keeps one version under a changing hash
    content_hash: str


class Source(Protocol):
    # How the document is named in messages: "PID", "amendment".
    noun: str

    def versions(self, project: Project, subject: str) -> list[Version]:
        """Every version submitted for sign-off, oldest first."""
        ...

    def live_hash(self, project: Project, subject: str) -> str:
        """The hash of the content as it stands now."""
        ...


_SOURCES: dict[str, Source] = {}


def register(document: str, source: Source) -> None:
    _SOURCES[document] = source


def source_for(document: str) -> Source:
    try:
        return _SOURCES[document]
    except KeyError:
        raise LookupError(
            f"No app has registered versions for the {document!r} document."
        ) from None


def latest(project: Project, document: str, subject: str) -> Version | None:
    found = source_for(document).versions(project, subject)
    return found[-1] if found else None


class LiveText:
    """A subject with one text that changes in place (the two published summaries).

    Its versions are every text that was acted on, oldest first, and then the text as it
    stands now: so the latest version is always the live text, an act is always given on
    what is on screen, and an older certified text shows as "changed since sign-off".
    """

    def __init__(self, document: str, noun: str, live: Callable[[Project], str]) -> None:
        self.document = document
        self.noun = noun
        self._live = live

    def versions(self, project: Project, subject: str) -> list[Version]:
        from triplewin.signoff.models import SignOffAct

        live = self._live(project)
        hashes = list(
            dict.fromkeys(
                SignOffAct.objects.filter(project=project, document=self.document, subject=subject)
                .order_by("at", "id")
                .values_list("content_hash", flat=True)
            )
        )
        if live:
            hashes = [h for h in hashes if h != live] + [live]
        return [Version(None, h) for h in hashes]

    def live_hash(self, project: Project, subject: str) -> str:
        return self._live(project)
