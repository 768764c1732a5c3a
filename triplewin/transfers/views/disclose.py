"""A company marks one year of a project's transfers as disclosed on Disclosure UK."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.transfers import services
from triplewin.transfers.forms import DiscloseForm
from triplewin.transfers.models import DisclosedYear, TransferOfValue
from triplewin.transfers.views._access import recording_companies_or_403


@require_http_methods(["GET", "POST"])
def disclose(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    companies = recording_companies_or_403(request, project)
    today = timezone.localdate()
    marked = set(
        DisclosedYear.objects.filter(project=project, company__in=companies).values_list(
            "company_id", "year"
        )
    )
    years = sorted(
        {
            year
            for company_id, year in TransferOfValue.objects.filter(
                project=project, company__in=companies, year__lt=today.year
            ).values_list("company_id", "year")
            if (company_id, year) not in marked
        },
        reverse=True,
    )
    initial: dict[str, object] = {"disclosed_on": today}
    if request.GET.get("year", "").isdigit():
        initial["year"] = int(request.GET["year"])
    form = DiscloseForm(request.POST or None, companies=companies, years=years, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.year_mark_disclosed(
                actor=actor(request),
                project=project,
                company=form.chosen_company(),
                year=form.cleaned_data["year"],
                disclosed_on=form.cleaned_data["disclosed_on"],
                today=today,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['year']} marked as disclosed.")
            return redirect("transfers:list", pk=project.pk)
    return page(
        request,
        "transfers/disclose.jinja",
        title=f"Mark a year disclosed: {project.title}",
        nav="projects",
        project=project,
        form=form,
        has_years=bool(years),
        back_link={
            "href": reverse("transfers:list", args=[project.pk]),
            "text": "Back to transfers of value",
        },
    )
