"""Case studies: what a past partnership did, achieved and learnt, for others to copy.

The vocabularies behind every structured field live in `triplewin.core.library.vocabulary`;
the choices here are built from them so the database, the imports and the facets agree.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q

from triplewin.core.library import vocabulary as vocab


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class CaseStudyQuerySet(models.QuerySet["CaseStudy"]):
    def published(self) -> CaseStudyQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def drafts(self) -> CaseStudyQuerySet:
        return self.filter(status=Status.DRAFT)


class CaseStudy(models.Model):
    # A stable name for studies that arrive from seeds or files, so loading again updates
    # rather than duplicates. Studies drafted from a project have none.
    key = models.SlugField(max_length=80, blank=True)
    title = models.CharField(max_length=200)
    summary = models.TextField("Summary", max_length=2000)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    working_type = models.CharField(
        "Type of arrangement",
        max_length=2,
        blank=True,
        choices=vocab.choices(vocab.WORKING_TYPES, include_blank=False),
    )
    setting = models.CharField(max_length=16, choices=vocab.choices(vocab.SETTINGS))
    nation = models.CharField(
        max_length=20, choices=vocab.choices(vocab.NATIONS), default="england"
    )
    region = models.CharField(
        "NHS England region",
        max_length=24,
        blank=True,
        choices=vocab.choices(vocab.REGIONS, include_blank=False),
    )
    icb = models.CharField(
        "Integrated care board or health board", max_length=200, blank=True, db_index=True
    )
    condition = models.CharField(
        "Condition or service", max_length=200, blank=True, help_text="For example, COPD."
    )
    inequalities_focus = models.BooleanField("Health inequalities focus", default=False)
    inequalities_how = models.TextField("How it tackled inequalities", blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    dates_approximate = models.BooleanField("The dates are approximate", default=False)
    background = models.TextField("Background and need", blank=True)
    objectives = models.TextField(blank=True)
    what_was_done = models.TextField("What was done", blank=True)
    outcomes_narrative = models.TextField("Outcomes in brief", blank=True)
    what_happened_next = models.CharField(
        "What happened next",
        max_length=16,
        choices=vocab.choices(vocab.NEXT_STEPS),
        default="unknown",
    )
    what_happened_next_detail = models.TextField("What happened next, in detail", blank=True)
    # For peers who want to learn more; shown to signed-in users only, never on public pages,
    # exports or the search index (ADR 0021).
    contact_name = models.CharField("Contact name", max_length=150, blank=True)
    contact_role = models.CharField("Contact's role and organisation", max_length=200, blank=True)
    contact_email = models.EmailField("Contact email", blank=True)
    # Guidance: outcome reports are shared with the ABPI for its case study library.
    shared_with_abpi_on = models.DateField(
        "Date the outcomes summary was shared with the ABPI", null=True, blank=True
    )
    project = models.OneToOneField(
        "partnerships.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_study",
        help_text="The live project in Triple Win this study describes, if there is one.",
    )
    # Normalised index text per weight class (A most important), written by
    # `search.index.reindex`; PostgreSQL builds search_vector from them, SQLite copies them
    # into its FTS5 table.
    search_a = models.TextField(blank=True, editable=False)
    search_b = models.TextField(blank=True, editable=False)
    search_c = models.TextField(blank=True, editable=False)
    search_d = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    # The therapy areas and intervention types again, as bit masks in vocabulary order
    # (core.library.vocabulary.mask): facets count and filter on them without joining the
    # tags. Derived, like the fields above, and rewritten by `search.index.reindex`.
    therapy_mask = models.PositiveIntegerField(default=0, editable=False)
    intervention_mask = models.PositiveIntegerField(default=0, editable=False)
    # What similarity scoring compares (see core.library.similarity.Profile).
    profile = models.JSONField(default=dict, blank=True, editable=False)
    row_version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseStudyQuerySet.as_manager()

    class Meta:
        ordering = ("-published_at", "-id")
        verbose_name_plural = "case studies"
        indexes = [
            # Covers every facet (and the id), so counting them never reads the wide rows.
            models.Index(
                fields=[
                    "status",
                    "setting",
                    "working_type",
                    "inequalities_focus",
                    "what_happened_next",
                    "nation",
                    "region",
                    "icb",
                    "therapy_mask",
                    "intervention_mask",
                    "id",
                ],
                name="library_case_facets",
            ),
            # Newest first, a page at a time, without sorting the whole library.
            models.Index(fields=["status", "-published_at"], name="library_case_newest"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=~Q(key=""), name="unique_case_key"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="published_case_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class Tag(models.Model):
    """One value of a multi-valued field (a therapy area or an intervention type)."""

    class Kind(models.TextChoices):
        THERAPY = "therapy", "Therapy area"
        INTERVENTION = "intervention", "Intervention type"

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    code = models.CharField(max_length=32)

    class Meta:
        ordering = ("kind", "code")
        constraints = [
            models.UniqueConstraint(fields=["case_study", "kind", "code"], name="unique_case_tag")
        ]
        indexes = [models.Index(fields=["kind", "code", "case_study"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.code}"


class Party(models.Model):
    """A partner: linked to its organisation record when Triple Win has one."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="parties")
    position = models.PositiveSmallIntegerField(default=0)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(max_length=255)
    sector = models.CharField(max_length=10, choices=vocab.choices(vocab.SECTORS))
    contribution = models.TextField("Role and contribution", blank=True, max_length=2000)

    class Meta:
        ordering = ("position", "id")
        verbose_name_plural = "parties"

    def __str__(self) -> str:
        return self.name


class Outcome(models.Model):
    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="outcomes")
    position = models.PositiveSmallIntegerField(default=0)
    measure = models.CharField(max_length=200)
    unit = models.CharField(max_length=40, blank=True)
    before = models.DecimalField(max_digits=16, decimal_places=3, null=True, blank=True)
    after = models.DecimalField(max_digits=16, decimal_places=3, null=True, blank=True)
    period = models.CharField(max_length=100, blank=True)
    narrative = models.TextField(blank=True, max_length=1000)

    class Meta:
        ordering = ("position", "id")

    def __str__(self) -> str:
        return self.measure


class Lesson(models.Model):
    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveSmallIntegerField(default=0)
    barrier = models.CharField(
        max_length=32, blank=True, choices=vocab.choices(vocab.BARRIERS), db_index=True
    )
    lesson = models.TextField(max_length=2000)
    how_overcome = models.TextField("How it was overcome", blank=True, max_length=2000)

    class Meta:
        ordering = ("position", "id")

    def __str__(self) -> str:
        return self.lesson[:60]


class Source(models.Model):
    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="sources")
    position = models.PositiveSmallIntegerField(default=0)
    url = models.URLField(max_length=500)
    title = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ("position", "id")

    def __str__(self) -> str:
        return self.title or self.url


class FtsColumn(models.TextField):  # type: ignore[type-arg]
    """The FTS5 hidden column; it supports one lookup, `match`."""


@FtsColumn.register_lookup
class FtsMatch(models.Lookup):  # type: ignore[type-arg]
    lookup_name = "match"

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class FtsDocument(models.Model):
    """SQLite only: the FTS5 virtual table, created by migration 0002 and written by
    `search.index`. Declared so queries can join it; Django never creates or alters it.

    `document` is FTS5's hidden column named after the table, the left side of MATCH and the
    first argument of bm25().
    """

    case_study = models.OneToOneField(
        CaseStudy,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="fts",
    )
    document = FtsColumn(db_column="library_fts")
    a = models.TextField()
    b = models.TextField()
    c = models.TextField()
    d = models.TextField()

    class Meta:
        managed = False
        db_table = "library_fts"

    def __str__(self) -> str:
        return f"FTS row {self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError("The FTS table is written by triplewin.library.search.index.")
