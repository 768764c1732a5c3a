"""A one-time form token that has been spent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class SpentToken(models.Model):
    """One row per create form that was saved. The unique nonce is what refuses a second copy.

    A row is written in the same transaction as the record the form created, so it exists
    exactly when that record does: a failed save leaves the token unspent for another try.
    """

    nonce = models.CharField(max_length=32, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    # The address the form posts to: a token made for one form is refused by every other.
    purpose = models.CharField(max_length=255)
    # Where the first post sent the person; every later copy is sent there too.
    redirect_to = models.CharField(max_length=2000, blank=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "spent form token"

    def __str__(self) -> str:
        return f"{self.purpose} at {self.used_at:%Y-%m-%d %H:%M}"
