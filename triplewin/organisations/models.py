"""Organisations that take part in partnerships, and the people who act for them."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from triplewin.core import ods


class OrgType(models.TextChoices):
    TRUST = "trust", "NHS trust or foundation trust"
    ICB = "icb", "Integrated care board"
    PCN = "pcn", "Primary care network"
    GP_PRACTICE = "gp_practice", "GP practice"
    GP_FEDERATION = "gp_federation", "GP federation"
    HIN = "hin", "Health innovation network"
    CANCER_ALLIANCE = "cancer_alliance", "Cancer alliance"
    PROVIDER_ALLIANCE = "provider_alliance", "Provider alliance"
    NHS_OTHER = "nhs_other", "Other NHS body"
    # Healthcare providers outside the NHS, such as independent sector providers that the NHS
    # commissions: healthcare organisations for collaborative working, but not NHS bodies.
    INDEPENDENT_PROVIDER = "independent_provider", "Independent healthcare provider"
    PHARMACEUTICAL = "pharmaceutical", "Pharmaceutical company"
    PATIENT_ORGANISATION = "patient_organisation", "Patient organisation"
    SME_HEALTHTECH = "sme_healthtech", "SME or health-tech company"
    ACADEMIC = "academic", "Academic institution"
    THIRD_SECTOR = "third_sector", "Third sector organisation"


NHS_TYPES = frozenset(
    {
        OrgType.TRUST,
        OrgType.ICB,
        OrgType.PCN,
        OrgType.GP_PRACTICE,
        OrgType.GP_FEDERATION,
        OrgType.HIN,
        OrgType.CANCER_ALLIANCE,
        OrgType.PROVIDER_ALLIANCE,
        OrgType.NHS_OTHER,
    }
)


# Collaborative working needs a healthcare organisation among the partners (ABPI Code 2024,
# clause 20); joint working needs the NHS itself.
HEALTHCARE_TYPES = NHS_TYPES | {OrgType.INDEPENDENT_PROVIDER}


class Sector(models.TextChoices):
    NHS = "nhs", "NHS"
    INDUSTRY = "industry", "Industry"
    OTHER = "other", "Other"


def sector_for(org_type: str) -> Sector:
    if org_type in NHS_TYPES:
        return Sector.NHS
    if org_type == OrgType.PHARMACEUTICAL:
        return Sector.INDUSTRY
    return Sector.OTHER


# The groups a list of organisations is shown in (the partner picker): the NHS bodies, the
# companies, then everyone else. Our choice, following the guidance's own split between the
# NHS, industry and other partners.
NHS_GROUP = "NHS organisations"
COMPANY_GROUP = "Companies"
OTHER_GROUP = "Universities, charities and other organisations"
PICKER_GROUPS = (NHS_GROUP, COMPANY_GROUP, OTHER_GROUP)


def picker_group(organisation: Organisation) -> str:
    if organisation.org_type in NHS_TYPES:
        return NHS_GROUP
    if organisation.org_type in {OrgType.PHARMACEUTICAL, OrgType.SME_HEALTHTECH}:
        return COMPANY_GROUP
    return OTHER_GROUP


class Organisation(models.Model):
    name = models.CharField(max_length=255, unique=True)
    org_type = models.CharField("Type", max_length=32, choices=OrgType.choices)
    ods_code = models.CharField(
        "ODS code", max_length=6, blank=True, help_text="NHS organisations only."
    )
    is_legal_entity = models.BooleanField(
        "Can sign agreements",
        default=True,
        help_text="Untick for bodies such as PCNs that sign through another legal entity.",
    )
    system = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members_of_system",
        limit_choices_to={"org_type": OrgType.ICB},
        help_text="The integrated care board whose area this organisation is in.",
    )
    region = models.CharField(max_length=100, blank=True, db_index=True)
    # Disclosure UK lists each recipient institution with its address and postcode.
    address = models.CharField(
        "Postal address",
        max_length=300,
        blank=True,
        help_text="Street and town, as it should appear on Disclosure UK.",
    )
    postcode = models.CharField(max_length=10, blank=True)
    website = models.URLField(blank=True)

    class Meta:
        ordering = ("name",)
        constraints = [
            models.UniqueConstraint(
                fields=["ods_code"], condition=~models.Q(ods_code=""), name="unique_ods_code"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def sector(self) -> Sector:
        return sector_for(self.org_type)

    @property
    def is_pharmaceutical(self) -> bool:
        return self.org_type == OrgType.PHARMACEUTICAL

    @property
    def is_healthcare(self) -> bool:
        return self.org_type in HEALTHCARE_TYPES

    def clean(self) -> None:
        self.ods_code = ods.normalise(self.ods_code)
        if self.ods_code and self.sector is not Sector.NHS:
            raise ValidationError({"ods_code": "Only NHS organisations have ODS codes."})
        problem = ods.validate(self.ods_code, self.org_type)
        if problem:
            raise ValidationError({"ods_code": problem})


class Role(models.TextChoices):
    PARTNERSHIP_LEAD = "partnership_lead", "Partnership lead"
    # Works on a partner's projects: sees them and keeps their own declarations, but edits
    # no project record and decides nothing on the organisation's behalf.
    TEAM_MEMBER = "team_member", "Team member"
    GOVERNANCE_MEMBER = "governance_member", "Governance committee member"
    CERTIFICATION_SIGNATORY = "certification_signatory", "Certification signatory"
    SYSTEM_OVERSIGHT = "system_oversight", "System oversight"
    ADMINISTRATOR = "administrator", "Administrator"
    # Manages the organisation's own people (invitations, memberships, leavers) without the
    # Django admin; decides nothing on any project by holding this role alone (issue 16).
    ORGANISATION_ADMINISTRATOR = "organisation_administrator", "Organisation administrator"


class Function(models.TextChoices):
    MEDICAL = "medical", "Medical"
    MARKET_ACCESS = "market_access", "Market access"
    PARTNERSHIP = "partnership", "Partnership"
    PROGRAMME_MANAGEMENT = "programme_management", "Programme management"
    LEGAL_COMPLIANCE = "legal_compliance", "Legal or compliance"
    SALES = "sales", "Sales"
    OTHER = "other", "Other"


# Roles whose holders may approve or reject a concept on their organisation's behalf.
DECISION_ROLES = frozenset(
    {Role.PARTNERSHIP_LEAD, Role.GOVERNANCE_MEMBER, Role.CERTIFICATION_SIGNATORY}
)


class CurrentMembershipManager(models.Manager["Membership"]):
    """Memberships of people who have not left: what every permission check reads."""

    def get_queryset(self) -> models.QuerySet[Membership]:
        return super().get_queryset().filter(left_on__isnull=True)


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=32, choices=Role.choices)
    function = models.CharField(
        max_length=32,
        choices=Function.choices,
        blank=True,
        help_text="Company staff only: the part of the company they work in.",
    )
    job_title = models.CharField(max_length=150, blank=True)
    # The day the person left the organisation (or stopped holding this role there). A leaver's
    # membership is kept so history can still say who they were; it grants nothing (ADR 0033).
    left_on = models.DateField("Left on", null=True, blank=True)

    # Current and past memberships, for history and for the organisation's own people pages.
    records = models.Manager()
    # The default manager, so also the one behind `user.memberships` and
    # `organisation.memberships`: every existing permission check drops leavers without change.
    objects = CurrentMembershipManager()

    class Meta:
        default_manager_name = "objects"
        base_manager_name = "records"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                condition=models.Q(left_on__isnull=True),
                name="unique_current_membership_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} at {self.organisation}"

    def clean(self) -> None:
        if (
            self.function
            and self.organisation_id
            and self.organisation.sector is not Sector.INDUSTRY
        ):
            raise ValidationError({"function": "Only company staff have a company function."})
        if (
            self.organisation_id
            and self.organisation.sector is Sector.INDUSTRY
            and not self.function
        ):
            raise ValidationError(
                {"function": "Say which part of the company this person works in."}
            )


class StandingRoute(models.Model):
    """An organisation's usual approval route, which its new projects start from.

    The governance committee seats and the sign-off route are copied onto a project when the
    organisation becomes a partner in it; the project may then change its own copy (ADR 0019).
    """

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="standing_route"
    )
    sign_off_route = models.TextField(
        "Usual sign-off route",
        blank=True,
        help_text="Who approves what, in which order, and how often they meet.",
    )
    row_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Standing approval route of {self.organisation}"


class StandingSeat(models.Model):
    """One seat of an organisation's usual governance committee."""

    route = models.ForeignKey(StandingRoute, on_delete=models.CASCADE, related_name="seats")
    # One of team.models.CommitteeRole; checked by the service that writes it.
    committee_role = models.CharField(max_length=32)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("committee_role",)
        constraints = [
            models.UniqueConstraint(
                fields=["route", "committee_role"], name="one_person_per_standing_seat"
            )
        ]

    def __str__(self) -> str:
        return f"{self.committee_role} on {self.route.organisation}'s committee"


class Invitation(models.Model):
    """An email invitation to take a membership, accepted once through a link that expires.

    Only a hash of the link's token is stored, so a copy of the database cannot be used to
    accept anyone's invitation (ADR 0033).
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=32, choices=Role.choices)
    function = models.CharField(max_length=32, choices=Function.choices, blank=True)
    job_title = models.CharField(max_length=150, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.organisation}"

    def is_open(self, now: dt.datetime) -> bool:
        return self.accepted_at is None and self.withdrawn_at is None and now < self.expires_at


class JoinStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class JoinRequest(models.Model):
    """A new organisation's request to use Triple Win, decided by a platform administrator."""

    name = models.CharField("Organisation name", max_length=255)
    org_type = models.CharField("Type", max_length=32, choices=OrgType.choices)
    ods_code = models.CharField("ODS code", max_length=6, blank=True)
    is_legal_entity = models.BooleanField("Can sign agreements in its own name")
    requester_name = models.CharField("Your full name", max_length=150)
    requester_email = models.EmailField("Your work email address")
    requester_function = models.CharField(
        "Your part of the company", max_length=32, choices=Function.choices, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=16, choices=JoinStatus.choices, default=JoinStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"Request to join from {self.name}"
