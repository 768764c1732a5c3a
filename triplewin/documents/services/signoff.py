"""Certifying and approving the documents whose framework has no sign-off of its own.

The heads of terms and the status report are certified here by the industry partner's
certification signatory (the PID's own rule, `pid.authority`) and approved for each partner by
someone who may decide for it (`partnerships.access`). Both bind to the version's hash.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.conflicts.decisions import check_decision
from triplewin.conflicts.models import DecisionKind
from triplewin.core.documents.completeness import missing_required
from triplewin.documents.models import DocumentApproval, DocumentCertification, DocumentVersion
from triplewin.documents.selectors import certification_of, document_of
from triplewin.documents.services.copies import certified_copy_for
from triplewin.documents.services.versions import resolve
from triplewin.organisations.models import Organisation
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.pid import authority


def _latest(locked: Project, document: str, number: int) -> DocumentVersion:
    kind = resolve(locked, document)
    if not kind.signed_off_here:
        raise ValidationError(
            f"The {kind.definition.title} is certified and approved on its own page, not here."
        )
    latest = (
        DocumentVersion.objects.filter(project=locked, document=document)
        .order_by("-number")
        .first()
    )
    if latest is None:
        raise ValidationError("Generate a version of the document first.")
    if latest.number != number:
        raise ValidationError(
            f"Version {number} has been replaced by version {latest.number}. Read the latest "
            "version and decide on that."
        )
    return latest


def _chosen(
    organisation: Organisation | None, allowed: list[Organisation], refusal: str
) -> Organisation:
    if not allowed:
        raise ValidationError(refusal)
    if organisation is None:
        return allowed[0]
    if organisation.pk not in {o.pk for o in allowed}:
        raise ValidationError({"organisation": f"You cannot act for {organisation} here."})
    return organisation


@transaction.atomic
def document_certify(
    *,
    actor: User,
    project: Project,
    document: str,
    number: int,
    organisation: Organisation | None = None,
) -> DocumentCertification:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    chosen = _chosen(
        organisation,
        authority.certifying_organisations(actor, locked),
        "Only a certification signatory of an industry partner in this project can certify it.",
    )
    conflict = check_decision(
        person=actor, project=locked, decision=DecisionKind.DOCUMENT_CERTIFICATION
    )
    version = _latest(locked, document, number)
    missing = missing_required(document_of(version))
    if missing:
        raise ValidationError(
            "This version cannot be certified while required sections are empty or still to be "
            "agreed. Complete them, generate a new version and certify that. Still open: "
            + "; ".join(missing)
            + "."
        )
    existing = certification_of(version)
    if existing is not None:
        return existing
    record = DocumentCertification.objects.create(
        version=version,
        organisation=chosen,
        certified_by=actor,
        certified_by_label=audit.actor_label(actor),
        content_hash=version.content_hash,
    )
    audit.record(
        actor=actor,
        action="document.certified",
        obj=record,
        project_id=locked.pk,
        changes={
            "document": [None, document],
            "version": [None, version.number],
            "organisation": [None, chosen.name],
            "content_hash": [None, version.content_hash],
            **conflict.audit_changes(),
        },
    )
    # Frozen now: what was certified is the file that is kept, whatever changes later.
    certified_copy_for(project=locked, version=version)
    return record


@transaction.atomic
def document_approve(
    *,
    actor: User,
    project: Project,
    document: str,
    number: int,
    organisation: Organisation | None = None,
) -> DocumentApproval:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    chosen = _chosen(
        organisation,
        access.decision_organisations(actor, locked),
        "Only someone who may decide for a partner organisation can approve it.",
    )
    conflict = check_decision(person=actor, project=locked, decision=DecisionKind.DOCUMENT_APPROVAL)
    version = _latest(locked, document, number)
    if certification_of(version) is None:
        raise ValidationError(
            "A version is approved after the certification signatory certifies it."
        )
    existing = DocumentApproval.objects.filter(version=version, organisation=chosen).first()
    if existing is not None:
        return existing
    record = DocumentApproval.objects.create(
        version=version,
        organisation=chosen,
        approved_by=actor,
        approved_by_label=audit.actor_label(actor),
        content_hash=version.content_hash,
    )
    audit.record(
        actor=actor,
        action="document.approved",
        obj=record,
        project_id=locked.pk,
        changes={
            "document": [None, document],
            "version": [None, version.number],
            "organisation": [None, chosen.name],
            "content_hash": [None, version.content_hash],
            **conflict.audit_changes(),
        },
    )
    return record
