"""Small helpers shared by the agreement views."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse

from triplewin.agreement.models import AgreementParty
from triplewin.partnerships.models import Project


def back_to_agreement(project: Project) -> dict[str, str]:
    return {"href": reverse("agreement:detail", args=[project.pk]), "text": "Back to the agreement"}


def party_or_404(project: Project, party_pk: int) -> AgreementParty:
    party = (
        AgreementParty.objects.select_related("organisation", "agreement")
        .filter(pk=party_pk, agreement__project=project)
        .first()
    )
    if party is None:
        raise Http404("No such party.")
    return party
