"""What each party brings to a project, valued where possible."""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    MONEY = "money", "Money"
    STAFF_TIME = "staff_time", "Staff time"
    SKILLS = "skills", "Skills and expertise"
    DATA_ANALYTICS = "data_analytics", "Data and analytics"
    PROJECT_MANAGEMENT = "project_management", "Project management"
    EQUIPMENT = "equipment", "Equipment"
    OTHER = "other", "Other"


class Contribution(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="contributions"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    description = models.TextField()
    role = models.CharField("Role (staff time)", max_length=150, blank=True)
    hours = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    value = models.DecimalField("Value (£)", max_digits=12, decimal_places=0, null=True, blank=True)
    # An NHS post paid for with industry money: it must stay under NHS control and have an exit plan.
    is_funded_post = models.BooleanField("Industry-funded NHS post", default=False)
    under_nhs_control = models.BooleanField(default=False)
    exit_strategy = models.TextField(blank=True)
    # The questions the guidance raises about staff paid with company money (issue 13, §15).
    beyond_normal_roles = models.TextField(
        "What the post adds beyond normal day-to-day roles", blank=True
    )
    retention_precautions = models.TextField(
        "Precautions against using company funding to retain staff", blank=True
    )
    employment_law_confirmed = models.BooleanField(
        "The employing NHS organisation confirms the post complies with employment law",
        default=False,
    )
    row_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("organisation__name", "kind", "pk")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_kind_display()}"
