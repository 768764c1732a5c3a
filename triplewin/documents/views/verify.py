"""The public verification page: does this PDF or hash match a certified document?"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from triplewin.documents.forms import VerifyForm
from triplewin.documents.verification import match_file_hash, match_hash
from triplewin.partnerships.views._helpers import page

# Checks per address per minute: ample for a person, a nuisance for anyone enumerating hashes.
CHECKS_PER_MINUTE = 20


def _too_many(request: HttpRequest) -> bool:
    key = f"documents-verify:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=60)
        count = 1
    return count > CHECKS_PER_MINUTE


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
