"""Spending a one-time token, finding the spent one, and forgetting old ones.

Spent tokens are the mechanism that keeps a form from saving twice, not a record of what
anyone did: the record the form creates is audited by its own service.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from triplewin.submissions.models import SpentToken
from triplewin.submissions.tokens import MAX_AGE


def spent_token(*, nonce: str) -> SpentToken | None:
    return SpentToken.objects.filter(nonce=nonce).first()


def token_spend(*, nonce: str, user: User | None, purpose: str) -> SpentToken:
    """Insert the spent token; raises IntegrityError if a copy of the form got there first.

    Called first in the transaction that saves the form, so a second copy waits here until the
    first commits (and then fails) or rolls back (and then goes ahead).
    """
    return SpentToken.objects.create(nonce=nonce, user=user, purpose=purpose[:255])


def token_finish(*, token: SpentToken, redirect_to: str) -> None:
    token.redirect_to = redirect_to[:2000]
    token.save(update_fields=["redirect_to"])
    transaction.on_commit(spent_tokens_prune)


def spent_tokens_prune() -> int:
    """Forget tokens too old to be accepted again: their expiry already refuses any copy."""
    deleted, _ = SpentToken.objects.filter(used_at__lt=timezone.now() - MAX_AGE).delete()
    return deleted
