"""Freezing the assembled PID as a numbered version for certification and approval."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.concept.selectors import content_hash
from triplewin.core.lifecycle import State
from triplewin.partnerships.models import Project
from triplewin.pid.models import Pid, PidVersion
from triplewin.pid.selectors import current_snapshot, latest_version, missing_sections

# Versions are signed off during set-up, and re-signed if the PID changes before the agreement.
SIGN_OFF_IN = frozenset({State.SETUP, State.PID_APPROVED})


def lock_for_sign_off(project: Project) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.state_enum not in SIGN_OFF_IN:
        raise ValidationError(
            "PID versions are submitted, certified and approved during set-up, before the "
            "agreement is signed."
        )
    return locked


@transaction.atomic
def pid_submit(*, actor: User, project: Project, note: str = "") -> PidVersion:
    return freeze_locked(actor=actor, locked=lock_for_sign_off(project), note=note)


def freeze_locked(*, actor: User, locked: Project, note: str) -> PidVersion:
    """pid_submit's work on a project row the caller has locked and checked (an amendment)."""
    missing = missing_sections(locked, Pid.objects.filter(project=locked).first())
    if missing is None:
        raise ValidationError("Write the PID before submitting it for approval.")
    if missing:
        raise ValidationError(
            "The PID cannot be submitted until every section is complete. Missing: "
            + "; ".join(missing)
            + "."
        )
    snapshot = current_snapshot(locked)
    digest = content_hash(snapshot)
    latest = latest_version(locked)
    if latest is not None and latest.content_hash == digest:
        raise ValidationError(
            f"Version {latest.number} already holds exactly this content, so there is nothing "
            "new to submit."
        )
    version = PidVersion(
        project=locked,
        number=latest.number + 1 if latest else 1,
        snapshot=snapshot,
        content_hash=digest,
        created_by=actor,
        created_by_label=audit.actor_label(actor),
        note=note.strip(),
    )
    version.full_clean()
    version.save()
    audit.record(
        actor=actor,
        action="pid.version_submitted",
        obj=version,
        project_id=locked.pk,
        changes={
            "version": [latest.number if latest else None, version.number],
            "content_hash": [latest.content_hash if latest else None, digest],
        },
    )
    return version
