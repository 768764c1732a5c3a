"""The one answer to "where does sign-off stand for this version?", for pages, rules and documents.

Everything that shows or checks a document's certification, approvals or "changed since
sign-off" calls `sign_off` (or `current`), which reads the acts recorded here and judges them with
`triplewin.core.signoff.evaluate`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triplewin.core import signoff as core
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.signoff import sources
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.sources import Version


@dataclass(frozen=True)
class Body:
    """A body whose decision a document needs, with its organisation as a record."""

    body: str
    organisation: Organisation | None

    @property
    def key(self) -> str:
        return core.body_key(self.body, self.organisation.pk if self.organisation else None)

    @property
    def label(self) -> str:
        return self.as_core().label

    def as_core(self) -> core.Body:
        org = self.organisation
        return core.Body(core.BodyKind(self.body), org.pk if org else None, org.name if org else "")


def partners(project: Project) -> list[Organisation]:
    return [
        p.organisation
        for p in project.partners.select_related("organisation").order_by("organisation__name")
    ]


def required_bodies(project: Project, document: str) -> list[Body]:
    """Whose approval a version of this document needs, as declared for its kind."""
    requirements = core.requirements_for(document)
    orgs = {o.pk: o for o in partners(project)}
    parties = [core.Party(pk, o.name) for pk, o in orgs.items()]
    return [
        Body(b.kind.value, orgs[b.organisation_id] if b.organisation_id else None)
        for b in core.required_bodies(requirements, parties)
    ]


def acts_of(project: Project, document: str, subject: str) -> list[SignOffAct]:
    """Every act on the subject, in the order recorded."""
    return list(
        SignOffAct.objects.filter(project=project, document=document, subject=subject)
        .select_related("organisation")
        .order_by("at", "id")
    )


def sign_off(
    project: Project,
    document: str,
    subject: str,
    version: Version,
    *,
    live_hash: str | None = None,
    acts: Sequence[SignOffAct] | None = None,
) -> core.VersionSignOff:
    """Where sign-off stands for one version; `live_hash` defaults to the source's."""
    if live_hash is None:
        live_hash = sources.source_for(document).live_hash(project, subject)
    if acts is None:
        acts = acts_of(project, document, subject)
    return core.evaluate(
        core.requirements_for(document),
        [b.as_core() for b in required_bodies(project, document)],
        [a.as_record() for a in acts if a.version == version.number],
        content_hash=version.content_hash,
        live_hash=live_hash,
    )


@dataclass(frozen=True)
class Current:
    """The latest version of a subject and where its sign-off stands."""

    version: Version
    state: core.VersionSignOff
    # The newest version that was ever signed off (changed since or not), if any.
    last_signed_off: Version | None

    @property
    def changed_since_sign_off(self) -> bool:
        """Something was signed off once, and what stands now is not that, signed off."""
        return self.last_signed_off is not None and not self.state.current


def current(project: Project, document: str, subject: str) -> Current | None:
    """The latest version's sign-off, judged against the live content; None before any."""
    source = sources.source_for(document)
    versions = source.versions(project, subject)
    if not versions:
        return None
    live = source.live_hash(project, subject)
    acts = acts_of(project, document, subject)
    states = [sign_off(project, document, subject, v, live_hash=live, acts=acts) for v in versions]
    signed = [v for v, s in zip(versions, states, strict=True) if s.signed_off]
    return Current(versions[-1], states[-1], signed[-1] if signed else None)


def last_signed_off(project: Project, document: str, subject: str) -> Version | None:
    """The newest version certified and approved by everyone, changed since or not."""
    source = sources.source_for(document)
    acts = acts_of(project, document, subject)
    for version in reversed(source.versions(project, subject)):
        state = sign_off(project, document, subject, version, live_hash="", acts=acts)
        if state.signed_off:
            return version
    return None


def first_act(project: Project, document: str, subject: str, act: core.Act) -> SignOffAct | None:
    """The first act of this kind on the subject, on whichever content (a publication)."""
    return (
        SignOffAct.objects.filter(project=project, document=document, subject=subject, act=act)
        .select_related("organisation")
        .order_by("at", "id")
        .first()
    )


def signatures(
    project: Project, document: str, subject: str, signers: Sequence[Organisation]
) -> core.VersionSignOff | None:
    """Who of `signers` has signed the content as it stands now; None when there is none.

    A subject signed by its own parties (an agreement) names them itself, so the caller gives
    them. Only signatures bound to the live content's hash count.
    """
    source = sources.source_for(document)
    latest = sources.latest(project, document, subject)
    if latest is None:
        return None
    return core.evaluate(
        core.requirements_for(document),
        (),
        [a.as_record() for a in acts_of(project, document, subject)],
        content_hash=latest.content_hash,
        live_hash=source.live_hash(project, subject),
        signers=[core.Body(core.BodyKind.PARTNER, o.pk, o.name) for o in signers],
    )


def signature_of(state: core.VersionSignOff, organisation: Organisation) -> core.ActRecord | None:
    """The organisation's standing signature in `state`, if it signed."""
    key = core.body_key(core.BodyKind.PARTNER, organisation.pk)
    return next((s.latest for s in state.signatures if s.body.key == key), None)
