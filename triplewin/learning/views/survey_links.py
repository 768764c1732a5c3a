"""Anonymous survey links for patients, staff and wider stakeholders, and answering through one.

The leads make and close the links; anyone holding an open link may answer once from their
browser, without signing in. Nothing about who answered is kept.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.core import surveys
from triplewin.learning import services
from triplewin.learning.forms import ConfirmForm, SurveyForm, SurveyLinkForm
from triplewin.learning.models import SurveyLink
from triplewin.learning.services.survey import ENDED
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once

# The links this browser has answered through, so one browser answers each link once.
ANSWERED = "learning.answered_links"


def _links(project_pk: int) -> list[SurveyLink]:
    return list(SurveyLink.objects.filter(survey__project_id=project_pk).order_by("group", "id"))


@one_time_form
@require_http_methods(["GET", "POST"])
def links(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = SurveyLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.survey_link_create(
                    actor=actor(request), project=project, group=form.cleaned_data["group"]
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The link is ready to share.")
            return redirect("learning:survey_links", pk=project.pk)
    return page(
        request,
        "learning/survey_links.jinja",
        title=f"Anonymous survey links: {project.title}",
        nav="projects",
        project=project,
        links=[
            (
                link,
                request.build_absolute_uri(reverse("learning:survey_open", args=[link.token])),
            )
            for link in _links(project.pk)
        ],
        ended=project.state_enum in ENDED,
        form=form,
        close_form=ConfirmForm(),
        back_link={
            "href": reverse("learning:survey", args=[project.pk]),
            "text": "Back to the survey",
        },
    )


@require_POST
def link_close(request: HttpRequest, pk: int, link_id: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = ConfirmForm(request.POST)
    if form.is_valid():
        try:
            services.survey_link_close(actor=actor(request), project=project, link_id=link_id)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "The link is closed; nobody else can answer through it.")
    return redirect("learning:survey_links", pk=project.pk)


@one_time_form
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    link = services.open_link(token)
    if link is None:
        raise Http404("This survey link is not valid.")
    group = surveys.Group(link.group)
    answered = link.pk in request.session.get(ANSWERED, [])
    can_answer = link.is_open and link.survey.is_open and not answered
    form = SurveyForm(
        request.POST if request.method == "POST" and can_answer else None,
        questions=surveys.questions_for(group),
    )
    if request.method == "POST" and can_answer and form.is_valid():
        try:
            with saving_once(request):
                services.survey_respond_anonymously(token=token, answers=form.answers())
        except PermissionDenied:
            raise Http404("This survey link is not valid.") from None
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            request.session[ANSWERED] = [*request.session.get(ANSWERED, []), link.pk]
            messages.success(request, "Thank you. Your answers have been recorded.")
            return redirect("learning:survey_open", token=token)
    return page(
        request,
        "learning/survey_open.jinja",
        title=f"Feedback on {link.survey.project.title}",
        nav="",
        project=link.survey.project,
        group_label=surveys.GROUP_LABELS[group],
        answered=answered,
        can_answer=can_answer,
        minimum=surveys.MIN_GROUP,
        form=form,
    )
