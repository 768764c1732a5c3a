"""`manage.py rebuild_library_index`: recompute every study's search text, masks and profile.

Needed after the normalisation in `core.library.text` changes (a new synonym, say), because
stored studies keep the tokens they were indexed with.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from triplewin.library import selectors
from triplewin.library.models import CaseStudy
from triplewin.library.search import index

BATCH = 200


class Command(BaseCommand):
    help = "Rebuild the case-study library's search index from the studies themselves."

    def handle(self, *args: Any, **options: Any) -> None:
        pks = list(CaseStudy.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            with transaction.atomic():
                for study in selectors.everything_in_order(pks[start : start + BATCH]):
                    index.reindex(study)
        self.stdout.write(self.style.SUCCESS(f"Reindexed {len(pks)} case studies."))
