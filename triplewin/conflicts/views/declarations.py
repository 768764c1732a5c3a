"""Declaring an interest, and recording that one has ended."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from triplewin.conflicts import services
from triplewin.conflicts.forms import DeclarationForm, EndDeclarationForm
from triplewin.conflicts.models import Declaration
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.submissions.once import one_time_form, saving_once

BACK = {"href": "/conflicts/", "text": "Back to my declarations"}


@one_time_form
@login_required
@require_http_methods(["GET", "POST"])
def declare(request: HttpRequest) -> HttpResponse:
    form = DeclarationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.declaration_add(actor=actor(request), **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Your declaration has been added to your register.")
            return redirect("conflicts:register")
    return page(
        request,
        "conflicts/declare.jinja",
        title="Declare an interest",
        form=form,
        back_link=BACK,
        nav="conflicts",
    )


@login_required
@require_http_methods(["GET", "POST"])
def end(request: HttpRequest, pk: int) -> HttpResponse:
    # Only the person who declared an interest may end it; for anyone else it does not exist.
    declaration = get_object_or_404(
        Declaration.objects.select_related("organisation"), pk=pk, user_id=request.user.pk
    )
    form = EndDeclarationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.declaration_end(
                actor=actor(request),
                declaration=declaration,
                ended_on=form.cleaned_data["valid_to"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The interest has been recorded as ended.")
            return redirect("conflicts:register")
    return page(
        request,
        "conflicts/end.jinja",
        title="Record that an interest has ended",
        form=form,
        declaration=declaration,
        back_link=BACK,
    )
