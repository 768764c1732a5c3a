"""The Project Concept Framework; partners decide on it through the sign-off engine (ADR 0024)."""

from __future__ import annotations

from django.db import models

# The fields every partner sees and approves; the order is the order on the page.
CONCEPT_FIELDS = (
    "key_stakeholders",
    "purpose_background",
    "objectives",
    "benefit_patients",
    "benefit_nhs",
    "benefit_industry",
    "expected_prescribing_effect",
    "start_year",
    "start_quarter",
    "duration_months",
)


class ConceptFramework(models.Model):
    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="concept"
    )
    key_stakeholders = models.TextField(
        "Key stakeholders",
        blank=True,
        help_text="People and groups beyond the partners who need to be involved.",
    )
    purpose_background = models.TextField("Purpose and background", blank=True)
    objectives = models.TextField(blank=True)
    benefit_patients = models.TextField("Intended benefits to patients", blank=True)
    benefit_nhs = models.TextField("Intended benefits to the NHS", blank=True)
    benefit_industry = models.TextField("Intended benefits to industry", blank=True)
    # Issue 13 item 1: the guidance counts more patients found and prescribed for in line with
    # national and local guidelines among the benefits to industry, so the expected effect on
    # prescribing is stated openly beside them, never left implicit.
    expected_prescribing_effect = models.TextField(
        "Expected effect on prescribing",
        blank=True,
        help_text=(
            "Say openly how the project may change prescribing of any medicine, including the "
            "company's, for example more patients identified and treated in line with national "
            "and local guidelines. If no effect is expected, say so and why."
        ),
    )
    start_year = models.PositiveSmallIntegerField("Anticipated start year", null=True, blank=True)
    start_quarter = models.PositiveSmallIntegerField(
        "Anticipated start quarter",
        null=True,
        blank=True,
        choices=[(q, f"Q{q}") for q in (1, 2, 3, 4)],
    )
    duration_months = models.PositiveSmallIntegerField("Length in months", null=True, blank=True)
    row_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Concept framework for {self.project}"


class ConceptContribution(models.Model):
    """What one partner expects to put in: the budget and resource impact on that party."""

    concept = models.ForeignKey(
        ConceptFramework, on_delete=models.CASCADE, related_name="contributions"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(blank=True)
    estimated_value = models.DecimalField(
        "Estimated value (£)", max_digits=12, decimal_places=0, null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "organisation"], name="unique_concept_contribution"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.description[:40]}"


class Decision(models.TextChoices):
    APPROVE = "approve", "Approve"
    REJECT = "reject", "Reject"
