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


class SharingBasis(models.TextChoices):
    AGREEMENT = "dsa", "A data sharing agreement"
    MEMORANDUM = "mou", "A memorandum of understanding"
    NOT_SHARED = "not_shared", "Not shared: it stays inside the organisation that holds it"


class Dpia(models.TextChoices):
    SIGNED_OFF = "signed_off", "Done and signed off"
    DONE = "done", "Done, not yet signed off"
    NOT_DONE = "not_done", "Not done yet"
    NOT_NEEDED = "not_needed", "Not needed: screening found no high risk"


# A DPIA passes the DATA-FLOWS-DPIA rule when it is signed off, or screening found none needed.
DPIA_SETTLED = frozenset({Dpia.SIGNED_OFF, Dpia.NOT_NEEDED})


class DataItem(PlanEntry):
    what = models.CharField("Data collected", max_length=200)
    source = models.CharField(max_length=200)
    collected_by = models.CharField(max_length=200)
    frequency = models.CharField(max_length=200)
    shared_with_company = models.BooleanField("A company partner sees this data", default=False)
    anonymised = models.BooleanField(default=False)
    aggregated = models.BooleanField(default=False)
    # Information governance for this flow (issue 13, item 12).
    controller = models.CharField(
        "Data controller",
        max_length=200,
        blank=True,
        help_text="The organisation that decides why and how this data is used.",
    )
    sharing_basis = models.CharField(
        "What covers passing this data on",
        max_length=16,
        choices=SharingBasis.choices,
        blank=True,
    )
    sharing_reference = models.CharField(
        "Name or reference of the agreement or memorandum",
        max_length=200,
        blank=True,
        help_text="For example 'ICB data sharing agreement DSA-2026-014'.",
    )
    dpia = models.CharField(
        "Data protection impact assessment (DPIA)",
        max_length=16,
        choices=Dpia.choices,
        blank=True,
    )

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


class DigitalTool(PlanEntry):
    """A digital tool used in patient care: its clinical safety must be assured (DCB0160)."""

    name = models.CharField("Digital tool", max_length=200)
    supplier = models.CharField(max_length=200)
    use = models.TextField("What it is used for")
    safety_officer = models.CharField(
        "Clinical safety officer",
        max_length=200,
        blank=True,
        help_text="The NHS organisation's clinical safety officer for this deployment.",
    )
    dcb0160_record = models.CharField(
        "DCB0160 clinical risk management record",
        max_length=200,
        blank=True,
        help_text="The clinical safety case or hazard log, by name or reference.",
    )
    dcb0160_approved = models.BooleanField(
        "The clinical safety officer has approved the record", default=False
    )

    class Meta(PlanEntry.Meta):
        verbose_name = "digital tool"
        verbose_name_plural = "digital tools"

    def __str__(self) -> str:
        return self.name


class Independence(models.TextChoices):
    INDEPENDENT = "independent", "Independent of every partner, such as a university"
    NHS_PARTNER = "nhs_partner", "An NHS partner's own team"
    COMPANY = "company", "The company partner"
    JOINT = "joint", "The partners together"


class EvaluationEntry(PlanEntry):
    """Who evaluates the project, how independent they are, and how."""

    evaluator = models.CharField("Who evaluates", max_length=200)
    independence = models.CharField(
        "How independent they are", max_length=16, choices=Independence.choices
    )
    methods = models.TextField("Methods")
    reporting = models.CharField("When they report", max_length=200, blank=True)

    class Meta(PlanEntry.Meta):
        verbose_name = "evaluation"
        verbose_name_plural = "evaluations"

    def __str__(self) -> str:
        return self.evaluator


class SustainabilityEntry(PlanEntry):
    """What happens to the service when company support ends."""

    service = models.CharField("What continues", max_length=200)
    commissioner = models.CharField("Who commissions it afterwards", max_length=200)
    evidence_needed = models.TextField("What evidence the commissioner will need")
    handover = models.TextField("How skills and knowledge are handed over")

    class Meta(PlanEntry.Meta):
        verbose_name = "sustainability and handover entry"
        verbose_name_plural = "sustainability and handover entries"

    def __str__(self) -> str:
        return self.service
