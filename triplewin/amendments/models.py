"""Project amendments to an approved PID, their sign-off, and contract variations.

An amendment is drafted, then submitted: submission freezes its content under a hash, and the
certification and approvals it then collects are acts in the sign-off engine
(`triplewin.signoff`) bound to that hash, as for the PID itself.
When the last of them is given, its changes are applied and a new PID version is produced
(`triplewin.pid.services.pid_amend`); if the contract changes too, a variation agreement is
opened for the parties to sign.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

TEXT_LIMIT = 8000


class AmendmentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for approval"
    APPROVED = "approved", "Approved"


class Amendment(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.PROTECT, related_name="amendments"
    )
    number = models.PositiveIntegerField()
    title = models.CharField("What the amendment is about", max_length=200)
    reason = models.TextField("Why the change is needed")
    impact_timeline = models.TextField("Impact on the timeline", blank=True)
    impact_logistics = models.TextField("Impact on logistics and resources", blank=True)
    impact_money = models.TextField("Impact on money", blank=True)
    changes_contract = models.BooleanField("The agreement must change too", default=False)
    contract_changes = models.TextField("What changes in the agreement", blank=True)
    status = models.CharField(
        max_length=12, choices=AmendmentStatus.choices, default=AmendmentStatus.DRAFT
    )
    # Set on submission: the date, the PID content it was written against, and its own hash.
    submitted_on = models.DateField(null=True, blank=True)
    base_version = models.ForeignKey(
        "pid.PidVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    base_hash = models.CharField(max_length=64, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    produced_version = models.OneToOneField(
        "pid.PidVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendment",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_label = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    row_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("number",)
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="unique_amendment_number")
        ]

    def __str__(self) -> str:
        return f"Amendment {self.number}: {self.title}"


class AmendmentChange(models.Model):
    """One field of the PID the amendment changes, with the text before and after."""

    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="changes")
    section_title = models.CharField(max_length=200)
    field_key = models.CharField(max_length=100)
    field_label = models.CharField(max_length=300)
    before = models.TextField(blank=True)
    after = models.TextField()

    class Meta:
        ordering = ("id",)
        constraints = [
            models.UniqueConstraint(fields=["amendment", "field_key"], name="one_change_per_field")
        ]

    def __str__(self) -> str:
        return f"{self.section_title}: {self.field_label}"


class VariationAgreement(models.Model):
    """The change to the signed agreement that an approved amendment needs."""

    amendment = models.OneToOneField(Amendment, on_delete=models.PROTECT, related_name="variation")
    changes = models.TextField("What changes in the agreement")
    created_at = models.DateTimeField(auto_now_add=True)
    row_version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"Variation agreement for {self.amendment}"


class VariationParty(models.Model):
    """An organisation that signs a variation agreement. Its signature is a "sign" act of the
    sign-off engine, bound to the variation's content (ADR 0026)."""

    variation = models.ForeignKey(
        VariationAgreement, on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ("organisation__name",)
        constraints = [
            models.UniqueConstraint(
                fields=["variation", "organisation"], name="one_variation_signature_per_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} on {self.variation}"
