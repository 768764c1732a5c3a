"""The project initiation document: its own fields, its frozen versions, and their sign-off.

The PID as read and approved is assembled from several records (the concept, the team,
contributions, plans and the fields below); see `triplewin.pid.sections`. A version freezes
that assembly as canonical JSON; certification and approvals are acts in the sign-off engine
(`triplewin.signoff`), bound to its hash.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

# Re-exported: PID sign-off uses the same approve and reject choices as the concept.
from triplewin.concept.models import Decision as Decision
from triplewin.partnerships.models import Immutable


class Methodology(models.TextChoices):
    PRINCE2 = "prince2", "PRINCE2"
    AGILE = "agile", "Agile"
    LEAN = "lean", "Lean or a lighter-touch method"
    OTHER = "other", "Other"


# The PID's own fields in the order they appear in the document and on the edit page.
PID_FIELDS = (
    "objectives",
    "success_what",
    "success_measure",
    "success_when",
    "success_by_whom",
    "governance_framework",
    "methodology",
    "methodology_notes",
    "meeting_schedule",
    "exit_strategy",
    "patient_confidentiality",
)


class Pid(models.Model):
    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="pid"
    )
    objectives = models.TextField(
        "Objectives and intended outcomes",
        blank=True,
        help_text="What the project will achieve, stated so that it can be checked at the end.",
    )
    success_what = models.TextField("What counts as success", blank=True)
    success_measure = models.TextField("How success is measured", blank=True)
    success_when = models.CharField("When success is measured", max_length=300, blank=True)
    success_by_whom = models.CharField("Who measures success", max_length=300, blank=True)
    governance_framework = models.TextField(
        "Governance framework",
        blank=True,
        help_text="How decisions are made and escalated, and who reports to whom.",
    )
    methodology = models.CharField(
        "Project methodology", max_length=16, choices=Methodology.choices, blank=True
    )
    methodology_notes = models.TextField(
        "Notes on the methodology",
        blank=True,
        help_text="Required if you chose 'Other': name the method and say how you will use it.",
    )
    meeting_schedule = models.TextField(
        "Meeting schedule",
        blank=True,
        help_text="How often the project team meets, and how agendas and minutes are shared.",
    )
    exit_strategy = models.TextField(
        "Exit strategy",
        blank=True,
        help_text="What happens when the project ends or is stopped early.",
    )
    patient_confidentiality = models.TextField(
        "Confidentiality of patient information",
        blank=True,
        help_text="How patient information is protected, and what company partners may see.",
    )
    row_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "PID"
        verbose_name_plural = "PIDs"

    def __str__(self) -> str:
        return f"PID for {self.project}"


class PidPartyResponsibility(models.Model):
    """What one partner must do if the project is terminated early."""

    pid = models.ForeignKey(Pid, on_delete=models.CASCADE, related_name="party_responsibilities")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField("Responsibilities if the project is terminated", blank=True)

    class Meta:
        ordering = ("organisation__name",)
        constraints = [
            models.UniqueConstraint(
                fields=["pid", "organisation"], name="one_termination_duty_per_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.text[:40]}"


class PidVersion(Immutable):
    """The assembled PID frozen at the moment it was submitted for approval."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.PROTECT, related_name="pid_versions"
    )
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    content_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_label = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = "PID version"
        ordering = ("number",)
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="unique_pid_version_number")
        ]

    def __str__(self) -> str:
        return f"PID version {self.number}"
