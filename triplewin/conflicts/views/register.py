"""A person's register of interests: their own, and other people's where allowed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from triplewin.conflicts import access, rounds, services
from triplewin.conflicts.presenters import RegisterPresenter
from triplewin.partnerships.views._helpers import actor, page
from triplewin.submissions.once import one_time_form, saving_once


@login_required
def my_register(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "conflicts/register.jinja",
        title="My declarations of interest",
        r=RegisterPresenter(actor(request), timezone.localdate()),
        own=True,
        nav="conflicts",
        runs_rounds=bool(rounds.administered(request.user)),
    )


def person_register(request: HttpRequest, user_id: int) -> HttpResponse:
    person = access.register_owner_or_404(request.user, user_id)
    r = RegisterPresenter(person, timezone.localdate())
    return page(
        request,
        "conflicts/register.jinja",
        title=f"Declarations of interest: {r.name}",
        r=r,
        own=request.user.pk == person.pk,
    )


@one_time_form
@login_required
@require_POST
def nil_return(request: HttpRequest) -> HttpResponse:
    try:
        with saving_once(request):
            services.nil_return_make(actor=actor(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Your nil return has been recorded. It counts for 12 months.")
    return redirect("conflicts:register")


@one_time_form
@login_required
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    try:
        with saving_once(request):
            services.register_confirm(actor=actor(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, "You have confirmed your register is up to date. This counts for 12 months."
        )
    return redirect("conflicts:register")
