"""Success criteria: KPIs, the sites they are measured at, their measurements and composite
criteria such as "micro-elimination" that a site meets only when several KPIs all do."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from triplewin.core.kpi_files import MAX_NOTE, Frequency
from triplewin.core.spc import Direction


class Category(models.TextChoices):
    CLINICAL = "clinical", "Clinical impact"
    DELIVERY = "delivery", "Delivery"
    SERVICE = "service", "Service effect"
    ECONOMIC = "economic", "Economic impact"
    EXPERIENCE = "experience", "Experience"


class FrequencyChoice(models.TextChoices):
    WEEKLY = Frequency.WEEKLY.value, "Weekly"
    MONTHLY = Frequency.MONTHLY.value, "Monthly"
    QUARTERLY = Frequency.QUARTERLY.value, "Quarterly"
    ANNUAL = Frequency.ANNUAL.value, "Annual (financial year)"


class DirectionChoice(models.TextChoices):
    UP = Direction.UP.value, "Higher is better"
    DOWN = Direction.DOWN.value, "Lower is better"


class Rollup(models.TextChoices):
    SUM = "sum", "Add the sites' values together (counts)"
    MEAN = "mean", "Average the sites' values (rates and percentages)"


class Site(models.Model):
    """A place where a multi-site project measures: a clinic, a practice, a service."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="kpi_sites"
    )
    name = models.CharField(max_length=120)
    code = models.CharField(
        max_length=20, blank=True, help_text="Optional short code, such as an ODS code."
    )

    class Meta:
        ordering = ("name", "id")
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="unique_site_name"),
            models.UniqueConstraint(
                fields=["project", "code"], condition=~Q(code=""), name="unique_site_code"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Kpi(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="kpis"
    )
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=16, choices=Category.choices)
    definition = models.TextField(
        help_text="Exactly what is counted, including the numerator and denominator of a rate."
    )
    unit = models.CharField(
        max_length=40, help_text="For example %, people, days or £. Shown on the chart's axis."
    )
    data_source = models.CharField(
        max_length=300, help_text="Where the numbers come from, such as a practice system search."
    )
    frequency = models.CharField(
        "How often it is measured", max_length=12, choices=FrequencyChoice.choices
    )
    baseline_value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    target_value = models.DecimalField(max_digits=14, decimal_places=4)
    target_date = models.DateField()
    direction = models.CharField(
        "Direction of improvement", max_length=4, choices=DirectionChoice.choices
    )
    rollup = models.CharField(
        "Combining sites",
        max_length=4,
        choices=Rollup.choices,
        default=Rollup.SUM,
        help_text="How the project's figure is made from the sites' figures for a period.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    company_may_see = models.BooleanField(
        "Company partners may see this KPI",
        default=False,
        help_text="Only anonymised, aggregated data may be shared with a company.",
    )
    aggregated_anonymised = models.BooleanField(
        "The data is anonymised and aggregated",
        default=False,
        help_text="No figure identifies a patient, and small numbers are suppressed.",
    )
    row_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("category", "name", "id")
        verbose_name = "KPI"
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="unique_kpi_name"),
            models.CheckConstraint(
                condition=Q(company_may_see=False) | Q(aggregated_anonymised=True),
                name="kpi_shared_only_if_aggregated",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def direction_enum(self) -> Direction:
        return Direction(self.direction)

    @property
    def frequency_enum(self) -> Frequency:
        return Frequency(self.frequency)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.company_may_see and not self.aggregated_anonymised:
            errors["aggregated_anonymised"] = (
                "A KPI shared with a company must hold only anonymised, aggregated data. "
                "Confirm that it does, or do not share it."
            )
        if (self.baseline_value is None) != (self.baseline_date is None):
            errors["baseline_date" if self.baseline_date is None else "baseline_value"] = (
                "Give both the baseline value and the date it was measured, or neither."
            )
        if self.baseline_date and self.target_date and self.target_date <= self.baseline_date:
            errors["target_date"] = "The target date must be after the baseline date."
        if errors:
            raise ValidationError(errors)


class Measurement(models.Model):
    """One value of a KPI for one period, for the whole project or for one site."""

    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="measurements")
    site = models.ForeignKey(
        Site, null=True, blank=True, on_delete=models.PROTECT, related_name="measurements"
    )
    # The first day of the period (see core.kpi_files.period_start).
    period = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=4)
    note = models.CharField(max_length=MAX_NOTE, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("kpi", "period", "site_id")
        indexes = [models.Index(fields=["kpi", "period"], name="kpis_measurement_kpi_period")]
        constraints = [
            models.UniqueConstraint(
                fields=["kpi", "period"],
                condition=Q(site__isnull=True),
                name="unique_project_measurement",
            ),
            models.UniqueConstraint(
                fields=["kpi", "site", "period"],
                condition=Q(site__isnull=False),
                name="unique_site_measurement",
            ),
        ]

    def __str__(self) -> str:
        where = f" at {self.site}" if self.site_id else ""
        return f"{self.kpi}{where}, {self.period}: {self.value}"


class Comparison(models.TextChoices):
    AT_LEAST = "gte", "at least"
    MORE_THAN = "gt", "more than"
    AT_MOST = "lte", "at most"
    LESS_THAN = "lt", "less than"


def compare(value: float, comparison: str, threshold: float) -> bool:
    if comparison == Comparison.AT_LEAST:
        return value >= threshold
    if comparison == Comparison.MORE_THAN:
        return value > threshold
    if comparison == Comparison.AT_MOST:
        return value <= threshold
    return value < threshold


class CompositeCriterion(models.Model):
    """A success criterion met only when every one of its conditions is met."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="kpi_criteria"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ("name", "id")
        verbose_name = "composite criterion"
        verbose_name_plural = "composite criteria"
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="unique_criterion_name")
        ]

    def __str__(self) -> str:
        return self.name


class CriterionCondition(models.Model):
    criterion = models.ForeignKey(
        CompositeCriterion, on_delete=models.CASCADE, related_name="conditions"
    )
    kpi = models.ForeignKey(Kpi, on_delete=models.PROTECT, related_name="conditions")
    comparison = models.CharField(max_length=3, choices=Comparison.choices)
    threshold = models.DecimalField(max_digits=14, decimal_places=4)

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.kpi} {self.get_comparison_display()} {self.threshold.normalize():f}"


class LimitsRecalculation(models.Model):
    """New process limits for a KPI's whole-project chart, from one period on (ADR 0027).

    Written by `services.limits_recalculate` when the values show a sustained shift: the
    limits before this period describe the old process, the ones from it the new.
    """

    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="recalculations")
    # The first period of the new process.
    starts_on = models.DateField()
    reason = models.CharField(max_length=300)
    automatic = models.BooleanField(default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("kpi", "starts_on")
        constraints = [
            models.UniqueConstraint(fields=["kpi", "starts_on"], name="unique_recalculation")
        ]

    def __str__(self) -> str:
        return f"{self.kpi}: new limits from {self.starts_on}"
