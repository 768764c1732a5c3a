"""Each person's register of interests, and how a conflict is managed in a project.

The register belongs to the person, not to a project: one declaration about a company covers
every project that company is a partner in. How a conflict is managed belongs to a project.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from triplewin.core import conflicts as policy
from triplewin.core import declaration_rounds as rounds
from triplewin.core.dates import long_date
from triplewin.partnerships.models import Immutable


class Category(models.TextChoices):
    FINANCIAL = "financial", "Financial interest"
    NON_FINANCIAL_PROFESSIONAL = "non_financial_professional", "Non-financial professional interest"
    NON_FINANCIAL_PERSONAL = "non_financial_personal", "Non-financial personal interest"
    INDIRECT = "indirect", "Indirect interest (through someone close to you)"


class InterestType(models.TextChoices):
    GIFTS = "gifts", "Gifts"
    HOSPITALITY = "hospitality", "Hospitality"
    OUTSIDE_EMPLOYMENT = "outside_employment", "Outside employment"
    SHAREHOLDINGS = "shareholdings", "Shareholdings and other ownership"
    PATENTS = "patents", "Patents"
    LOYALTY = "loyalty", "Loyalty interests"
    DONATIONS = "donations", "Donations"
    SPONSORED_EVENTS = "sponsored_events", "Sponsored events"
    SPONSORED_RESEARCH = "sponsored_research", "Sponsored research"
    SPONSORED_POSTS = "sponsored_posts", "Sponsored posts"
    PRIVATE_PRACTICE = "private_practice", "Clinical private practice"


class DeclarationQuerySet(models.QuerySet["Declaration"]):
    def of(self, user_id: int) -> DeclarationQuerySet:
        return self.filter(user_id=user_id).select_related("organisation")


class Declaration(models.Model):
    """One interest a person has declared. Only its end date may be set later."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="declarations"
    )
    category = models.CharField(max_length=32, choices=Category.choices)
    interest_type = models.CharField(
        "Type of interest", max_length=32, choices=InterestType.choices
    )
    description = models.TextField(
        help_text="What the interest is, with enough detail for someone else to judge it."
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="Organisation the interest relates to",
    )
    organisation_name = models.CharField(
        "Organisation name, if not in the list", max_length=255, blank=True
    )
    valid_from = models.DateField("Interest started")
    valid_to = models.DateField("Interest ended", null=True, blank=True)
    action_taken = models.TextField(
        "Action taken to manage the interest",
        blank=True,
        help_text="For example: will not take part in decisions about this company.",
    )
    declared_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ("-declared_at", "-id")

    def __str__(self) -> str:
        return f"{self.get_interest_type_display()}: {self.related_to}"

    @property
    def related_to(self) -> str:
        return self.organisation.name if self.organisation is not None else self.organisation_name


class NilReturn(Immutable):
    """A person's statement that they have no interests to declare."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nil_returns"
    )
    declared_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ("-declared_at", "-id")

    def __str__(self) -> str:
        return f"Nil return by {self.user} on {long_date(self.declared_at)}"


class RegisterConfirmation(Immutable):
    """A person's annual statement that the interests on their register are complete.

    A nil return is only for people with nothing to declare; someone with a long-standing
    interest refreshes their register by confirming it instead of declaring it again.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="register_confirmations"
    )
    declared_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ("-declared_at", "-id")

    def __str__(self) -> str:
        return f"Register confirmed by {self.user} on {long_date(self.declared_at)}"


class DecisionKind(models.TextChoices):
    """Every kind of decision checked against the decision maker's register."""

    CONCEPT = "concept", "Deciding on the concept"
    PID_CERTIFICATION = "pid_certification", "Certifying the PID"
    PID_APPROVAL = "pid_approval", "Approving or rejecting the PID"
    AMENDMENT_CERTIFICATION = "amendment_certification", "Certifying an amendment"
    AMENDMENT_APPROVAL = "amendment_approval", "Approving or rejecting an amendment"
    AGREEMENT_SIGNATURE = "agreement_signature", "Recording signatures of the agreement"
    SUMMARY_CERTIFICATION = "summary_certification", "Certifying the executive summary"
    SUMMARY_PUBLICATION = "summary_publication", "Publishing the executive summary"
    DOCUMENT_CERTIFICATION = "document_certification", "Certifying a document"
    DOCUMENT_APPROVAL = "document_approval", "Approving a document"
    OUTCOMES_CERTIFICATION = "outcomes_certification", "Certifying the outcomes summary"
    OUTCOMES_APPROVAL = "outcomes_approval", "Approving or rejecting the outcomes summary"
    OUTCOMES_PUBLICATION = "outcomes_publication", "Publishing the outcomes summary"
    VOTE = "vote", "Voting at the project's meetings"
    OBJECTION = "objection", "Raising or deciding an objection to a team member"


class Arrangement(models.TextChoices):
    TAKES_PART = (
        policy.Arrangement.TAKES_PART.value,
        "May take part in the discussion and the decision",
    )
    DISCUSSION_ONLY = (
        policy.Arrangement.DISCUSSION_ONLY.value,
        "May take part in the discussion but not the decision",
    )
    STEPS_ASIDE = (
        policy.Arrangement.STEPS_ASIDE.value,
        "Takes no part in the discussion or the decision",
    )


class ConflictManagement(Immutable):
    """How one person's conflict is managed on one kind of decision in one project.

    Recorded by the project team's chair or another partner's named lead, never by the person
    themselves. A later record for the same person, declaration and decision replaces an
    earlier one; both stay on the record.
    """

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.PROTECT, related_name="conflict_managements"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    declaration = models.ForeignKey(Declaration, on_delete=models.PROTECT, related_name="+")
    # The declaration as it read when the conflict was managed, for the minutes and history.
    declaration_text = models.TextField()
    decision = models.CharField(max_length=32, choices=DecisionKind.choices)
    arrangement = models.CharField(max_length=20, choices=Arrangement.choices)
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by_label = models.CharField(max_length=255)
    # The capacity in which they recorded it, such as "Chair of the project team".
    recorded_as = models.CharField(max_length=255)
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ("recorded_at", "id")

    def __str__(self) -> str:
        return f"Conflict managed: {self.get_decision_display()} ({self.get_arrangement_display()})"


class RoundScope(models.TextChoices):
    ALL_MEMBERS = rounds.Scope.ALL_MEMBERS.value, rounds.SCOPE_LABELS[rounds.Scope.ALL_MEMBERS]
    DECISION_MAKERS = (
        rounds.Scope.DECISION_MAKERS.value,
        rounds.SCOPE_LABELS[rounds.Scope.DECISION_MAKERS],
    )


class DeclarationRound(models.Model):
    """An NHS organisation's yearly round: everyone in scope declares or makes a nil return.

    Who was asked is fixed when the round opens (`RoundMember`); where each stands is read from
    their register (declarations, confirmations and nil returns since the round opened).
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="declaration_rounds"
    )
    year = models.PositiveSmallIntegerField()
    scope = models.CharField(max_length=20, choices=RoundScope.choices)
    opened_on = models.DateField()
    due_on = models.DateField("Due date")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when the organisation publishes its decision makers' declarations from this round.
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("-year", "organisation__name")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="one_round_a_year")
        ]

    def __str__(self) -> str:
        return f"Declaration round {self.year}: {self.organisation}"


class RoundMember(models.Model):
    """One person asked in a round, and which emails they were sent (each once)."""

    round = models.ForeignKey(DeclarationRound, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    decision_maker = models.BooleanField(default=False)

    class Meta:
        ordering = ("user__last_name", "user__first_name", "user__username")
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="unique_round_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.round}"


class RoundEmail(models.Model):
    """One invitation or reminder for one person in one round: the row makes it go once."""

    member = models.ForeignKey(RoundMember, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "kind"], name="unique_round_email")
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.member}"


class PublicWithholding(models.Model):
    """A person whose entries stay off their organisation's public register.

    Recorded by the organisation's administrator when the person asks, because publishing
    could put them at risk of harm; the internal register still holds everything.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_withholding")
        ]

    def __str__(self) -> str:
        return f"Withheld from the public register: {self.user}"
