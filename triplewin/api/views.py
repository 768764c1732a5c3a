"""Pages: an organisation's API tokens (its administrators only), and the API reference."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.api import reference, tokens
from triplewin.api.api import api
from triplewin.api.forms import TokenForm
from triplewin.api.models import ApiToken, Scope
from triplewin.organisations import access
from triplewin.organisations.models import Organisation
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.submissions.once import one_time_form, saving_once

# The token text is shown once, on the page after creation, then dropped from the session.
SHOWN_ONCE = "api_token_shown_once"


def _managed_or_404(request: HttpRequest, organisation_pk: int) -> Organisation:
    """Its administrators; its other members are told no, anyone else finds no page."""
    return access.administered_or_refuse(request.user, organisation_pk)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    organisations = tokens.managed_organisations(request.user)
    if not organisations:
        raise PermissionDenied("Only organisation administrators manage API tokens.")
    if len(organisations) == 1:
        return redirect("api:tokens", organisation_pk=organisations[0].pk)
    return page(
        request,
        "api/choose.jinja",
        title="API tokens",
        nav="api",
        organisations=organisations,
    )


@login_required
def token_list(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = _managed_or_404(request, organisation_pk)
    shown = request.session.pop(SHOWN_ONCE, None)
    labels = dict(Scope.choices)
    rows: list[dict[str, Any]] = []
    today = timezone.localdate()
    for token in (
        ApiToken.objects.filter(organisation=organisation)
        .select_related("created_by", "revoked_by")
        .prefetch_related("projects")
    ):
        rows.append(
            {
                "token": token,
                "scopes": [labels.get(s, s) for s in token.scopes],
                "projects": [p.title for p in token.projects.all()],
                "state": "Revoked"
                if token.revoked_at
                else ("Expired" if not token.is_usable(today) else "Active"),
            }
        )
    return page(
        request,
        "api/tokens.jinja",
        title=f"API tokens: {organisation.name}",
        nav="api",
        organisation=organisation,
        rows=rows,
        shown=shown if isinstance(shown, dict) else None,
    )


@login_required
@require_http_methods(["GET", "POST"])
@one_time_form
def token_create(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = _managed_or_404(request, organisation_pk)
    form = TokenForm(request.POST or None, projects=tokens.partner_projects(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                token, text = tokens.token_create(
                    actor=actor(request),
                    organisation=organisation,
                    name=form.cleaned_data["name"],
                    scopes=form.cleaned_data["scopes"],
                    expires_on=form.cleaned_data["expires_on"],
                    projects=form.chosen_projects(),
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            request.session[SHOWN_ONCE] = {"name": token.name, "text": text}
            return redirect("api:tokens", organisation_pk=organisation.pk)
    return page(
        request,
        "api/create.jinja",
        title=f"Create an API token: {organisation.name}",
        nav="api",
        organisation=organisation,
        form=form,
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, organisation_pk: int, token_pk: int) -> HttpResponse:
    organisation = _managed_or_404(request, organisation_pk)
    token = get_object_or_404(ApiToken, pk=token_pk, organisation=organisation)
    tokens.token_revoke(actor=actor(request), token=token)
    messages.success(request, f"\u201c{token.name}\u201d is revoked. It stopped working at once.")
    return redirect("api:tokens", organisation_pk=organisation.pk)


def api_reference(request: HttpRequest) -> HttpResponse:
    """The API described for people, from the same OpenAPI document machines read."""
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return page(
        request,
        "api/reference.jinja",
        title="Triple Win API",
        nav="api",
        ref=reference.Reference.of(schema),
    )
