"""The contact for peers who want to learn more, and when the outcomes reached the ABPI.

Kept apart from the case study's record (`core.library.records`): the record is what the
library imports, exports and indexes, and a named person's details belong in none of those.
They are shown to signed-in users only (ADR 0021).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.library import access
from triplewin.library.models import CaseStudy
from triplewin.partnerships.errors import StaleEdit

CONTACT_FIELDS = ("contact_name", "contact_role", "contact_email", "shared_with_abpi_on")


@transaction.atomic
def case_study_set_contact(
    *,
    actor: User,
    case_study: CaseStudy,
    contact_name: str,
    contact_role: str,
    contact_email: str,
    shared_with_abpi_on: dt.date | None,
    expected_version: int | None,
    today: dt.date | None = None,
) -> CaseStudy:
    # The project is a nullable join (imported case studies have none); lock only the row.
    locked = (
        CaseStudy.objects.select_for_update(of=("self",))
        .select_related("project")
        .get(pk=case_study.pk)
    )
    if not access.can_edit(actor, locked):
        raise PermissionDenied("You cannot change this case study.")
    if expected_version is not None and locked.row_version != expected_version:
        raise StaleEdit()
    name, role, email = contact_name.strip(), contact_role.strip(), contact_email.strip()
    if (role or email) and not name:
        raise ValidationError({"contact_name": "Give the contact's name."})
    if name and not email:
        raise ValidationError({"contact_email": "Give an email address peers can write to."})
    if shared_with_abpi_on and shared_with_abpi_on > (today or timezone.localdate()):
        raise ValidationError({"shared_with_abpi_on": "The date cannot be in the future."})
    before = audit.snapshot(locked, CONTACT_FIELDS)
    locked.contact_name, locked.contact_role, locked.contact_email = name, role, email
    locked.shared_with_abpi_on = shared_with_abpi_on
    locked.full_clean()
    changes = audit.diff(before, audit.snapshot(locked, CONTACT_FIELDS))
    if not changes:
        return locked
    locked.row_version += 1
    locked.save(update_fields=[*CONTACT_FIELDS, "row_version", "updated_at"])
    audit.record(
        actor=actor,
        action="case_study.contact_set",
        obj=locked,
        project_id=locked.project_id,
        changes=changes,
    )
    return locked
