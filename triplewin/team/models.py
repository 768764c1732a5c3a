"""The project team (steering committee), each party's governance committee, and objections."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ProjectRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    PROJECT_MANAGER = "project_manager", "Project manager"
    CLINICAL_LEAD = "clinical_lead", "Clinical lead"
    MEDICAL_AFFAIRS_LEAD = "medical_affairs_lead", "Medical affairs lead"
    PARTNERSHIP_LEAD = "partnership_lead", "Partnership lead"
    PROGRAMME_MANAGER = "programme_manager", "Programme manager"
    PHARMACIST = "pharmacist", "Pharmacist"
    ANALYST = "analyst", "Data analyst"
    PATIENT_REPRESENTATIVE = "patient_representative", "Patient representative"
    OTHER = "other", "Other"


class TeamMemberQuerySet(models.QuerySet["TeamMember"]):
    def active(self) -> TeamMemberQuerySet:
        return self.filter(left_on__isnull=True)


class TeamMember(models.Model):
    """A person on a project's team, representing one partner organisation."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="team"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="team_places"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    project_role = models.CharField(max_length=32, choices=ProjectRole.choices)
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    left_reason = models.TextField(blank=True)
    # Continuity: who took over from a member who left, and what they were handed.
    handed_over_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="took_over_from"
    )
    handover_note = models.TextField(blank=True)

    objects = TeamMemberQuerySet.as_manager()

    class Meta:
        ordering = ("organisation__name", "user__last_name")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user"],
                condition=models.Q(left_on__isnull=True),
                name="one_active_place_per_person",
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.user.get_full_name() or self.user.username} ({self.get_project_role_display()})"
        )


class CommitteeRole(models.TextChoices):
    SRO = "sro", "Senior responsible officer"
    CLINICAL_LEAD = "clinical_lead", "Clinical lead"
    LEGAL = "legal", "Legal"
    MEDICAL_COMPLIANCE = "medical_compliance", "Medical or compliance"


class GovernanceCommitteeMember(models.Model):
    """One named seat on one party's governance committee for this project."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="governance_seats"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    committee_role = models.CharField(max_length=32, choices=CommitteeRole.choices)

    class Meta:
        ordering = ("organisation__name", "committee_role")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "committee_role"],
                name="one_person_per_committee_seat",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_committee_role_display()} for {self.organisation}"


class ObjectionOutcome(models.TextChoices):
    OPEN = "open", "Open"
    UPHELD = "upheld", "Upheld"
    DISMISSED = "dismissed", "Dismissed"


class Objection(models.Model):
    """A partner's objection to a member, usually because of a conflict of interest.

    Raised once and decided once: the outcome, its reason and who decided are never changed.
    """

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="objections"
    )
    member = models.ForeignKey(TeamMember, on_delete=models.PROTECT, related_name="objections")
    raised_for_organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    raised_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(
        max_length=16, choices=ObjectionOutcome.choices, default=ObjectionOutcome.OPEN
    )
    outcome_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("raised_at", "id")

    def __str__(self) -> str:
        return f"Objection by {self.raised_for_organisation} to {self.member}"

    @property
    def is_open(self) -> bool:
        return self.outcome == ObjectionOutcome.OPEN


class CommitteeDecision(models.TextChoices):
    PENDING = "", "Not decided yet"
    SUPPORTED = "supported", "Supported"
    CONDITIONS = "conditions", "Supported with conditions"
    NOT_SUPPORTED = "not_supported", "Not supported"


DEFAULT_MEDICINES_COMMITTEE = "Integrated Medicines Optimisation Committee (IMOC)"


class SystemRoute(models.Model):
    """For a system-level project: the ICB leads involved and its medicines committee's view.

    The guidance advises that early discussions with an integrated care board include its
    clinical and executive leads (the chief pharmacist as appropriate), and that the proposal
    goes to the board's IMOC or an equivalent medicines committee (ADR 0019).
    """

    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="system_route"
    )
    clinical_leads = models.TextField(
        "Clinical leads involved", blank=True, help_text="Names and roles, one per line."
    )
    executive_leads = models.TextField(
        "Executive leads involved", blank=True, help_text="Names and roles, one per line."
    )
    chief_pharmacist = models.TextField(
        "Chief pharmacist's involvement",
        blank=True,
        help_text="Who, and how they were involved. Needed when the project touches a medicine.",
    )
    committee_name = models.CharField(
        "Medicines committee", max_length=200, default=DEFAULT_MEDICINES_COMMITTEE
    )
    committee_decision = models.CharField(
        "Committee's decision",
        max_length=16,
        choices=CommitteeDecision.choices,
        blank=True,
        default=CommitteeDecision.PENDING,
    )
    decided_on = models.DateField("Date of the decision", null=True, blank=True)
    decision_note = models.TextField(
        "What the committee said", blank=True, help_text="Conditions, advice or reasons."
    )
    row_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"System-level route for {self.project}"


class SignOffRoute(models.Model):
    """One partner's sign-off route for this project, copied from its standing route."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="sign_off_routes"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField("Sign-off route", blank=True)
    row_version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="one_sign_off_route_per_partner"
            )
        ]

    def __str__(self) -> str:
        return f"Sign-off route of {self.organisation} for {self.project}"


class DeclarationRequest(models.Model):
    """A lead asking a team member with no current declaration of interests to make one.

    Kept so the team page can say who was asked and when, and so nobody is asked twice a day.
    """

    member = models.ForeignKey(
        TeamMember, on_delete=models.CASCADE, related_name="asked_to_declare"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by_label = models.CharField(max_length=255)
    requested_on = models.DateField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("at", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "requested_on"], name="one_declaration_request_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"Declaration asked of {self.member} on {self.requested_on}"
