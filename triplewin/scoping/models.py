"""The scoping decision guide and the classification checklist answers for a project."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ScopingGuide(models.Model):
    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="scoping_guide"
    )
    answers = models.JSONField(default=dict, blank=True)
    row_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Scoping guide for {self.project}"


class ClassificationChecklist(models.Model):
    project = models.OneToOneField(
        "partnerships.Project", on_delete=models.CASCADE, related_name="checklist"
    )
    answers = models.JSONField(default=dict, blank=True)
    row_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Checklist for {self.project}"
