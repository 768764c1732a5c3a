"""The public verification page: does this PDF or hash match a certified document?"""

from __future__ import annotations

import hashlib

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from triplewin.documents.forms import VerifyForm
from triplewin.documents.verification import match_file_hash, match_hash
from triplewin.partnerships.views._helpers import page

# Checks per address per minute: ample for a person, a nuisance for anyone enumerating hashes.
# django-ratelimit counts them in the shared cache, so every worker and server adds to one total.
CHECKS_PER_MINUTE = "20/m"


def _too_many(request: HttpRequest) -> bool:
    return bool(
        is_ratelimited(
            request,
            group="documents-verify",
            key="ip",
            rate=CHECKS_PER_MINUTE,
            method="POST",
            increment=True,
        )
    )


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = VerifyForm(request.POST if posted else None, request.FILES if posted else None)
    checked, match, status = False, None, 200
    if posted and _too_many(request):
        form.add_error(None, "Too many checks from your address. Wait a minute and try again.")
        status = 429
    elif posted and form.is_valid():
        checked = True
        content = form.cleaned_data.get("file")
        if content:
            match = match_file_hash(hashlib.sha256(content).hexdigest())
        else:
            match = match_hash(form.cleaned_data["digest"])
    return page(
        request,
        "documents/verify.jinja",
        title="Check a certified document",
        status=status,
        form=form,
        checked=checked,
        match=match,
    )
