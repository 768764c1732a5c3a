"""Learning from a partnership: the after-action review, the partner survey and the
self-assessment against the nine principles of effective partnerships."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from triplewin.core import principles, surveys
from triplewin.partnerships.models import Immutable

PRINCIPLE_CHOICES = [(p.slug, f"{p.number}. {p.name}") for p in principles.PRINCIPLES]
GROUP_CHOICES = [(g.value, label) for g, label in surveys.GROUP_LABELS.items()]


class ReviewEntry(models.Model):
    """One topic of the after-action review: the plan, what happened, why, and the lessons."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="review_entries"
    )
    topic = models.CharField(
        "Topic", max_length=200, help_text="The part of the project this entry looks back on."
    )
    principle = models.CharField(
        "Principle it relates to",
        max_length=32,
        choices=PRINCIPLE_CHOICES,
        blank=True,
        help_text="Optional: which of the nine principles of effective partnerships it touches.",
    )
    planned = models.TextField("What was planned")
    happened = models.TextField("What actually happened")
    why = models.TextField("Why it turned out that way")
    sustain = models.TextField("What to keep doing", blank=True)
    improve = models.TextField("What to do differently", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    row_version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "after-action review entry"
        verbose_name_plural = "after-action review entries"
        ordering = ("recorded_at", "id")

    def __str__(self) -> str:
        return self.topic


class PartnerSurvey(models.Model):
    """The end-of-project survey of a project's NHS and industry team members."""

    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="partner_survey"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "partner survey"

    def __str__(self) -> str:
        return f"Partner survey for {self.project}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class SurveyInvitation(models.Model):
    """A person asked to answer the survey, through a personal link, once."""

    survey = models.ForeignKey(PartnerSurvey, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    group = models.CharField(max_length=16, choices=GROUP_CHOICES)
    sent_at = models.DateTimeField(null=True, blank=True)
    responded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ("group", "organisation__name", "user__last_name", "id")
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="one_invitation_per_person")
        ]

    def __str__(self) -> str:
        return f"Survey invitation for {self.user.get_full_name() or self.user.get_username()}"


class SurveyLink(models.Model):
    """An anonymous link for one wider group (patients, staff, stakeholders) to answer through.

    Whoever has the link may answer, without signing in; nothing about them is kept. The token
    is random, not derived from anything, and the link stops working once it is closed or the
    survey is.
    """

    survey = models.ForeignKey(PartnerSurvey, on_delete=models.CASCADE, related_name="links")
    group = models.CharField(max_length=16, choices=GROUP_CHOICES)
    token = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ("group", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "group"],
                condition=models.Q(closed_on__isnull=True),
                name="one_open_link_per_group",
            )
        ]

    def __str__(self) -> str:
        return f"Anonymous survey link ({self.get_group_display()})"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class SurveyResponse(Immutable):
    """The answers of one person, kept apart from the invitation on purpose.

    Nothing links a response to who gave it: the invitation only records that its person has
    answered. Results are shown in aggregate and never one response at a time.
    """

    survey = models.ForeignKey(PartnerSurvey, on_delete=models.CASCADE, related_name="responses")
    group = models.CharField(max_length=16, choices=GROUP_CHOICES)
    answers = models.JSONField(default=dict)

    class Meta:
        verbose_name = "survey response"

    def __str__(self) -> str:
        return f"Survey response ({self.get_group_display()})"


class SelfAssessment(models.Model):
    """One person's scores against the nine principles on one day."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.CASCADE, related_name="self_assessments"
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_by_label = models.CharField(max_length=255)
    assessed_on = models.DateField()
    # The lifecycle state the project was in, so the trend can be read against the stages.
    stage = models.CharField(max_length=32)
    row_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("assessed_on", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "assessed_by", "assessed_on"],
                name="one_self_assessment_per_person_per_day",
            )
        ]

    def __str__(self) -> str:
        return f"Self-assessment by {self.assessed_by_label} on {self.assessed_on}"


class PrincipleScore(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    principle = models.CharField(max_length=32, choices=PRINCIPLE_CHOICES)
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(principles.LOWEST), MaxValueValidator(principles.HIGHEST)]
    )
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ("assessment", "principle")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "principle"], name="one_score_per_principle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.principle}: {self.score}"
