"""Certifying and approving the documents whose framework has no sign-off of its own.

The heads of terms and the status report are certified here by the industry partner's
certification signatory and approved for each partner by someone who may decide for it. The
acts, their authority and their binding to the version's hash are the sign-off engine's
(`triplewin.signoff`); this module adds the documents' own steps (completeness, the frozen
certified copy).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.core import signoff as core
from triplewin.core.documents.completeness import missing_required
from triplewin.documents.models import DocumentVersion
from triplewin.documents.selectors import document_of
from triplewin.documents.services.copies import certified_copy_for
from triplewin.documents.services.versions import resolve
from triplewin.organisations.models import Organisation
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.signoff import authority
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.services import record_act


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
) -> SignOffAct:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    chosen = _chosen(
        organisation,
        authority.certifying_organisations(actor, locked),
        "Only a certification signatory of an industry partner in this project can certify it.",
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
    record = record_act(
        actor=actor,
        project=locked,
        document=version.kind,
        subject=document,
        act=core.Act.CERTIFY,
        version=number,
        organisation=chosen,
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
) -> SignOffAct:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    chosen = _chosen(
        organisation,
        access.decision_organisations(actor, locked),
        "Only someone who may decide for a partner organisation can approve it.",
    )
    version = _latest(locked, document, number)
    # The copy that carries this approval is kept the first time it is needed (ADR 0026).
    return record_act(
        actor=actor,
        project=locked,
        document=version.kind,
        subject=document,
        act=core.Act.APPROVE,
        version=number,
        body=core.BodyKind.PARTNER,
        organisation=chosen,
    )
