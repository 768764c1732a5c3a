"""Each person's email choices, the messages waiting for their digest, and the digests sent.

The rules (which choices exist, what cannot be switched off) are in
`triplewin.core.notifications`; what is stored here is the choice, the queue and the claim
that keeps a digest from going out twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from triplewin.core import notifications as rules
from triplewin.core.dates import long_date


class Kind(models.TextChoices):
    DEADLINES = rules.Kind.DEADLINES.value, rules.KIND_LABELS[rules.Kind.DEADLINES]
    ACTIONS = rules.Kind.ACTIONS.value, rules.KIND_LABELS[rules.Kind.ACTIONS]
    APPROVALS = rules.Kind.APPROVALS.value, rules.KIND_LABELS[rules.Kind.APPROVALS]
    DECLARATIONS = rules.Kind.DECLARATIONS.value, rules.KIND_LABELS[rules.Kind.DECLARATIONS]


class Choice(models.TextChoices):
    IMMEDIATE = rules.Choice.IMMEDIATE.value, rules.CHOICE_LABELS[rules.Choice.IMMEDIATE]
    DAILY = rules.Choice.DAILY.value, rules.CHOICE_LABELS[rules.Choice.DAILY]
    WEEKLY = rules.Choice.WEEKLY.value, rules.CHOICE_LABELS[rules.Choice.WEEKLY]
    OFF = rules.Choice.OFF.value, rules.CHOICE_LABELS[rules.Choice.OFF]


class Digest(models.TextChoices):
    DAILY = rules.Choice.DAILY.value, "Daily digest"
    WEEKLY = rules.Choice.WEEKLY.value, "Weekly digest"


class NotificationChoice(models.Model):
    """How one person wants one kind of email; no row means the default (at once)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_choices"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    choice = models.CharField(max_length=20, choices=Choice.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("user_id", "kind")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_notification_choice")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_choice_display()}"


class DigestSent(models.Model):
    """One digest for one person and period. Inserting this row is the claim to send it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(max_length=10, choices=Digest.choices)
    period_start = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-period_start", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period_start"], name="unique_digest_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} from {long_date(self.period_start)} to {self.user}"


class QueuedNotice(models.Model):
    """A message waiting for its person's next digest; `digest` is set once it has gone."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="queued_notices"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    frequency = models.CharField(max_length=10, choices=Digest.choices)
    subject = models.CharField(max_length=250)
    body = models.TextField()
    queued_at = models.DateTimeField(auto_now_add=True)
    digest = models.ForeignKey(
        DigestSent, null=True, blank=True, on_delete=models.SET_NULL, related_name="notices"
    )

    class Meta:
        ordering = ("queued_at", "id")
        indexes = [models.Index(fields=["frequency", "digest"], name="notice_waiting")]

    def __str__(self) -> str:
        return self.subject
