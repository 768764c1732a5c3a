"""The contact for peers who want to learn more, and the day the outcomes reached the ABPI."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.library import access
from triplewin.library.forms import ContactForm
from triplewin.library.services import contact as contact_services
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, pk: int) -> HttpResponse:
    """The contact for peers, and when the outcomes were shared with the ABPI."""
    study = access.editable_or_404(request.user, pk)
    form = ContactForm(
        request.POST or None,
        initial={
            "contact_name": study.contact_name,
            "contact_role": study.contact_role,
            "contact_email": study.contact_email,
            "shared_with_abpi_on": study.shared_with_abpi_on,
            "row_version": study.row_version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contact_services.case_study_set_contact(
                actor=actor(request),
                case_study=study,
                contact_name=data["contact_name"],
                contact_role=data["contact_role"],
                contact_email=data["contact_email"],
                shared_with_abpi_on=data["shared_with_abpi_on"],
                expected_version=data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Contact saved.")
            return redirect("library:detail", pk=study.pk)
    return page(
        request,
        "library/contact.jinja",
        title=f"Contact for peers: {study.title}",
        nav="library",
        study=study,
        form=form,
        back_link={"href": f"/library/{study.pk}/", "text": "Back to the case study"},
    )
