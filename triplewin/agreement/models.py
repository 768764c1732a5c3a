"""The collaborative or joint working agreement: its clauses, its parties and signed copies."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from triplewin.partnerships.models import Immutable, WorkingType


class Agreement(models.Model):
    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="agreement"
    )
    working_type = models.CharField("Type of agreement", max_length=2, choices=WorkingType.choices)
    agreement_date = models.DateField("Date of the agreement", null=True, blank=True)
    term_months = models.PositiveSmallIntegerField("Term in months", null=True, blank=True)
    benefits = models.TextField("Benefits to each party", blank=True)
    financial_arrangements = models.TextField(blank=True)
    roles_responsibilities = models.TextField("Roles and responsibilities", blank=True)
    success_measures = models.TextField("How success is measured, when and by whom", blank=True)
    publication_plans = models.TextField(blank=True)
    formulary_position = models.TextField(blank=True)
    contingency = models.TextField("Contingency arrangements", blank=True)
    dispute_resolution = models.TextField(blank=True)
    exit_criteria = models.TextField(blank=True)
    confidentiality = models.TextField("Confidentiality and data protection", blank=True)
    anti_bribery = models.TextField("Anti-bribery and anti-corruption", blank=True)
    clinical_independence = models.TextField("Clinical independence", blank=True)
    non_promotional = models.TextField("Separation from promotion and marketing", blank=True)
    competition_confidentiality = models.TextField(
        "Competition law and commercial confidentiality", blank=True
    )
    code_breach_acknowledged = models.BooleanField(
        "The agreement says a breach of the ABPI Code may force it to be amended or stopped",
        default=False,
    )
    row_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Agreement for {self.project}"


class AgreementParty(models.Model):
    """An organisation that signs the agreement; never a person acting alone."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    signatory_name = models.CharField("Name of the person signing for it", max_length=200)
    signatory_job_title = models.CharField("Their job title", max_length=200)
    row_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("organisation__name",)
        verbose_name_plural = "agreement parties"
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="unique_agreement_party"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class SignedCopy(Immutable):
    """An uploaded signed copy, kept as uploaded: a later copy is added, never swapped in."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="signed_copies")
    stored_name = models.CharField(max_length=255, unique=True)
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_by_label = models.CharField(max_length=255)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("uploaded_at", "id")
        verbose_name_plural = "signed copies"

    def __str__(self) -> str:
        return self.original_name
