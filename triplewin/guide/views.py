"""Public pages that explain the rules and the guidance's key resources; no sign-in needed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from triplewin.core import glossary as words
from triplewin.core import resources
from triplewin.core.rules.explained import grouped
from triplewin.partnerships.views._helpers import page


@require_GET
def rules(request: HttpRequest) -> HttpResponse:
    groups = grouped()
    return page(
        request,
        "guide/rules.jinja",
        title="The rules, in plain English",
        nav="rules",
        groups=groups,
        rule_count=sum(len(g.rules) for g in groups),
        trust=resources.TRUST_STEPS,
        trust_source=resources.TRUST_SOURCE,
        stakeholders=resources.STAKEHOLDER_GROUPS,
        stakeholder_prompts=resources.STAKEHOLDER_PROMPTS,
        stakeholder_source=resources.STAKEHOLDER_SOURCE,
    )


@require_GET
def glossary(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "guide/glossary.jinja",
        title="Words used in partnerships",
        nav="rules",
        terms=sorted(words.TERMS, key=lambda t: t.term.lower()),
    )
