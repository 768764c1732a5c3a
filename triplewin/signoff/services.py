"""Recording a formal act on a document version: the one write path for every sign-off.

`record_act` checks that the person may act (certification signatory, team chair or project
manager, committee member, or someone who decides for a partner), runs the conflict-of-interest
check, refuses anything but the version that stands now, ignores repeats, and audits the act.
The apps keep their own workflow steps around it (what follows the last approval).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.conflicts.decisions import check_decision
from triplewin.conflicts.models import DecisionKind
from triplewin.core import signoff as core
from triplewin.notifications.approvals import announce_certified
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.signoff import authority, selectors, sources
from triplewin.signoff.models import SignOffAct

# Which conflict-of-interest decision each act is (ADR 0013): certifying, or deciding.
CONFLICT_KINDS: dict[str, tuple[str, str]] = {
    "concept": (DecisionKind.CONCEPT, DecisionKind.CONCEPT),
    "pid": (DecisionKind.PID_CERTIFICATION, DecisionKind.PID_APPROVAL),
    "amendment": (DecisionKind.AMENDMENT_CERTIFICATION, DecisionKind.AMENDMENT_APPROVAL),
    "outcomes": (DecisionKind.OUTCOMES_CERTIFICATION, DecisionKind.OUTCOMES_APPROVAL),
    "summary": (DecisionKind.SUMMARY_CERTIFICATION, DecisionKind.SUMMARY_CERTIFICATION),
    "agreement-signature": (DecisionKind.AGREEMENT_SIGNATURE, DecisionKind.AGREEMENT_SIGNATURE),
    "variation-signature": (DecisionKind.AGREEMENT_SIGNATURE, DecisionKind.AGREEMENT_SIGNATURE),
}
# Publishing is a decision of its own for the conflict-of-interest check.
PUBLISH_KINDS: dict[str, str] = {
    "outcomes": DecisionKind.OUTCOMES_PUBLICATION,
    "summary": DecisionKind.SUMMARY_PUBLICATION,
}
DOCUMENT_KINDS = (DecisionKind.DOCUMENT_CERTIFICATION, DecisionKind.DOCUMENT_APPROVAL)
# The audit action is "<prefix>.<act in the past tense>", as each app recorded it before.
AUDIT_PREFIXES = {
    "pid": "pid",
    "amendment": "amendment",
    "concept": "concept",
    "outcomes": "outcomes",
    "summary": "summary",
    "agreement-signature": "agreement",
    "variation-signature": "variation",
}


def at_day(day: dt.date) -> dt.datetime:
    """An act that took effect on a day, at noon local time (the day reads the same anywhere)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def moment_of(today: dt.date | None) -> dt.datetime | None:
    """The moment of an act for a service told which day it is; None (now) for today."""
    if today is None or today == timezone.localdate():
        return None
    return at_day(today)


def _conflict_kind(document: str, act: core.Act) -> str:
    if act is core.Act.PUBLISH:
        return PUBLISH_KINDS[document]
    certifying, deciding = CONFLICT_KINDS.get(document, DOCUMENT_KINDS)
    return certifying if act is core.Act.CERTIFY else deciding


def _certifier(
    actor: User, project: Project, organisation: Organisation | None, noun: str
) -> Organisation:
    allowed = authority.certifying_organisations(actor, project)
    if not allowed:
        raise ValidationError(
            "Only a certification signatory of an industry partner in this project can certify "
            f"the {noun}."
        )
    if organisation is None:
        return allowed[0]
    if organisation.pk not in {o.pk for o in allowed}:
        raise ValidationError(f"You are not a certification signatory for {organisation}.")
    return organisation


def _existing(state: core.VersionSignOff, act: core.Act, body: selectors.Body | None) -> int | None:
    """The act already standing that this one would repeat, if any."""
    if act is core.Act.CERTIFY:
        return state.certification.pk if state.certification else None
    if act is core.Act.PUBLISH:
        return state.publication.pk if state.publication else None
    assert body is not None
    for decision in state.decisions:
        if decision.body.key == body.key and decision.latest and decision.latest.act is act:
            return decision.latest.pk
    return None


@transaction.atomic
def record_act(
    *,
    actor: User,
    project: Project,
    document: str,
    subject: str,
    act: core.Act,
    version: int | None = None,
    body: str | None = None,
    organisation: Organisation | None = None,
    reason: str = "",
    seen_hash: str | None = None,
    snapshot: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
    signatory: str = "",
    signed_on: dt.date | None = None,
) -> SignOffAct:
    """Record one certification, decision, publication or signature on the version that stands
    now.

    `version` is the number of the version the person read (None for a subject without
    numbered versions, such as an amendment); `seen_hash` the content hash they read, when the
    page gave one. A certification needs no `body`: it is given for a company. A publication
    is made by a partnership lead for their organisation, once everything the document's
    requirement set asks for is done. `at` is the moment the act takes effect, for an app
    that is told which day it is (the demo); it defaults to now. A signature (`act=SIGN`) is
    given for `organisation` by the named `signatory` on `signed_on`; the actor is the user
    who records it.
    """
    if act is core.Act.SIGN:
        return _record_signature(
            actor=actor,
            project=project,
            document=document,
            subject=subject,
            organisation=organisation,
            signatory=signatory,
            signed_on=signed_on,
        )
    requirements = core.requirements_for(document)
    source = sources.source_for(document)
    noun = source.noun
    locked = Project.objects.select_for_update().get(pk=project.pk)
    chosen: selectors.Body | None = None
    if act is core.Act.CERTIFY:
        if not requirements.certification:
            raise ValidationError(f"The {noun} is not certified.")
        organisation = _certifier(actor, locked, organisation, noun)
        role = core.Role.CERTIFICATION_SIGNATORY
    elif act in core.DECISIONS:
        role = authority.check_decision_authority(actor, locked, body or "", organisation)
        chosen = selectors.Body(body or "", organisation)
        required = {b.key for b in selectors.required_bodies(locked, document)}
        if chosen.key not in required:
            raise ValidationError({"body": f"The {noun} is not decided on by {chosen.label}."})
    elif act is core.Act.PUBLISH and requirements.published:
        organisation = authority.publishing_organisation(actor, locked, organisation, noun)
        role = core.Role.PARTNERSHIP_LEAD
    else:
        raise ValidationError(f"{act.value.capitalize()} is not recorded for the {noun} here.")
    conflict = check_decision(person=actor, project=locked, decision=_conflict_kind(document, act))
    if act is core.Act.REJECT and not reason.strip():
        raise ValidationError(
            {"reason": f"Say why the {noun} is rejected, so the partners know what to change."}
        )
    latest = sources.latest(locked, document, subject)
    live = source.live_hash(locked, subject)
    if latest is not None and seen_hash is not None and seen_hash != latest.content_hash:
        raise ValidationError(
            f"The {noun} was changed or submitted again after you opened it. Read it again "
            "before you decide."
        )
    stale = core.stale_reason(
        asked=version,
        latest=latest.number if latest else None,
        latest_hash=latest.content_hash if latest else "",
        live_hash=live,
        noun=noun,
    )
    if stale:
        raise ValidationError(stale)
    assert latest is not None
    state = selectors.sign_off(locked, document, subject, latest, live_hash=live)
    if requirements.certify_first and act in core.DECISIONS and not state.certified:
        raise ValidationError(
            "A version is approved after the certification signatory certifies it."
        )
    if act is core.Act.PUBLISH and not state.signed_off:
        raise ValidationError(
            f"The {noun} is published once everything it needs is done. Still to do: "
            + "; ".join(_lower_first(item) for item in state.outstanding)
            + "."
        )
    repeated = _existing(state, act, chosen)
    if repeated is not None:
        # A second click, or a second member of the same body, changes nothing.
        return SignOffAct.objects.get(pk=repeated)
    body_kind = core.BodyKind(body or "") if act in core.DECISIONS else core.BodyKind.PARTNER
    acting_for = (
        organisation.name
        if body_kind is not core.BodyKind.PROJECT_TEAM and organisation
        else "the project team"
    )
    if chosen is not None and body_kind is core.BodyKind.GOVERNANCE_COMMITTEE:
        acting_for = f"the {chosen.label[0].lower()}{chosen.label[1:]}"
    record = SignOffAct(
        project=locked,
        document=document,
        subject=subject,
        version=latest.number,
        content_hash=latest.content_hash,
        act=act.value,
        body=body_kind.value,
        organisation=organisation,
        role=role.value,
        actor=actor,
        actor_label=audit.actor_label(actor),
        statement=core.statement(
            act,
            requirements,
            version=latest.number,
            content_hash=latest.content_hash,
            acting_for=acting_for,
        ),
        reason=reason.strip(),
        snapshot=snapshot,
    )
    if at is not None:
        record.at = at
    record.full_clean()
    record.save()
    audit.record(
        actor=actor,
        action=f"{AUDIT_PREFIXES.get(document, 'document')}.{core.PAST_TENSE[act]}",
        obj=record,
        project_id=locked.pk,
        changes={**_changes(record, document), **conflict.audit_changes()},
    )
    if act is core.Act.CERTIFY:
        announce_certified(record)
    return record


def _record_signature(
    *,
    actor: User,
    project: Project,
    document: str,
    subject: str,
    organisation: Organisation | None,
    signatory: str,
    signed_on: dt.date | None,
) -> SignOffAct:
    """One party's signature on the content that stands now; a changed date is a new act.

    Who may record it is the calling app's check (the agreement's editors): the signatory is
    named in words because they are usually not a user here.
    """
    requirements = core.requirements_for(document)
    source = sources.source_for(document)
    noun = source.noun
    if not requirements.signed_by_parties:
        raise ValidationError(f"The {noun} is not signed.")
    if organisation is None:
        raise ValidationError({"organisation": "Choose the organisation that signed."})
    if not signatory.strip():
        raise ValidationError({"signatory": "Name the person who signed."})
    if signed_on is None:
        raise ValidationError({"signed_on": "Enter the date it was signed."})
    locked = Project.objects.select_for_update().get(pk=project.pk)
    conflict = check_decision(
        person=actor, project=locked, decision=_conflict_kind(document, core.Act.SIGN)
    )
    latest = sources.latest(locked, document, subject)
    live = source.live_hash(locked, subject)
    stale = core.stale_reason(
        asked=None,
        latest=latest.number if latest else None,
        latest_hash=latest.content_hash if latest else "",
        live_hash=live,
        noun=noun,
    )
    if stale:
        raise ValidationError(stale)
    assert latest is not None
    statement = core.signature_statement(
        requirements,
        content_hash=latest.content_hash,
        acting_for=organisation.name,
        signatory=signatory.strip(),
        on=signed_on,
    )
    standing = (
        SignOffAct.objects.filter(
            project=locked,
            document=document,
            subject=subject,
            act=core.Act.SIGN,
            organisation=organisation,
            content_hash=latest.content_hash,
        )
        .order_by("id")
        .last()
    )
    if standing is not None and standing.statement == statement:
        # The same signature again: a second click changes nothing.
        return standing
    record = SignOffAct(
        project=locked,
        document=document,
        subject=subject,
        version=latest.number,
        content_hash=latest.content_hash,
        act=core.Act.SIGN.value,
        body=core.BodyKind.PARTNER.value,
        organisation=organisation,
        role="",
        actor=actor,
        actor_label=audit.actor_label(actor),
        statement=statement,
        at=at_day(signed_on),
    )
    record.full_clean()
    record.save()
    changes: dict[str, list[object]] = {
        "organisation": [None, organisation.name],
        "signatory": [None, signatory.strip()],
        "signed_on": [
            timezone.localtime(standing.at).date().isoformat() if standing else None,
            signed_on.isoformat(),
        ],
        "content_hash": [None, record.content_hash],
    }
    audit.record(
        actor=actor,
        action=f"{AUDIT_PREFIXES.get(document, 'document')}.party_signed",
        obj=record,
        project_id=locked.pk,
        changes={**changes, **conflict.audit_changes()},
    )
    return record


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _changes(record: SignOffAct, document: str) -> dict[str, list[object]]:
    changes: dict[str, list[object]] = {}
    if document not in AUDIT_PREFIXES:
        changes["document"] = [None, document]
    if record.version is not None:
        changes["version"] = [None, record.version]
    if record.act in (core.Act.CERTIFY, core.Act.PUBLISH) or record.body == core.BodyKind.PARTNER:
        changes["organisation"] = [None, record.organisation.name if record.organisation else None]
    else:
        where = record.body
        if record.organisation is not None:
            where = f"{where}: {record.organisation.name}"
        changes["body"] = [None, where]
    if record.act not in (core.Act.CERTIFY, core.Act.PUBLISH):
        changes["decision"] = [None, record.act]
        if record.reason:
            changes["reason"] = [None, record.reason]
    changes["content_hash"] = [None, record.content_hash]
    return changes


def carry_over(
    *,
    actor: User,
    project: Project,
    document: str,
    subject: str,
    version: sources.Version,
    acts: Sequence[SignOffAct],
    through: str,
) -> list[SignOffAct]:
    """Bind acts given elsewhere (an amendment's sign-off) to a version they produced.

    The people named gave these acts on the amendment, after the same checks; this records
    that they now stand for the new version, naming what they came through. Call it inside
    the transaction that produced the version.
    """
    copied = []
    for given in acts:
        record = SignOffAct(
            project=project,
            document=document,
            subject=subject,
            version=version.number,
            content_hash=version.content_hash,
            act=given.act,
            body=given.body,
            organisation=given.organisation,
            role=given.role,
            actor=given.actor,
            actor_label=given.actor_label,
            statement=given.statement,
            reason=f"{core.PAST_TENSE[core.Act(given.act)].capitalize()} through {through}",
        )
        record.full_clean()
        record.save()
        audit.record(
            actor=actor,
            action=f"{AUDIT_PREFIXES.get(document, 'document')}.{core.PAST_TENSE[core.Act(given.act)]}",
            obj=record,
            project_id=project.pk,
            changes={"version": [None, version.number], "through": [None, through]},
        )
        copied.append(record)
    return copied


@transaction.atomic
def record_outside(
    *,
    actor: User | None,
    project: Project,
    document: str,
    subject: str,
    act: core.Act,
    content_hash: str,
    at: dt.datetime,
) -> SignOffAct:
    """Record an act done before the partnership used Triple Win (an imported history).

    Nobody here did it, so nobody's authority is checked: the row names no person, says it was
    recorded from outside, and is made for the first industry partner (a certification is
    theirs; so is a publication on their website, which the guidance asks of them). A repeat
    of a standing act changes nothing.
    """
    locked = Project.objects.select_for_update().get(pk=project.pk)
    existing = SignOffAct.objects.filter(
        project=locked, document=document, subject=subject, act=act.value, content_hash=content_hash
    ).first()
    if existing is not None:
        return existing
    partners = sorted(
        (p.organisation for p in locked.partners.select_related("organisation")),
        key=lambda o: (not o.is_pharmaceutical, o.name),
    )
    if not partners:
        raise ValidationError(f"Add the partners before recording that the {document} was {act}.")
    record = SignOffAct(
        project=locked,
        document=document,
        subject=subject,
        version=None,
        content_hash=content_hash,
        act=act.value,
        body=core.BodyKind.PARTNER.value,
        organisation=partners[0],
        role="",
        actor=None,
        actor_label=OUTSIDE_LABEL,
        at=at,
    )
    record.full_clean(exclude=["actor"])  # nobody in Triple Win did it
    record.save()
    audit.record(
        actor=actor,
        action=f"{AUDIT_PREFIXES.get(document, 'document')}.{core.PAST_TENSE[act]}",
        obj=record,
        project_id=locked.pk,
        changes={**_changes(record, document), "recorded_from_outside": [None, True]},
    )
    return record


# Who an act recorded from an imported history names: nobody in Triple Win did it.
OUTSIDE_LABEL = "Recorded from the partnership's own records"
