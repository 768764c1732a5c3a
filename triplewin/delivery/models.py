"""Delivery tracking: milestones, RAG overrides, the risk and issue logs, and termination.

The action log lives with the meetings that agree actions (`triplewin.meetings`); the RAG
status itself is computed (`triplewin.core.rag`) and only the overrides people make are stored.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from triplewin.core import risk_matrix
from triplewin.partnerships.models import Immutable

TEXT_LIMIT = 8000


class Milestone(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(max_length=200)
    planned_on = models.DateField("Planned date")
    actual_on = models.DateField("Date achieved", null=True, blank=True)
    owner = models.CharField(max_length=200, help_text="The person or role who answers for it.")
    notes = models.TextField(blank=True)
    row_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("planned_on", "id")

    def __str__(self) -> str:
        return self.title


class OverrideRating(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


class RagOverride(Immutable):
    """Someone's judgement that the status is not what the records compute, and why."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.PROTECT, related_name="rag_overrides"
    )
    rating = models.CharField(max_length=8, choices=OverrideRating.choices)
    reason = models.TextField()
    expires_on = models.DateField(
        "Override ends on",
        null=True,
        blank=True,
        help_text="After this date the computed status shows again.",
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_by_label = models.CharField(max_length=255)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "RAG override"
        ordering = ("at", "id")

    def __str__(self) -> str:
        return f"{self.get_rating_display()} override of project {self.project_id}"


class RagOverrideClearance(Immutable):
    """The explicit end of an override, before its end date (if it had one)."""

    override = models.OneToOneField(RagOverride, on_delete=models.PROTECT, related_name="clearance")
    reason = models.TextField(blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cleared_by_label = models.CharField(max_length=255)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "RAG override clearance"

    def __str__(self) -> str:
        return f"Clearance of override {self.override_id}"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    MONITORING = "monitoring", "Being monitored"
    CLOSED = "closed", "Closed"


SCORE_RANGE = [MinValueValidator(1), MaxValueValidator(5)]


class Risk(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="risks"
    )
    description = models.TextField(help_text="What might happen, and what it would affect.")
    likelihood = models.PositiveSmallIntegerField(
        choices=sorted(risk_matrix.LIKELIHOOD_LABELS.items()), validators=SCORE_RANGE
    )
    impact = models.PositiveSmallIntegerField(
        choices=sorted(risk_matrix.IMPACT_LABELS.items()), validators=SCORE_RANGE
    )
    owner = models.CharField(max_length=200)
    mitigation = models.TextField(blank=True, help_text="What is being done to reduce it.")
    status = models.CharField(max_length=12, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    row_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("id",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5)
                & models.Q(impact__gte=1, impact__lte=5),
                name="risk_scores_on_the_5x5_grid",
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def score(self) -> int:
        return risk_matrix.score(self.likelihood, self.impact)


class IssueStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    CLOSED = "closed", "Closed without resolution"


class Issue(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="issues"
    )
    description = models.TextField(help_text="What has happened, and what it affects.")
    raised_by = models.CharField(max_length=200, help_text="Who noticed it.")
    raised_on = models.DateField()
    owner = models.CharField(max_length=200)
    resolution = models.TextField(blank=True, help_text="What was done, or what is planned.")
    status = models.CharField(max_length=12, choices=IssueStatus.choices, default=IssueStatus.OPEN)
    row_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return self.description[:80]


class Termination(Immutable):
    """How the project was stopped early under its exit strategy."""

    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.PROTECT, related_name="termination"
    )
    ended_on = models.DateField("Date delivery stopped")
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by_label = models.CharField(max_length=255)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Termination of project {self.project_id}"


class StepKind(models.TextChoices):
    EXIT_STRATEGY = "exit_strategy", "Exit strategy"
    PARTY = "party", "Partner's responsibilities"
    FUNDED_POST = "funded_post", "Industry-funded post"


class TerminationStep(Immutable):
    """One step of the exit strategy: what was planned (copied) and what was done."""

    termination = models.ForeignKey(Termination, on_delete=models.PROTECT, related_name="steps")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16, choices=StepKind.choices)
    # Copied from the PID or the contribution, so the record reads the same if they change.
    subject = models.CharField(max_length=300)
    planned = models.TextField()
    done = models.TextField("What was done")

    class Meta:
        ordering = ("order",)
        constraints = [
            models.UniqueConstraint(fields=["termination", "order"], name="unique_step_order")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"
