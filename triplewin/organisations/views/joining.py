"""Asking to join Triple Win, and the platform administrators' decisions on the requests."""

from __future__ import annotations

from allauth.core import ratelimit
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from triplewin.organisations import access
from triplewin.organisations.forms import JoinForm, RejectForm
from triplewin.organisations.models import JoinRequest, JoinStatus
from triplewin.organisations.services import joining
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.submissions.once import one_time_form, saving_once

# Five requests per address per hour (settings.ACCOUNT_RATE_LIMITS["join_request"]): enough
# for an office sharing one address, too few to flood the platform administrators' list.
# Counted by the one throttle, allauth's, in the shared cache (ADR 0032).
TOO_MANY = "Too many requests from your address. Wait an hour and try again."


def _too_many(request: HttpRequest) -> bool:
    return not ratelimit.consume(request, action="join_request")


@one_time_form
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = JoinForm(request.POST if posted else None)
    status = 200
    if posted and _too_many(request):
        form.add_error(None, TOO_MANY)
        status = 429
    elif posted and form.is_valid():
        data = form.cleaned_data
        try:
            with saving_once(request):
                joining.join_request_make(
                    name=data["name"],
                    org_type=data["org_type"],
                    ods_code=data["ods_code"],
                    is_legal_entity=data["is_legal_entity"],
                    requester_name=data["requester_name"],
                    requester_email=data["requester_email"],
                    requester_function=data["requester_function"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return page(
                request,
                "organisations/join_sent.jinja",
                title="Request sent",
                email=data["requester_email"],
            )
    return page(
        request,
        "organisations/join.jinja",
        title="Ask for your organisation to join Triple Win",
        status=status,
        form=form,
    )


def _require_platform(request: HttpRequest) -> None:
    if not access.is_platform_administrator(request.user):
        raise Http404


def join_requests(request: HttpRequest) -> HttpResponse:
    _require_platform(request)
    requests = list(JoinRequest.objects.all())
    return page(
        request,
        "organisations/join_requests.jinja",
        title="Requests to join",
        nav="people",
        pending=[r for r in requests if r.status == JoinStatus.PENDING],
        decided=[r for r in requests if r.status != JoinStatus.PENDING],
    )


@require_http_methods(["GET", "POST"])
def join_request(request: HttpRequest, pk: int) -> HttpResponse:
    _require_platform(request)
    join = get_object_or_404(JoinRequest, pk=pk)
    form = RejectForm(request.POST if request.method == "POST" else None)
    error = ""
    if request.method == "POST" and request.POST.get("decision") == "approve":
        form = RejectForm()
        try:
            organisation, invitation = joining.join_request_approve(
                actor=actor(request), request=join
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(
                request,
                f"{organisation.name} is on Triple Win. {invitation.email} is invited to be its "
                "organisation administrator.",
            )
            return redirect("organisations:join-requests")
    elif request.method == "POST" and form.is_valid():
        try:
            joining.join_request_reject(
                actor=actor(request), request=join, reason=form.cleaned_data["reason"]
            )
        except ValidationError as problem:
            apply_validation_error(form, problem)
        else:
            messages.success(request, f"Request from {join.name} rejected. We emailed the reason.")
            return redirect("organisations:join-requests")
    return page(
        request,
        "organisations/join_request.jinja",
        title=f"Request to join: {join.name}",
        status=400 if error else 200,
        nav="people",
        join=join,
        form=form,
        error=error,
        back_link={"href": reverse("organisations:join-requests"), "text": "Requests to join"},
    )
