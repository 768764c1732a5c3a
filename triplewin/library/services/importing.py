"""Importing case studies from a file: all rows or none."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.functions import Lower

from triplewin.core.library.interchange import Entry, RowProblem
from triplewin.core.wording import counted
from triplewin.library import access
from triplewin.library.models import CaseStudy
from triplewin.library.services.case_studies import case_study_create


class ImportRejected(Exception):
    """The file was read but some rows cannot be imported; nothing was written."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(f"{counted(len(self.problems), 'problem')} found; nothing was imported.")


def _clashes(entries: Sequence[Entry]) -> list[RowProblem]:
    titles = {e.record.title.casefold() for e in entries}
    keys = {e.record.key for e in entries if e.record.key}
    taken_titles = set(
        CaseStudy.objects.annotate(folded=Lower("title"))
        .filter(folded__in=titles)
        .values_list("folded", flat=True)
    )
    taken_keys = set(CaseStudy.objects.filter(key__in=keys).values_list("key", flat=True))
    problems = []
    for e in entries:
        if e.record.title.casefold() in taken_titles:
            problems.append(
                RowProblem(
                    e.number,
                    e.line,
                    "title",
                    "A case study with this title is already in the library.",
                )
            )
        if e.record.key and e.record.key in taken_keys:
            problems.append(
                RowProblem(
                    e.number, e.line, "key", "A case study with this key is already in the library."
                )
            )
    return problems


@transaction.atomic
def case_studies_import(*, actor: User, entries: Sequence[Entry]) -> list[CaseStudy]:
    """Create every study in the file, or raise ImportRejected and create none."""
    if not access.is_staff(actor):
        raise PermissionDenied("Only Triple Win staff can import case studies.")
    clashes = _clashes(entries)
    if clashes:
        raise ImportRejected(clashes)
    return [case_study_create(actor=actor, record=e.record) for e in entries]
