"""The public register of decision makers' declarations: open to anyone, signed in or not."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from triplewin.conflicts import public
from triplewin.conflicts.models import Category
from triplewin.organisations.models import Organisation
from triplewin.partnerships.views._helpers import page


def index(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "conflicts/public_index.jinja",
        title="Registers of interests",
        nav="register",
        rounds=public.published_rounds(),
    )


def organisation_register(request: HttpRequest, org_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=org_id)
    register = public.register_of(organisation, timezone.localdate())
    if register is None:
        raise Http404
    return page(
        request,
        "conflicts/public_register.jinja",
        title=f"Register of interests: {organisation}",
        nav="register",
        reg=register,
        categories=dict(Category.choices),
        back_link={"href": reverse("conflicts:public"), "text": "Registers of interests"},
    )
