"""The executive summary: the public face of a partnership on the register.

It is drafted from the approved PID, edited while a draft, certified by the industry
partner's signatory and then published before delivery starts. Only a summary whose
publication date has arrived appears on the public register.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Concat, Upper
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
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
    # The day the summary went public, for the register's lists; the publication itself (who,
    # for whom, on which text) is the sign-off engine's act, written in the same transaction.
    published_on = models.DateField(null=True, blank=True, db_index=True)
    row_version = models.PositiveIntegerField(default=1)
    # What the register's text search reads (register/selectors.py): the three searchable
    # fields, upper-cased once when written rather than on every search. The database keeps it
    # in step with them, so no write can forget to (ADR 0042).
    search_text = models.GeneratedField(
        expression=Upper(
            Concat(
                "title",
                Value("\n"),
                "rationale",
                Value("\n"),
                "objectives",
                output_field=models.TextField(),
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
    )

    objects = ExecutiveSummaryQuerySet.as_manager()

    class Meta:
        indexes = [
            # The register searches a project's own title only where the summary has none.
            models.Index(fields=["project"], condition=Q(title=""), name="summary_untitled"),
            # What is published, and in which order, read without touching the long text
            # (PostgreSQL only: SQLite has no covering indexes, and Django skips it there).
            models.Index(
                fields=["published_on"], include=["project"], name="summary_published_cover"
            ),
        ]

    def __str__(self) -> str:
        return f"Executive summary for {self.project}"


class Document(models.TextChoices):
    EXECUTIVE_SUMMARY = "executive_summary", "Executive summary"
    OUTCOMES = "outcomes", "Summary of project outcomes"


class WebsitePublication(models.Model):
    """Where one partner published one of the project's summaries on its own website.

    The ABPI Code requires the executive summary on each industry partner's website before the
    project starts, and the outcomes summary afterwards; NHS partners are encouraged to
    publish too (ADR 0021). A background check records whether the page still answers.
    """

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="website_publications"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    document = models.CharField(max_length=20, choices=Document.choices)
    url = models.URLField(
        "Web address of the page",
        max_length=500,
        help_text="The page on the organisation's own website, starting with https://.",
    )
    live_on = models.DateField(
        "Date the page went live", help_text="The day the page was first public."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    row_version = models.PositiveIntegerField(default=1)
    # What the last background check found; None until a check has run.
    checked_at = models.DateTimeField(null=True, blank=True)
    answered = models.BooleanField(null=True, blank=True)
    check_detail = models.CharField(max_length=200, blank=True)
    failing_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("document", "organisation__name")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "document"],
                name="unique_website_publication",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_document_display()} on {self.organisation}'s website"

    @property
    def not_answering(self) -> bool:
        return self.answered is False
