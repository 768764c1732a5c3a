"""What the engine needs from each framework: its documents, their content and sign-off.

One `Kind` per framework. `current` reads the records as they stand; `signed_off` lists content
the framework's own app has certified or approved (frozen there), so the engine can record it
as a version even if nobody pressed "generate"; `status_of` reads that app's decisions.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass

from django.urls import reverse

from triplewin.core import signoff as core
from triplewin.core.documents.definitions import Definition, SignOff
from triplewin.core.documents.model import Document, Status
from triplewin.partnerships.models import Project


@dataclass(frozen=True)
class Subject:
    """One document of a kind: `key` is the kind itself, or e.g. "minutes-12"."""

    key: str
    title: str


@dataclass(frozen=True)
class Snapshot:
    document: Document
    # The hash the framework's own app bound its decisions to ("" when it has none).
    source_hash: str


@dataclass(frozen=True)
class Signer:
    """Who signed off, by record: `documents.signers` words it for the public, without email."""

    user_id: int | None
    organisation_id: int | None = None
    # The capacity the sign-off itself proves (only a certification signatory can certify);
    # empty when it is read from the person's membership instead.
    role: str = ""


@dataclass(frozen=True)
class Decided:
    status: Status
    by: str = ""
    at: dt.datetime | None = None
    signer: Signer | None = None
    # The sign-off engine's record of this version, which every document prints as its
    # sign-off block (certification, each required approval, what is outstanding). None for a
    # document nobody signs off (minutes of a meeting, the scoping guide).
    record: core.VersionSignOff | None = None


class Kind(ABC):
    definition: Definition
    # The framework's own page, where it is edited and (when it has its own) signed off.
    owner_url_name: str = ""

    def owner_url(self, project: Project, subject: str) -> str:
        if not self.owner_url_name:
            return ""
        return reverse(self.owner_url_name, args=[project.pk])

    @property
    def key(self) -> str:
        return self.definition.kind

    @property
    def signed_off_here(self) -> bool:
        return self.definition.sign_off is SignOff.DOCUMENTS

    def subjects(self, project: Project) -> list[Subject]:
        return [Subject(self.key, self.definition.title)]

    @abstractmethod
    def current(self, project: Project, subject: str) -> Snapshot: ...

    def signed_off(self, project: Project, subject: str) -> list[Snapshot]:
        return []

    def status_of(
        self, project: Project, subject: str, source_hash: str, content_hash: str
    ) -> Decided | None:
        """The framework app's status for content with this hash; None when it says nothing."""
        return None


def at_midnight(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def subject_number(subject: str, kind: str) -> int | None:
    prefix = f"{kind}-"
    if (
        not subject.startswith(prefix)
        or not subject[len(prefix) :].isdigit()
        or len(subject) - len(prefix) > 18
    ):
        return None
    return int(subject[len(prefix) :])
