"""The partner survey: results for the project, sending and closing it, and answering it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from triplewin.core.wording import counted
from triplewin.learning import selectors, services
from triplewin.learning.forms import ConfirmForm, SurveyForm
from triplewin.learning.models import SurveyInvitation
from triplewin.learning.presenters.survey import SurveyPresenter
from triplewin.learning.services.survey import ENDED
from triplewin.learning.tokens import LinkExpired, make_token, read_token
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once

SOMEONE_ELSE = (
    "This survey link was sent to someone else. Sign in as the person it was sent to, or ask "
    "the project's partnership lead for your own link."
)


def survey_presenter(project: Project, user: Any) -> SurveyPresenter:
    survey = selectors.survey_for(project)
    return SurveyPresenter(
        survey,
        selectors.invitations(survey),
        selectors.survey_results(survey),
        selectors.invitation_for(survey, user),
    )


def _back(project: Project) -> dict[str, str]:
    return {"href": f"/projects/{project.pk}/learning/survey/", "text": "Back to the survey"}


def results(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    s = survey_presenter(project, request.user)
    editable = access.can_edit(request.user, project)
    return page(
        request,
        "learning/survey.jinja",
        title=f"Partner survey: {project.title}",
        nav="projects",
        project=project,
        s=s,
        own_link=(
            reverse("learning:survey_respond", args=[make_token(s.own.pk)])
            if s.own and s.own_pending
            else ""
        ),
        can_send=editable and project.state_enum in ENDED and (not s.exists or s.is_open),
        can_close=editable and s.is_open,
        back_link={"href": f"/projects/{project.pk}/learning/", "text": "Back to learning"},
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def send(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                result = services.survey_send(actor=actor(request), project=project)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            text = f"Survey sent to {result.sent} {'person' if result.sent == 1 else 'people'}."
            if result.failed:
                text += f" {counted(result.failed, 'email')} could not be sent; try again later."
            if result.without_email:
                text += " No email address for: " + ", ".join(result.without_email) + "."
            messages.success(request, text)
            return redirect("learning:survey", pk=project.pk)
    return page(
        request,
        "learning/survey_send.jinja",
        title=f"Send the partner survey: {project.title}",
        nav="projects",
        project=project,
        s=survey_presenter(project, request.user),
        ended=project.state_enum in ENDED,
        form=form,
        back_link=_back(project),
    )


@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_close(actor=actor(request), project=project)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The survey is closed; no more answers are accepted.")
            return redirect("learning:survey", pk=project.pk)
    return page(
        request,
        "learning/survey_close.jinja",
        title=f"Close the partner survey: {project.title}",
        nav="projects",
        project=project,
        s=survey_presenter(project, request.user),
        form=form,
        back_link=_back(project),
    )


EXPIRED = (
    "This survey link is more than 60 days old and has expired. Ask the project's partnership "
    "lead to send you a new one."
)


def _invitation_or_404(token: str) -> SurveyInvitation:
    try:
        invitation_id = read_token(token)
    except LinkExpired:
        raise PermissionDenied(EXPIRED) from None
    invitation = (
        SurveyInvitation.objects.select_related("survey__project").filter(pk=invitation_id).first()
        if invitation_id is not None
        else None
    )
    if invitation is None:
        raise Http404("This survey link is not valid.")
    return invitation


@one_time_form
@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, token: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    invitation = _invitation_or_404(token)
    if invitation.user_id != request.user.pk:
        raise PermissionDenied(SOMEONE_ELSE)
    project = invitation.survey.project
    can_answer = invitation.responded_on is None and invitation.survey.is_open
    if request.method == "POST" and not can_answer:
        messages.error(
            request,
            "You have already answered this survey."
            if invitation.responded_on
            else "The survey is closed.",
        )
        return redirect("learning:survey_respond", token=token)
    form = SurveyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.survey_respond(
                    actor=actor(request), invitation_id=invitation.pk, answers=form.answers()
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Thank you. Your answers have been recorded.")
            return redirect("learning:survey_respond", token=token)
    return page(
        request,
        "learning/survey_respond.jinja",
        title=f"Partner survey: {project.title}",
        nav="projects",
        project=project,
        invitation=invitation,
        can_answer=can_answer,
        form=form,
    )
