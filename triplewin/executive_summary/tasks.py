"""Background tasks, run by `manage.py db_worker` (django-tasks' database backend).

Checking a partner's page makes a network request, so it never runs while someone waits for
a page: it runs here, when a page is recorded and once a day for every recorded page.
"""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from triplewin.core.web_pages import check_page
from triplewin.executive_summary import website
from triplewin.executive_summary.models import WebsitePublication


def _check(publication_id: int) -> str:
    row = WebsitePublication.objects.filter(pk=publication_id).only("url").first()
    if row is None:
        return "gone"
    result = check_page(row.url, allow_private=settings.WEBSITE_CHECK_ALLOW_PRIVATE)
    website.publication_check_recorded(publication_id=publication_id, result=result)
    return "answered" if result.answered else "not answering"


@task()
def check_website_page(publication_id: int) -> str:
    """Check one recorded page now."""
    return _check(publication_id)


@task()
def check_website_pages(today_iso: str | None = None) -> dict[str, int]:
    """The daily check of every recorded page."""
    counts = {"answered": 0, "not answering": 0, "gone": 0}
    for pk in WebsitePublication.objects.order_by("pk").values_list("pk", flat=True).iterator():
        counts[_check(pk)] += 1
    return counts
