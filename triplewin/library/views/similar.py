"""'Most similar to my project': for anyone who can see the project."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from triplewin.core.library import vocabulary as vocab
from triplewin.library import similar
from triplewin.library.presenters import CaseStudyPresenter, similarity
from triplewin.library.search.hits import Hits
from triplewin.library.similar import project_profile
from triplewin.partnerships import access as project_access
from triplewin.partnerships.views._helpers import page

SHOWN = 10


@require_GET
def similar_to_project(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_access.visible_project_or_404(request.user, project_pk)
    profile = project_profile(project)
    ranked = similar.rank(profile, limit=SHOWN)
    matches = {m.key: m for m in ranked}
    rows = [(CaseStudyPresenter(cs), similarity(matches[cs.pk])) for cs in Hits.of(list(matches))]
    return page(
        request,
        "library/similar.jinja",
        title=f"Case studies like {project.title}",
        nav="library",
        project=project,
        rows=rows,
        therapy=[vocab.label(vocab.THERAPY_AREAS, c) for c in sorted(profile.therapy_areas)],
        setting=vocab.label(vocab.SETTINGS, profile.setting),
        interventions=[vocab.label(vocab.INTERVENTIONS, c) for c in sorted(profile.interventions)],
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to the project"},
    )
