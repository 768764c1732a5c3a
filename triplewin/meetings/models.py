"""Project meetings: agenda, attendance, declarations, decisions and votes, and the action log.

A meeting goes planned → held → minutes approved. What the minutes are made of is fixed as the
meeting moves on: attendance and the declarations at the start are fixed when it is marked as
held, and nothing changes once the minutes are approved.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from triplewin.core import parity
from triplewin.core.dates import long_date
from triplewin.partnerships.models import Immutable


class MeetingKind(models.TextChoices):
    STEERING = "steering", "Project team (steering committee)"
    GOVERNANCE = "governance", "Governance committee"
    OTHER = "other", "Other meeting"


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    HELD = "held", "Held"
    MINUTES_APPROVED = "minutes_approved", "Minutes approved"


class Meeting(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=MeetingKind.choices)
    scheduled_for = models.DateField("Date")
    location = models.CharField(
        max_length=200, blank=True, help_text="A room, an address or 'Online'."
    )
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    minutes_notes = models.TextField("Notes for the minutes", blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    minutes_approved_at = models.DateTimeField(null=True, blank=True)
    # Several people edit one meeting's agenda and minutes; every change bumps this.
    row_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-scheduled_for", "-id")

    def __str__(self) -> str:
        return f"{self.title} ({long_date(self.scheduled_for)})"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    relates_to_organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The partner whose matters this item discusses, if any.",
    )

    class Meta:
        ordering = ("order", "id")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="unique_agenda_order")
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey("team.TeamMember", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=AttendanceStatus.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_each")
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_status_display()}"


class MeetingDeclaration(Immutable):
    """An attendee's interest in a partner, copied when the meeting was marked as held."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="declarations")
    member = models.ForeignKey("team.TeamMember", on_delete=models.PROTECT, related_name="+")
    declaration = models.ForeignKey(
        "conflicts.Declaration", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    person_name = models.CharField(max_length=255)
    organisation_name = models.CharField(max_length=255)
    text = models.TextField()
    # How the project had decided to manage the conflict by then, as the minutes say it.
    managed = models.TextField(blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("person_name", "id")

    def __str__(self) -> str:
        return f"{self.person_name}: interest relating to {self.organisation_name}"


class VoteStatus(models.TextChoices):
    NOT_OPENED = "not_opened", "Not opened"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Outcome(models.TextChoices):
    PENDING = "", "Waiting for the vote"
    AGREED = "agreed", "Agreed"
    CARRIED = "carried", "Carried"
    NOT_CARRIED = "not_carried", "Not carried"
    TIED = "tied", "Tied (not carried)"
    NO_PARITY = "no_parity", "Not carried: not every party agreed"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    text = models.TextField("Decision")
    is_vote = models.BooleanField("Put to a vote", default=False)
    vote_status = models.CharField(max_length=16, choices=VoteStatus.choices, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    # The committee's decision rule when the vote closed, in words, and why a vote the
    # majority supported was not carried; both are shown in the minutes (ADR 0019).
    decision_rule = models.TextField(blank=True)
    outcome_reason = models.TextField(blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("recorded_at", "id")

    def __str__(self) -> str:
        return self.text[:80]


class VoteChoice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstain"


class Vote(Immutable):
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="votes")
    member = models.ForeignKey("team.TeamMember", on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=8, choices=VoteChoice.choices)
    # The record that let a member with a declared interest vote, shown in the minutes.
    conflict_management = models.ForeignKey(
        "conflicts.ConflictManagement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "member"], name="one_vote_each")]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_choice_display()}"


class VoteExclusion(Immutable):
    """A member kept out of a vote, with the reason the minutes show."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="exclusions")
    member = models.ForeignKey("team.TeamMember", on_delete=models.PROTECT, related_name="+")
    declaration = models.ForeignKey(
        "conflicts.Declaration", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when the exclusion is how the chair decided to manage the member's conflict.
    conflict_management = models.ForeignKey(
        "conflicts.ConflictManagement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["decision", "member"], name="one_exclusion_each")
        ]

    def __str__(self) -> str:
        return f"{self.member} excluded: {self.reason[:60]}"


class DecisionRuleChoice(models.TextChoices):
    EACH_PARTY = parity.DecisionRule.EACH_PARTY.value, "Each party's agreement"
    QUORUM_PER_PARTY = (
        parity.DecisionRule.QUORUM_PER_PARTY.value,
        "A set number of supporting votes from each party",
    )
    SIMPLE_MAJORITY = parity.DecisionRule.SIMPLE_MAJORITY.value, "Simple majority of the votes cast"


class TermsOfReference(models.Model):
    """How the project team (steering committee) carries its formal decisions.

    Until a project records its own, the default applies: each party's agreement for joint
    working, and a simple majority for collaborative working (core.parity.default_rule).
    """

    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="terms_of_reference"
    )
    decision_rule = models.CharField(max_length=20, choices=DecisionRuleChoice.choices)
    quorum_per_party = models.PositiveSmallIntegerField(default=1)
    row_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Terms of reference for {self.project}"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"


class Action(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="actions"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    description = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField("Due")
    status = models.CharField(max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("status", "due_on", "id")

    def __str__(self) -> str:
        return self.description[:80]
