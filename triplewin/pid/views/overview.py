"""The PID overview, with status and sign-off, and its printable form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from triplewin.documents.selectors import versions_of
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import page
from triplewin.pid import services
from triplewin.pid.presenters.overview import PidPresenter
from triplewin.signoff import authority


def overview(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    presenter = PidPresenter(project)
    editor = access.can_edit(request.user, project)
    signing = project.state_enum in services.SIGN_OFF_IN and presenter.latest is not None
    files = versions_of(project, "pid")
    return page(
        request,
        "pid/overview.jinja",
        title=f"Project initiation document: {project.title}",
        nav="projects",
        project=project,
        p=presenter,
        sections=presenter.document(),
        # The documents app makes the Word and PDF files of each recorded version.
        file_version=files[-1].number if files else None,
        can_edit=editor and project.state_enum in services.EDITABLE_IN,
        can_submit=editor and project.state_enum in services.SIGN_OFF_IN,
        can_certify=signing and bool(authority.certifying_organisations(request.user, project)),
        can_decide=signing and bool(authority.approval_bodies(request.user, project, "pid")),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


def printable(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "pid/print.jinja",
        title=f"PID: {project.title}",
        nav="projects",
        project=project,
        p=PidPresenter(project),
        back_link={"href": f"/projects/{project.pk}/pid/", "text": "Back to the PID"},
    )
