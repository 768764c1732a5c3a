"""The executive summary: the public face of a partnership on the register.

Stage 2 fills in its generation, certification and publication workflow; here it holds what
the register shows and the publication date that opens the "summary published" gate.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone


class ExecutiveSummaryQuerySet(models.QuerySet["ExecutiveSummary"]):
    def published(self, today: dt.date | None = None) -> ExecutiveSummaryQuerySet:
        return self.filter(
            published_on__isnull=False, published_on__lte=today or timezone.localdate()
        )


class ExecutiveSummary(models.Model):
    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="executive_summary"
    )
    rationale = models.TextField(blank=True)
    objectives = models.TextField(blank=True)
    benefits_patients = models.TextField(blank=True)
    benefits_nhs = models.TextField(blank=True)
    benefits_industry = models.TextField(blank=True)
    period = models.CharField(max_length=200, blank=True)
    financial_arrangements = models.TextField(blank=True)
    publication_plans = models.TextField(blank=True)
    contacts = models.TextField("Accountable contacts", blank=True)
    roles = models.TextField("Roles and responsibilities", blank=True)
    certified_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True, db_index=True)

    objects = ExecutiveSummaryQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Executive summary for {self.project}"
