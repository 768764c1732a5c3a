"""Every formal act on a framework document version, bound to the version's content hash.

One immutable row per act: who certified, approved, rejected, signed, published, superseded or
withdrew which version of which document, in which role, for which organisation or body, when,
and the statement they agreed to. The rules for reading them are `triplewin.core.signoff`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from triplewin.core import signoff as core
from triplewin.partnerships.models import Immutable


class Act(models.TextChoices):
    CERTIFY = core.Act.CERTIFY.value, "Certified"
    APPROVE = core.Act.APPROVE.value, "Approved"
    REJECT = core.Act.REJECT.value, "Rejected"
    SIGN = core.Act.SIGN.value, "Signed"
    PUBLISH = core.Act.PUBLISH.value, "Published"
    SUPERSEDE = core.Act.SUPERSEDE.value, "Superseded"
    WITHDRAW = core.Act.WITHDRAW.value, "Withdrawn"


class BodyKind(models.TextChoices):
    PARTNER = core.BodyKind.PARTNER.value, "Partner organisation"
    PROJECT_TEAM = core.BodyKind.PROJECT_TEAM.value, "Project team"
    GOVERNANCE_COMMITTEE = core.BodyKind.GOVERNANCE_COMMITTEE.value, "Governance committee"


ROLE_CHOICES = [(role.value, label) for role, label in core.ROLE_LABELS.items()]


class SignOffActQuerySet(models.QuerySet["SignOffAct"]):
    def on(self, document: str, subject: str | None = None) -> SignOffActQuerySet:
        found = self.filter(document=document)
        return found if subject is None else found.filter(subject=subject)

    def certifications(self) -> SignOffActQuerySet:
        return self.filter(act=Act.CERTIFY)

    def decisions(self) -> SignOffActQuerySet:
        return self.filter(act__in=(Act.APPROVE, Act.REJECT))


class SignOffAct(Immutable):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.PROTECT, related_name="signoff_acts"
    )
    # The document kind ("pid", "amendment", "status-report") and the record within it.
    document = models.CharField(max_length=32)
    subject = models.CharField(max_length=64)
    # The subject's version number, where it keeps numbered versions.
    version = models.PositiveIntegerField(null=True, blank=True)
    content_hash = models.CharField(max_length=64)
    act = models.CharField(max_length=12, choices=Act.choices)
    body = models.CharField(max_length=24, choices=BodyKind.choices)
    # The partner acted for, or whose committee decided; empty for the project team.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(max_length=32, choices=ROLE_CHOICES, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=255)
    statement = models.TextField(blank=True)
    # The content as the person saw it, where the app keeps no frozen version of its own
    # (the concept is decided on its live content).
    snapshot = models.JSONField(null=True, blank=True)
    reason = models.TextField(blank=True)
    # Not auto_now_add: records migrated from the apps' own tables keep their moment.
    at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = SignOffActQuerySet.as_manager()

    class Meta:
        verbose_name = "sign-off act"
        ordering = ("at", "id")
        indexes = [models.Index(fields=["project", "document", "subject"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(body="project_team", organisation__isnull=True)
                    | (~models.Q(body="project_team") & models.Q(organisation__isnull=False))
                ),
                name="signoff_act_body_matches_organisation",
            )
        ]

    def __str__(self) -> str:
        where = f" version {self.version}" if self.version is not None else ""
        return f"{self.get_act_display()}: {self.subject}{where} by {self.actor_label}"

    def as_record(self) -> core.ActRecord:
        return core.ActRecord(
            act=core.Act(self.act),
            body=core.BodyKind(self.body),
            organisation_id=self.organisation_id,
            organisation_name=self.organisation.name if self.organisation else "",
            content_hash=self.content_hash,
            actor_id=self.actor_id,
            actor_label=self.actor_label,
            role=self.role,
            statement=self.statement,
            reason=self.reason,
            at=self.at,
            version=self.version,
            pk=self.pk,
        )
