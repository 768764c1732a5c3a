"""Decisions at a meeting, and the votes on them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from triplewin.meetings.forms import DecisionForm, ExclusionForm, VoteGridForm
from triplewin.meetings.models import Decision, Meeting
from triplewin.meetings.presenters import MeetingPresenter, decision_row, to_be_excluded
from triplewin.meetings.services import voting
from triplewin.meetings.services._common import meetings_allowed
from triplewin.meetings.views._common import back_to_meeting, meeting_or_404
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.team.models import TeamMember


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
    """Anyone who can see the project reads the decision; partnership leads record the vote,
    every member's at once, which opens and closes it in the same step."""
    project = access.visible_project_or_404(request.user, pk)
    if request.method == "POST":
        require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    decision = _decision_or_404(meeting, decision_pk)
    voters, excluded = voting.vote_roll(meeting, decision)
    form = VoteGridForm(request.POST if request.method == "POST" else None, members=voters)
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                closed = voting.votes_record(
                    actor=actor(request),
                    meeting=meeting,
                    decision=decision,
                    choices=form.choices(),
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"Votes recorded and the vote closed: {closed.get_outcome_display().lower()}.",
            )
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
        to_be_excluded=to_be_excluded(decision, excluded),
        can_edit=access.can_edit(request.user, project) and meetings_allowed(project),
        back_link=back_to_meeting(meeting),
    )


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
