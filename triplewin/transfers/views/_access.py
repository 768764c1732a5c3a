"""Access checks shared by the transfers views."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.transfers import authority

NOT_A_RECORDER = (
    "Only a partnership lead or certification signatory of the project's industry partner "
    "can record transfers of value."
)


def recording_companies_or_403(request: HttpRequest, project: Project) -> list[Organisation]:
    companies = authority.recording_companies(request.user, project)
    if not companies:
        raise PermissionDenied(NOT_A_RECORDER)
    return companies
