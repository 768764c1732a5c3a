"""Projects, their partners and their immutable lifecycle history."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from triplewin.audit.models import ImmutableRecord
from triplewin.core.lifecycle import STATES, State
from triplewin.organisations.models import Membership, Organisation, Role


class Setting(models.TextChoices):
    PRIMARY = "primary", "Primary care"
    SECONDARY = "secondary", "Secondary care"
    SYSTEM = "system", "System level (ICB or ICS)"


class WorkingType(models.TextChoices):
    COLLABORATIVE = "cw", "Collaborative working"
    JOINT = "jw", "Joint working"


class PartyRole(models.TextChoices):
    NHS_LEAD = "nhs_lead", "Lead NHS partner"
    NHS_PARTNER = "nhs_partner", "NHS partner"
    INDUSTRY_LEAD = "industry_lead", "Lead industry partner"
    INDUSTRY_PARTNER = "industry_partner", "Industry partner"
    OTHER_PARTNER = "other_partner", "Other partner"


class ProjectQuerySet(models.QuerySet["Project"]):
    def visible_to(self, user: Any) -> ProjectQuerySet:
        """Members of a partner organisation, and oversight leads of a partner's system."""
        if not user.is_authenticated:
            return self.none()
        member_orgs = Membership.objects.filter(user=user).values("organisation_id")
        oversight_orgs = Membership.objects.filter(user=user, role=Role.SYSTEM_OVERSIGHT).values(
            "organisation_id"
        )
        partner_match = ProjectPartner.objects.filter(project=OuterRef("pk")).filter(
            Q(organisation_id__in=member_orgs)
            | Q(organisation_id__in=oversight_orgs)
            | Q(organisation__system_id__in=oversight_orgs)
        )
        return self.filter(Exists(partner_match))

    def with_state(self, state: State) -> ProjectQuerySet:
        return self.filter(state=state)


class Project(models.Model):
    title = models.CharField(max_length=200)
    summary = models.TextField("Idea in brief", help_text="What you want to change, and for whom.")
    origin_setting = models.CharField(
        "Where the idea came from", max_length=16, choices=Setting.choices
    )
    therapy_area = models.CharField(max_length=120)
    intended_type = models.CharField(
        "Proposed type", max_length=2, choices=WorkingType.choices, blank=True
    )
    involves_medicines = models.BooleanField(
        "The project touches a medicine or therapy", default=True
    )
    # Declared interests that name one of these make a decision maker conflicted (ADR 0013).
    products_concerned = models.TextField(
        "Medicines or products concerned",
        blank=True,
        help_text="One per line, with brand and generic names, for example "
        "'Jardiance (empagliflozin)'.",
    )
    proposed_by = models.CharField(max_length=200, help_text="Who first proposed the idea.")
    planned_start = models.DateField(null=True, blank=True)
    planned_end = models.DateField(null=True, blank=True)
    actual_start = models.DateField(null=True, blank=True)
    actual_end = models.DateField(null=True, blank=True)
    state = models.CharField(
        max_length=32,
        choices=[(s.value, i.label) for s, i in STATES.items()],
        default=State.IDEA,
        db_index=True,
    )
    row_version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    organisations: models.ManyToManyField[Organisation, ProjectPartner] = models.ManyToManyField(
        Organisation, through="ProjectPartner", related_name="projects"
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ("-updated_at", "-id")

    def __str__(self) -> str:
        return self.title

    @property
    def state_enum(self) -> State:
        return State(self.state)


class ProjectPartner(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    party_role = models.CharField(max_length=20, choices=PartyRole.choices)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The named lead for this partner.",
    )

    class Meta:
        ordering = ("party_role", "organisation__name")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="unique_project_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_party_role_display()})"


class Immutable(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableRecord(f"{self._meta.verbose_name} records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableRecord(f"{self._meta.verbose_name} records cannot be deleted.")


class ProjectTransition(Immutable):
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="transitions")
    name = models.CharField(max_length=64)
    from_state = models.CharField(max_length=32)
    to_state = models.CharField(max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=255)
    reason = models.TextField(blank=True)
    # Not auto_now_add: an imported historic step keeps the date it really happened.
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # True for steps taken before Triple Win and imported without their records (ADR 0002).
    imported = models.BooleanField(default=False)

    class Meta:
        ordering = ("at", "id")

    def __str__(self) -> str:
        return f"{self.project_id}: {self.from_state} → {self.to_state}"


class RiskAcceptance(Immutable):
    """A failing risk rule that someone accepted, with their reason, for one gate."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="risk_acceptances")
    rule_id = models.CharField(max_length=64)
    gate = models.CharField(max_length=32)
    reason = models.TextField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_by_label = models.CharField(max_length=255)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("at", "id")

    def __str__(self) -> str:
        return f"{self.rule_id} accepted at {self.gate}"
