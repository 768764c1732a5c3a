"""The executive summary: the public face of a partnership on the register.

It is drafted from the approved PID, edited while a draft, certified by the industry
partner's signatory and then published before delivery starts. Only a summary whose
publication date has arrived appears on the public register.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    CERTIFIED = "certified", "Certified"
    PUBLISHED = "published", "Published"


class ExecutiveSummaryQuerySet(models.QuerySet["ExecutiveSummary"]):
    def published(self, today: dt.date | None = None) -> ExecutiveSummaryQuerySet:
        return self.filter(
            published_on__isnull=False, published_on__lte=today or timezone.localdate()
        )


class ExecutiveSummary(models.Model):
    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="executive_summary"
    )
    title = models.CharField(max_length=200, blank=True)
    rationale = models.TextField(blank=True)
    objectives = models.TextField(blank=True)
    benefits_patients = models.TextField("Benefits to patients", blank=True)
    benefits_nhs = models.TextField("Benefits to the NHS", blank=True)
    benefits_industry = models.TextField("Benefits to industry", blank=True)
    period = models.CharField(max_length=200, blank=True)
    financial_arrangements = models.TextField(blank=True)
    publication_plans = models.TextField(blank=True)
    contacts = models.TextField("Accountable contacts", blank=True)
    roles = models.TextField("Roles and responsibilities", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    generated_from = models.ForeignKey(
        "pid.PidVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The approved PID version this summary was drafted from.",
    )
    certified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    certified_on = models.DateField(null=True, blank=True)
    certified_hash = models.CharField(max_length=64, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_on = models.DateField(null=True, blank=True, db_index=True)
    row_version = models.PositiveIntegerField(default=1)

    objects = ExecutiveSummaryQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Executive summary for {self.project}"
