"""Deadlines and disclosures: everything the signed-in person's projects owe, and the
Disclosure UK files of the companies they act for."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from triplewin.delivery.overruns import overruns_for
from triplewin.kpis.selectors import kept_by
from triplewin.meetings.selectors import open_actions_of
from triplewin.obligations.given import given_actions, given_kpis
from triplewin.obligations.presenters import by_urgency, row
from triplewin.obligations.selectors import obligations_for
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import page
from triplewin.transfers import authority, disclosure_uk
from triplewin.transfers.presenters import year_files

# A person in oversight of a large system can see hundreds of projects; the dashboard is
# the place for the whole picture, so this page lists the most urgent.
LIMIT = 200


@login_required
def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    projects = list(Project.objects.visible_to(request.user).order_by("pk"))
    found = obligations_for(projects, today)
    rows = by_urgency(
        [
            row(o, today, project_id=p.pk, project_title=p.title)
            for p in projects
            for o in found[p.pk]
            if o.is_open and o.due_on is not None
        ]
    )
    overrun = overruns_for(projects, today)
    overran = [(p, late) for p in projects if (late := overrun[p.pk]) is not None]
    companies = [
        (c, year_files(disclosure_uk.years(c))) for c in authority.export_companies(request.user)
    ]
    return page(
        request,
        "obligations/index.jinja",
        title="Deadlines and disclosures",
        nav="disclosure",
        rows=rows[:LIMIT],
        overruns=sorted(overran, key=lambda item: -item[1].days)[:LIMIT],
        total=len(rows),
        limit=LIMIT,
        companies=[(c, years) for c, years in companies if years],
        given_actions=given_actions(open_actions_of(request.user, [p.pk for p in projects]), today),
        given_kpis=given_kpis(kept_by(request.user, projects)),
    )
