"""The public verification page: does this PDF or hash match a certified document?"""

from __future__ import annotations

import hashlib

from allauth.core import ratelimit
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from triplewin.documents.forms import VerifyForm
from triplewin.documents.verification import match_file_hash, match_hash
from triplewin.partnerships.views._helpers import page


def _too_many(request: HttpRequest) -> bool:
    """20 checks per address per minute (`ACCOUNT_RATE_LIMITS["verify_document"]`): ample for a
    person, a nuisance for anyone enumerating hashes. Counted in the shared cache by the one
    throttling mechanism the sign-in uses too (ADR 0032), so every worker adds to one total."""
    return not ratelimit.consume(request, action="verify_document")


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
