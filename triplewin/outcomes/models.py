"""The Summary of Project Outcomes: what a finished partnership achieved, made public.

It is drafted from the project's records once delivery ends, edited while a draft, certified
by the industry partner's signatory, approved by the project team and each party's governance
committee, and then published. Certification and every approval are bound to a hash of the
text, so a change after sign-off needs signing off again.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class OutcomesSummaryQuerySet(models.QuerySet["OutcomesSummary"]):
    def published(self, today: dt.date | None = None) -> OutcomesSummaryQuerySet:
        return self.filter(
            status=Status.PUBLISHED,
            published_on__isnull=False,
            published_on__lte=today or timezone.localdate(),
        )


class OutcomesSummary(models.Model):
    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="outcomes_summary"
    )
    partners = models.TextField("Partners", blank=True)
    duration = models.CharField("Duration", max_length=200, blank=True)
    overview = models.TextField("Overview", blank=True)
    results = models.TextField("Results against the success criteria", blank=True)
    outcomes_patients = models.TextField("Outcomes for patients", blank=True)
    outcomes_nhs = models.TextField("Outcomes for the NHS", blank=True)
    outcomes_industry = models.TextField("Outcomes for industry", blank=True)
    shared_vision = models.TextField("Was the shared vision sustained?", blank=True)
    contributions = models.TextField("Did every party contribute as agreed?", blank=True)
    benefits = models.TextField("How did each party benefit?", blank=True)
    relationships = models.TextField("Were relationships and trust maintained?", blank=True)
    business_case = models.TextField("Business case and commissioning", blank=True)
    scaling = models.TextField("Readiness to scale", blank=True)
    conclusions = models.TextField("Conclusions and learnings", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    generated_on = models.DateField(null=True, blank=True)
    # The day the summary went public, for the register's lists; the publication itself (who,
    # for whom, on which text) is the sign-off engine's act, written in the same transaction.
    published_on = models.DateField(null=True, blank=True, db_index=True)
    row_version = models.PositiveIntegerField(default=1)

    objects = OutcomesSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = "summary of project outcomes"
        verbose_name_plural = "summaries of project outcomes"

    def __str__(self) -> str:
        return f"Outcomes summary for {self.project}"


class Decision(models.TextChoices):
    APPROVE = "approve", "Approve"
    REJECT = "reject", "Reject"
