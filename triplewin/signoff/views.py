"""The certify and publish pages of a published summary: one implementation for both.

The executive summary and the summary of project outcomes are certified and published the
same way (through `signoff.services.record_act`, called by each app's service). Each app
describes its pages once as `SummaryPages`; `certify_view` and `publish_view` make its views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.config.forms import GuardedForm
from triplewin.conflicts.presenters import decision_notice
from triplewin.core.rules import GateReport
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.partnerships.views.gated import attempt, panel_for
from triplewin.signoff import authority
from triplewin.submissions.versions import RowVersionField

View = Callable[[HttpRequest, int], HttpResponse]


class ConfirmForm(GuardedForm):
    """A button press bound to the version of the summary the person was looking at."""

    row_version = RowVersionField()


@dataclass(frozen=True)
class SummaryPages:
    """What differs between the two summaries' certify and publish pages."""

    namespace: str  # the URL namespace: "executive_summary", "outcomes"
    noun: str  # "executive summary", "outcomes summary"
    path: str  # the summary's page under the project: "summary", "outcomes"
    context_name: str  # what the templates call the presenter: "s", "o"
    load: Callable[[Project], Any]  # the summary record, or None
    presenter: Callable[[Project], Any]
    certify: Callable[..., Any]  # the app's service: certify(actor=, project=, expected_version=)
    publish: Callable[..., Any]
    publish_gate: str
    publish_report: Callable[[GateReport], GateReport]
    certify_decision: str  # the conflict-of-interest decision kinds
    publish_decision: str

    def back(self, project: Project) -> dict[str, str]:
        return {"href": f"/projects/{project.pk}/{self.path}/", "text": f"Back to the {self.noun}"}

    def detail(self, project: Project) -> HttpResponse:
        return redirect(f"{self.namespace}:detail", pk=project.pk)

    def nothing_yet(self, request: HttpRequest, project: Project, what: str) -> HttpResponse:
        messages.error(request, f"There is no {self.noun} to {what} yet.")
        return self.detail(project)


def _form(request: HttpRequest, summary: Any) -> ConfirmForm:
    return ConfirmForm(
        request.POST if request.method == "POST" else None,
        initial={"row_version": summary.row_version},
    )


def certify_view(pages: SummaryPages) -> View:
    @require_http_methods(["GET", "POST"])
    def certify(request: HttpRequest, pk: int) -> HttpResponse:
        project = access.visible_project_or_404(request.user, pk)
        if not authority.certifying_organisations(request.user, project):
            raise PermissionDenied(
                "Only a certification signatory of an industry partner in this project can "
                f"certify the {pages.noun}."
            )
        summary = pages.load(project)
        if summary is None:
            return pages.nothing_yet(request, project, "certify")
        form = _form(request, summary)
        if request.method == "POST" and form.is_valid():
            try:
                pages.certify(
                    actor=actor(request),
                    project=project,
                    expected_version=form.cleaned_data["row_version"],
                )
            except StaleEdit as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, f"The {pages.noun} is certified.")
                return pages.detail(project)
        return page(
            request,
            f"{pages.namespace}/certify.jinja",
            title=f"Certify the {pages.noun}: {project.title}",
            nav="projects",
            conflict=decision_notice(request.user, project, pages.certify_decision),
            project=project,
            form=form,
            back_link=pages.back(project),
            **{pages.context_name: pages.presenter(project)},
        )

    return certify


def publish_view(pages: SummaryPages) -> View:
    @require_http_methods(["GET", "POST"])
    def publish(request: HttpRequest, pk: int) -> HttpResponse:
        project = access.visible_project_or_404(request.user, pk)
        require_edit(request, project)
        summary = pages.load(project)
        if summary is None:
            return pages.nothing_yet(request, project, "publish")
        panel = panel_for(project, pages.publish_gate, pages.publish_report)
        form = _form(request, summary)
        if request.method == "POST" and form.is_valid():
            done, refused_panel = attempt(
                form,
                lambda: pages.publish(
                    actor=actor(request),
                    project=project,
                    expected_version=form.cleaned_data["row_version"],
                ),
                project=project,
                gate=pages.publish_gate,
                refused=f"The {pages.noun} has not been published.",
                shape=pages.publish_report,
            )
            panel = refused_panel or panel
            if done:
                messages.success(
                    request,
                    f"The {pages.noun} is published and now appears on the public register.",
                )
                return pages.detail(project)
        return page(
            request,
            f"{pages.namespace}/publish.jinja",
            title=f"Publish the {pages.noun}: {project.title}",
            nav="projects",
            conflict=decision_notice(request.user, project, pages.publish_decision),
            project=project,
            panel=panel,
            form=form,
            back_link=pages.back(project),
            **{pages.context_name: pages.presenter(project)},
        )

    return publish
