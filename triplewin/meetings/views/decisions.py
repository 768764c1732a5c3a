"""Decisions at a meeting, and the votes on them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.meetings.forms import DecisionForm, ExclusionForm, VoteForm
from triplewin.meetings.models import Decision, Meeting
from triplewin.meetings.presenters import MeetingPresenter, decision_row
from triplewin.meetings.services import voting
from triplewin.meetings.services._common import meetings_allowed
from triplewin.meetings.views._common import back_to_meeting, meeting_or_404
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.team.models import TeamMember
from triplewin.team.selectors import display_name


def _decision_or_404(meeting: Meeting, decision_pk: int) -> Decision:
    return get_object_or_404(
        Decision.objects.select_related("agenda_item__relates_to_organisation"),
        pk=decision_pk,
        meeting=meeting,
    )


def _members(project: Project) -> list[TeamMember]:
    return list(
        TeamMember.objects.active().filter(project=project).select_related("user", "organisation")
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def decision_add(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        items=list(meeting.agenda_items.all()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                decision = voting.decision_record(
                    actor=actor(request),
                    meeting=meeting,
                    text=form.cleaned_data["text"],
                    agenda_item=form.item(),
                    is_vote=form.cleaned_data["is_vote"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Decision recorded.")
            if decision.is_vote:
                return redirect(
                    "meetings:decision",
                    pk=project.pk,
                    meeting_pk=meeting.pk,
                    decision_pk=decision.pk,
                )
            return redirect("meetings:detail", pk=project.pk, meeting_pk=meeting.pk)
    return page(
        request,
        "meetings/decision_add.jinja",
        title=f"Record a decision: {meeting.title}",
        nav="projects",
        project=project,
        meeting=meeting,
        form=form,
        back_link=back_to_meeting(meeting),
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def decision_detail(
    request: HttpRequest, pk: int, meeting_pk: int, decision_pk: int
) -> HttpResponse:
    """Anyone who can see the project reads the decision; partnership leads record votes."""
    project = access.visible_project_or_404(request.user, pk)
    if request.method == "POST":
        require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    decision = _decision_or_404(meeting, decision_pk)
    form = VoteForm(request.POST if request.method == "POST" else None, members=_members(project))
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                vote = voting.vote_record(
                    actor=actor(request),
                    meeting=meeting,
                    decision=decision,
                    member=form.chosen_member(),
                    choice=form.cleaned_data["choice"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Vote recorded for {display_name(vote.member.user)}.")
            return redirect(
                "meetings:decision", pk=project.pk, meeting_pk=meeting.pk, decision_pk=decision.pk
            )
    return page(
        request,
        "meetings/decision.jinja",
        title=f"Decision: {meeting.title}",
        nav="projects",
        project=project,
        meeting=meeting,
        m=MeetingPresenter(meeting),
        d=decision_row(decision),
        form=form,
        can_edit=access.can_edit(request.user, project) and meetings_allowed(project),
        back_link=back_to_meeting(meeting),
    )


def _vote_step(
    request: HttpRequest, pk: int, meeting_pk: int, decision_pk: int, *, close: bool
) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    decision = _decision_or_404(meeting, decision_pk)
    try:
        if close:
            closed = voting.vote_close(actor=actor(request), meeting=meeting, decision=decision)
            messages.success(request, f"Vote closed: {closed.get_outcome_display().lower()}.")
        else:
            excluded = voting.vote_open(actor=actor(request), meeting=meeting, decision=decision)
            count = len(excluded)
            messages.success(
                request,
                "Vote opened."
                + (
                    f" {count} member{'s' if count != 1 else ''} excluded because of a declared "
                    "interest."
                    if count
                    else ""
                ),
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(
        "meetings:decision", pk=project.pk, meeting_pk=meeting.pk, decision_pk=decision.pk
    )


@require_POST
def vote_open(request: HttpRequest, pk: int, meeting_pk: int, decision_pk: int) -> HttpResponse:
    return _vote_step(request, pk, meeting_pk, decision_pk, close=False)


@require_POST
def vote_close(request: HttpRequest, pk: int, meeting_pk: int, decision_pk: int) -> HttpResponse:
    return _vote_step(request, pk, meeting_pk, decision_pk, close=True)


@require_http_methods(["GET", "POST"])
def vote_exclude(request: HttpRequest, pk: int, meeting_pk: int, decision_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    decision = _decision_or_404(meeting, decision_pk)
    form = ExclusionForm(
        request.POST if request.method == "POST" else None, members=_members(project)
    )
    if request.method == "POST" and form.is_valid():
        try:
            voting.vote_exclude(
                actor=actor(request),
                meeting=meeting,
                decision=decision,
                member=form.chosen_member(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The member is excluded from this vote.")
            return redirect(
                "meetings:decision", pk=project.pk, meeting_pk=meeting.pk, decision_pk=decision.pk
            )
    return page(
        request,
        "meetings/exclude.jinja",
        title=f"Exclude a member from a vote: {meeting.title}",
        nav="projects",
        project=project,
        meeting=meeting,
        d=decision_row(decision),
        form=form,
        back_link=back_to_meeting(meeting),
    )
