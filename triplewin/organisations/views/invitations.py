"""Accepting an invitation from its one-time link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from triplewin.organisations.forms import NewAccountForm
from triplewin.organisations.models import Role
from triplewin.organisations.services.invitations import (
    account_for,
    closed_reason,
    invitation_accept,
    invitation_for_token,
)
from triplewin.partnerships.views._helpers import apply_validation_error, page

SIGN_IN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _mode(request: HttpRequest, email: str, existing: User | None) -> str:
    """How this visitor takes up the invitation."""
    user = request.user
    if user.is_authenticated:
        return "accept" if (user.email or "").lower() == email.lower() else "wrong-account"
    if existing is None:
        return "new"
    return "sign-in" if existing.is_active else "reopen"


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_for_token(token)
    if invitation is None:
        return page(
            request,
            "organisations/invitation_closed.jinja",
            title="Invitation not found",
            status=404,
            problem="This invitation link is not right. Check you copied all of it from the email.",
        )
    problem = closed_reason(invitation, timezone.now())
    if problem:
        return page(
            request,
            "organisations/invitation_closed.jinja",
            title="Invitation no longer open",
            status=410,
            problem=problem,
        )
    existing = None if request.user.is_authenticated else account_for(invitation)
    mode = _mode(request, invitation.email, existing)
    posted = request.POST if request.method == "POST" else None
    form = NewAccountForm(posted, names=mode == "new")
    error = ""
    taking_up = posted is not None and (
        mode == "accept" or (mode in {"new", "reopen"} and form.is_valid())
    )
    if taking_up:
        data = form.cleaned_data if mode != "accept" else {}
        signed_in = request.user if isinstance(request.user, User) else None
        try:
            membership = invitation_accept(
                invitation=invitation,
                user=signed_in,
                password=data.get("password"),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
        except ValidationError as problem_found:
            if mode == "accept":
                error = " ".join(problem_found.messages)
            else:
                apply_validation_error(form, problem_found)
        else:
            if signed_in is None:
                login(request, membership.user, backend=SIGN_IN_BACKEND)
            messages.success(
                request,
                f"Welcome to {invitation.organisation.name} on Triple Win. You are now "
                f"{Role(membership.role).label.lower()}.",
            )
            return redirect("partnerships:list")
    return page(
        request,
        "organisations/accept.jinja",
        title=f"Join {invitation.organisation.name} on Triple Win",
        status=400 if error else 200,
        invitation=invitation,
        role=Role(invitation.role).label,
        mode=mode,
        form=form if mode in {"new", "reopen"} else None,
        error=error,
        sign_in=f"{reverse('accounts:sign-in')}?next={request.path}",
    )
