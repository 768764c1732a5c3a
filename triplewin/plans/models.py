"""The set-up plans: who is affected, who hears what, which data is collected, how patients
take part, and who does what. Each plan is a list of structured entries, not a text blob, so
the rules can read it (for example, whether data a company sees is anonymised)."""

from __future__ import annotations

from django.db import models


class PlanEntry(models.Model):
    """Fields every plan entry shares; entries are shown in the order they were added."""

    project = models.ForeignKey("partnerships.Project", on_delete=models.CASCADE, related_name="+")
    row_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ("pk",)


class Scope(models.TextChoices):
    INTERNAL = "internal", "Internal (inside a partner organisation)"
    EXTERNAL = "external", "External"


class StakeholderEntry(PlanEntry):
    name = models.CharField("Stakeholder", max_length=200)
    scope = models.CharField("Internal or external", max_length=10, choices=Scope.choices)
    impacted = models.BooleanField("Impacted by the project", default=False)
    can_help_or_block = models.BooleanField("Able to help or block it", default=False)
    to_involve = models.BooleanField("To be involved", default=False)
    to_keep_informed = models.BooleanField("To be kept informed", default=False)
    notes = models.TextField(blank=True)

    class Meta(PlanEntry.Meta):
        verbose_name = "stakeholder"
        verbose_name_plural = "stakeholders"

    def __str__(self) -> str:
        return self.name


class CommunicationItem(PlanEntry):
    audience = models.CharField(max_length=200)
    message = models.TextField("Message or purpose")
    channel = models.CharField(max_length=200)
    timing = models.CharField("Frequency or timing", max_length=200)
    owner = models.CharField("Who sends it", max_length=200)

    class Meta(PlanEntry.Meta):
        verbose_name = "communication"
        verbose_name_plural = "communications"

    def __str__(self) -> str:
        return f"{self.audience}: {self.channel}"


class DataItem(PlanEntry):
    what = models.CharField("Data collected", max_length=200)
    source = models.CharField(max_length=200)
    collected_by = models.CharField(max_length=200)
    frequency = models.CharField(max_length=200)
    shared_with_company = models.BooleanField("A company partner sees this data", default=False)
    anonymised = models.BooleanField(default=False)
    aggregated = models.BooleanField(default=False)

    class Meta(PlanEntry.Meta):
        verbose_name = "data item"
        verbose_name_plural = "data items"

    def __str__(self) -> str:
        return self.what

    @property
    def company_sees_identifiable(self) -> bool:
        """A company may only ever see data that is both anonymised and aggregated."""
        return self.shared_with_company and not (self.anonymised and self.aggregated)


class EngagementKind(models.TextChoices):
    PATIENT_STORIES = "patient_stories", "Patient stories"
    PATHWAY_MAPPING = "pathway_mapping", "Pathway mapping with patients and staff"
    REPRESENTATION = "representation", "Representation and health inequalities"
    FEEDBACK = "feedback", "Feedback after the project"
    OTHER = "other", "Other"


class PatientEngagementActivity(PlanEntry):
    kind = models.CharField("Kind of activity", max_length=32, choices=EngagementKind.choices)
    description = models.TextField()
    timing = models.CharField("When", max_length=200)

    class Meta(PlanEntry.Meta):
        verbose_name = "patient engagement activity"
        verbose_name_plural = "patient engagement activities"

    def __str__(self) -> str:
        return self.get_kind_display()


class RaciEntry(PlanEntry):
    activity = models.CharField(max_length=200)
    responsible = models.CharField("Responsible (does the work)", max_length=200)
    accountable = models.CharField("Accountable (signs it off)", max_length=200)
    consulted = models.CharField("Consulted", max_length=200, blank=True)
    informed = models.CharField("Informed", max_length=200, blank=True)

    class Meta(PlanEntry.Meta):
        verbose_name = "RACI entry"
        verbose_name_plural = "RACI entries"

    def __str__(self) -> str:
        return self.activity
