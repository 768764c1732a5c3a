"""A project's transfers of value, year by year, with each company's disclosure status."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone

from triplewin.core.lifecycle import PUBLIC_STATES
from triplewin.core.obligations import Kind
from triplewin.obligations.presenters import row
from triplewin.obligations.selectors import project_obligations
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import page
from triplewin.transfers import authority
from triplewin.transfers.models import DisclosedYear, TransferOfValue
from triplewin.transfers.presenters import project_years, totals_text
from triplewin.transfers.selectors import Totals


def transfers_list(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    today = timezone.localdate()
    transfers = list(
        TransferOfValue.objects.filter(project=project).select_related("company", "recipient")
    )
    recording = authority.recording_companies(request.user, project)
    grand = sum((Totals(t.amount_money, t.amount_benefits_in_kind) for t in transfers), Totals())
    return page(
        request,
        "transfers/list.jinja",
        title=f"Transfers of value: {project.title}",
        nav="projects",
        project=project,
        years=project_years(
            transfers,
            DisclosedYear.objects.filter(project=project),
            recording=recording,
            today=today,
        ),
        grand=totals_text(grand),
        obligations=[
            row(o, today) for o in project_obligations(project, today) if o.kind is Kind.DISCLOSURE
        ],
        can_record=bool(recording),
        accepts_transfers=project.state_enum in PUBLIC_STATES,
        back_link={
            "href": reverse("partnerships:detail", args=[project.pk]),
            "text": "Back to project",
        },
    )
