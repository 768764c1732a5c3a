"""The committee's terms of reference: how formal decisions are carried."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from triplewin.core import parity
from triplewin.meetings.forms import TermsForm
from triplewin.meetings.models import TermsOfReference
from triplewin.meetings.selectors import committee_rule
from triplewin.meetings.services import terms as services
from triplewin.meetings.services._common import meetings_allowed
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import (
    actor,
    apply_validation_error,
    page,
    require_edit,
)
from triplewin.submissions.versions import version_of


@require_http_methods(["GET", "POST"])
def terms_of_reference(request: HttpRequest, pk: int) -> HttpResponse:
    """Everyone who sees the project sees the rule; editors may change it."""
    project = access.visible_project_or_404(request.user, pk)
    can_edit = access.can_edit(request.user, project) and meetings_allowed(project)
    in_force = committee_rule(project)
    saved = TermsOfReference.objects.filter(project=project).first()
    form = TermsForm(
        request.POST if request.method == "POST" else None,
        initial={
            "decision_rule": in_force.rule.value,
            "quorum_per_party": in_force.quorum,
            "row_version": version_of(saved),
        },
    )
    if request.method == "POST":
        require_edit(request, project)
        if form.is_valid():
            try:
                services.terms_set(
                    actor=actor(request),
                    project=project,
                    decision_rule=form.cleaned_data["decision_rule"],
                    quorum_per_party=form.cleaned_data["quorum_per_party"],
                    expected_version=form.cleaned_data["row_version"],
                )
            except StaleEdit as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request, "Terms of reference saved. Votes closed from now on use them."
                )
                return redirect("meetings:terms", pk=project.pk)
    return page(
        request,
        "meetings/terms.jinja",
        title=f"Terms of reference: {project.title}",
        nav="projects",
        project=project,
        rule=in_force,
        form=form,
        can_edit=can_edit,
        is_joint=project.intended_type == "jw",
        source=parity.JOINT_OWNERSHIP_SOURCE,
        back_link={"href": reverse("meetings:list", args=[project.pk]), "text": "Back to meetings"},
    )
