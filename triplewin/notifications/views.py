"""Email choices: the signed-in person's page, and the page an email's link opens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.core.notifications import Kind
from triplewin.notifications import services
from triplewin.notifications.forms import EmailChoicesForm
from triplewin.notifications.tokens import BadLink, read_token
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page

SAVED = "Your email choices are saved."


def _save(form: EmailChoicesForm, user: User, *, by_link: bool) -> bool:
    try:
        for kind, choice in form.chosen().items():
            services.choice_set(actor=user, user=user, kind=kind, choice=choice, by_link=by_link)
    except ValidationError as error:
        apply_validation_error(form, error)
        return False
    return True


def _initial(user: User, kinds: list[Kind]) -> dict[str, str]:
    current = services.choices_of(user)
    return {k.value: current[k].value for k in kinds}


@login_required
@require_http_methods(["GET", "POST"])
def my_choices(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    kinds = list(Kind)
    form = EmailChoicesForm(request.POST or None, kinds=kinds, initial=_initial(user, kinds))
    if request.method == "POST" and form.is_valid() and _save(form, user, by_link=False):
        messages.success(request, SAVED)
        return redirect("notifications:choices")
    return page(
        request,
        "notifications/choices.jinja",
        title="Email choices",
        nav="email-choices",
        form=form,
        by_link=False,
    )


@require_http_methods(["GET", "POST"])
def by_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an email: changes that one kind for that one person, without signing in.

    Opening the link changes nothing (mail scanners open links); only the form's post does.
    """
    try:
        found = read_token(token)
    except BadLink as bad:
        return page(
            request,
            "notifications/bad_link.jinja",
            title="This link has expired" if bad.expired else "This link does not work",
            expired=bad.expired,
            status=410 if bad.expired else 400,
        )
    kinds = [found.kind]
    form = EmailChoicesForm(request.POST or None, kinds=kinds, initial=_initial(found.user, kinds))
    if request.method == "POST" and form.is_valid() and _save(form, found.user, by_link=True):
        return page(request, "notifications/saved.jinja", title=SAVED, kind=found.kind.value)
    return page(
        request,
        "notifications/choices.jinja",
        title="Email choices",
        form=form,
        by_link=True,
    )
