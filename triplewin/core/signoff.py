"""Sign-off of framework documents: the acts, who must approve what, and the derived status.

Every formal act on a document version (certify, approve, reject, sign, publish, supersede,
withdraw) is bound to the version's content hash. What a version needs is declared once per
document kind in `REQUIREMENTS`; `evaluate` reads the acts recorded on a version and says, in
plain words, what is done, what is still outstanding and whether the live content has moved on.
Pages, rules and documents all ask this one function, so they cannot disagree (ADR 0024).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Act(StrEnum):
    CERTIFY = "certify"
    APPROVE = "approve"
    REJECT = "reject"
    SIGN = "sign"
    PUBLISH = "publish"
    SUPERSEDE = "supersede"
    WITHDRAW = "withdraw"


# The acts by which a body decides; the latest of them per body is the one that counts.
DECISIONS = frozenset({Act.APPROVE, Act.REJECT})

PAST_TENSE = {
    Act.CERTIFY: "certified",
    Act.APPROVE: "approved",
    Act.REJECT: "rejected",
    Act.SIGN: "signed",
    Act.PUBLISH: "published",
    Act.SUPERSEDE: "superseded",
    Act.WITHDRAW: "withdrawn",
}


class BodyKind(StrEnum):
    """For whom an act is done: a partner organisation, the project team, or a committee."""

    PARTNER = "partner"
    PROJECT_TEAM = "project_team"
    GOVERNANCE_COMMITTEE = "governance_committee"


class Role(StrEnum):
    """The capacity in which someone acted, as the engine checked it when they did."""

    CERTIFICATION_SIGNATORY = "certification_signatory"
    CHAIR = "chair"
    PROJECT_MANAGER = "project_manager"
    COMMITTEE_MEMBER = "committee_member"
    PARTNERSHIP_LEAD = "partnership_lead"
    GOVERNANCE_MEMBER = "governance_member"


ROLE_LABELS: dict[Role, str] = {
    Role.CERTIFICATION_SIGNATORY: "Certification signatory",
    Role.CHAIR: "Chair of the project team",
    Role.PROJECT_MANAGER: "Project manager",
    Role.COMMITTEE_MEMBER: "Member of the governance committee",
    Role.PARTNERSHIP_LEAD: "Partnership lead",
    Role.GOVERNANCE_MEMBER: "Governance committee member",
}


class Status(StrEnum):
    AWAITING = "awaiting"  # submitted, nothing decided yet
    CERTIFIED = "certified"  # certified, approvals still outstanding
    REJECTED = "rejected"
    APPROVED = "approved"  # everything the kind requires is done
    PUBLISHED = "published"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Requirements:
    """What one kind of document needs before it counts as signed off."""

    # The document's name as a signatory reads it in a statement.
    title: str
    # Certified by the certification signatory of an industry partner.
    certification: bool
    # Approved by: the project team once; each partner, or each partner's committee, once each.
    approvals: tuple[BodyKind, ...] = ()
    # Approvals may only be given once the version is certified.
    certify_first: bool = False
    # Published once everything above is done (the public register reads the publication).
    published: bool = False
    # Signed by each party the subject names (an agreement's parties), once each.
    signed_by_parties: bool = False


TEAM_AND_COMMITTEES = (BodyKind.PROJECT_TEAM, BodyKind.GOVERNANCE_COMMITTEE)

# Who must sign off which document, declared in one place.
REQUIREMENTS: dict[str, Requirements] = {
    "concept": Requirements(
        "Project Concept Framework", certification=False, approvals=(BodyKind.PARTNER,)
    ),
    "pid": Requirements(
        "Project Initiation Document", certification=True, approvals=TEAM_AND_COMMITTEES
    ),
    "amendment": Requirements(
        "Project Amendment", certification=True, approvals=TEAM_AND_COMMITTEES
    ),
    # The executive summary: once certified, the agreement's summary is made public on the
    # industry partner's website before the project starts (guidance 000). No body approves
    # it: the guidance names none, and the PID it is drafted from was approved (our choice).
    "summary": Requirements("Project Executive Summary", certification=True, published=True),
    # Certified like the PID, then approved by the team and each committee before it is
    # published (the guidance asks all parties to publish outcomes within six months; who
    # approves it is our choice, matching the PID it reports against). Approval waits for the
    # certification, as the outcomes app always required.
    "outcomes": Requirements(
        "Summary of Project Outcomes",
        certification=True,
        approvals=TEAM_AND_COMMITTEES,
        certify_first=True,
        published=True,
    ),
    "status-report": Requirements(
        "Status Report", certification=True, approvals=(BodyKind.PARTNER,), certify_first=True
    ),
    "agreement": Requirements(
        "Heads of Terms", certification=True, approvals=(BodyKind.PARTNER,), certify_first=True
    ),
    # The agreement itself, signed by each of its parties on its terms (ADR 0024, signatures).
    "agreement-signature": Requirements("Agreement", certification=False, signed_by_parties=True),
    # A variation agreement, signed by the agreement's parties on the changes an approved
    # amendment makes to the contract: the guidance records an extension or other change in a
    # letter known as a variation agreement, drafted for the project team (guidance 000,
    # overruns).
    "variation-signature": Requirements(
        "Variation Agreement", certification=False, signed_by_parties=True
    ),
}


class UnknownDocument(KeyError):
    """A document kind with no declared sign-off requirements."""


def requirements_for(document: str) -> Requirements:
    try:
        return REQUIREMENTS[document]
    except KeyError:
        raise UnknownDocument(document) from None


@dataclass(frozen=True)
class Party:
    organisation_id: int
    name: str


@dataclass(frozen=True)
class Body:
    """Someone whose act a version needs: the project team, a partner, or its committee."""

    kind: BodyKind
    organisation_id: int | None = None
    organisation_name: str = ""

    @property
    def key(self) -> str:
        return body_key(self.kind, self.organisation_id)

    @property
    def label(self) -> str:
        if self.kind is BodyKind.PROJECT_TEAM:
            return "Project team"
        if self.kind is BodyKind.GOVERNANCE_COMMITTEE:
            return f"Governance committee of {self.organisation_name}"
        return self.organisation_name


def body_key(kind: str, organisation_id: int | None) -> str:
    if kind == BodyKind.PROJECT_TEAM:
        return "team"
    if kind == BodyKind.GOVERNANCE_COMMITTEE:
        return f"committee-{organisation_id}"
    return f"partner-{organisation_id}"


def required_bodies(requirements: Requirements, parties: Sequence[Party]) -> tuple[Body, ...]:
    """The bodies whose approval a version needs, the team first and then each partner."""
    bodies: list[Body] = []
    for kind in requirements.approvals:
        if kind is BodyKind.PROJECT_TEAM:
            bodies.append(Body(kind))
        else:
            bodies.extend(Body(kind, p.organisation_id, p.name) for p in parties)
    return tuple(bodies)


@dataclass(frozen=True)
class ActRecord:
    """One recorded act, as the engine reads it."""

    act: Act
    body: BodyKind
    organisation_id: int | None
    organisation_name: str
    content_hash: str
    actor_id: int | None
    actor_label: str
    role: str
    statement: str
    reason: str
    at: dt.datetime
    version: int | None = None
    pk: int | None = None

    @property
    def key(self) -> str:
        return body_key(self.body, self.organisation_id)

    @property
    def role_label(self) -> str:
        """ "" for records migrated from before the role was kept."""
        return next((label for role, label in ROLE_LABELS.items() if role == self.role), "")


@dataclass(frozen=True)
class BodyDecision:
    body: Body
    latest: ActRecord | None

    @property
    def approved(self) -> bool:
        return self.latest is not None and self.latest.act is Act.APPROVE

    @property
    def rejected(self) -> bool:
        return self.latest is not None and self.latest.act is Act.REJECT


@dataclass(frozen=True)
class VersionSignOff:
    """Where sign-off stands for one version, judged against the live content."""

    requirements: Requirements
    content_hash: str
    live_hash: str
    certification: ActRecord | None
    decisions: tuple[BodyDecision, ...]
    publication: ActRecord | None = None
    ended: ActRecord | None = None  # superseded or withdrawn
    # Each party that signs, with its latest signature on this version's hash.
    signatures: tuple[BodyDecision, ...] = ()

    @property
    def certified(self) -> bool:
        return self.certification is not None

    @property
    def signed_by_all(self) -> bool:
        """Every party the subject names has signed this content (True when it names none)."""
        return all(s.latest is not None for s in self.signatures)

    @property
    def unsigned(self) -> tuple[str, ...]:
        """The parties whose signature on this content is still missing, by name."""
        return tuple(s.body.label for s in self.signatures if s.latest is None)

    @property
    def approved_by_all(self) -> bool:
        return all(d.approved for d in self.decisions)

    @property
    def signed_off(self) -> bool:
        """Everything the kind requires was given for this version's hash."""
        needs_cert = self.requirements.certification
        return (self.certified or not needs_cert) and self.approved_by_all and self.signed_by_all

    @property
    def changed_since(self) -> bool:
        """The live content no longer matches the version that was signed off."""
        return self.live_hash != self.content_hash

    @property
    def current(self) -> bool:
        return self.signed_off and not self.changed_since

    @property
    def rejected_by(self) -> tuple[str, ...]:
        return tuple(d.body.label for d in self.decisions if d.rejected)

    @property
    def outstanding(self) -> tuple[str, ...]:
        """What is still to be done, in plain words, in the order it is normally done."""
        missing = []
        if self.requirements.certification and not self.certified:
            missing.append("Certification by the certification signatory of an industry partner")
        for d in self.decisions:
            if d.rejected:
                missing.append(f"Approval by {_lower_first(d.body.label)} (rejected)")
            elif not d.approved:
                missing.append(f"Approval by {_lower_first(d.body.label)}")
        missing.extend(f"Signature for {name}" for name in self.unsigned)
        return tuple(missing)

    @property
    def status(self) -> Status:
        if self.ended is not None:
            return Status(PAST_TENSE[self.ended.act])
        if self.publication is not None and self.signed_off:
            return Status.PUBLISHED
        if self.rejected_by:
            return Status.REJECTED
        if self.signed_off:
            return Status.APPROVED
        if self.certified:
            return Status.CERTIFIED
        return Status.AWAITING


def _lower_first(label: str) -> str:
    """ "Project team" reads "the project team" mid-sentence; a partner's name stays as it is."""
    if label == "Project team":
        return "the project team"
    if label.startswith("Governance committee"):
        return "the g" + label[1:]
    return label


def evaluate(
    requirements: Requirements,
    bodies: Sequence[Body],
    acts: Iterable[ActRecord],
    *,
    content_hash: str,
    live_hash: str,
    signers: Sequence[Body] = (),
) -> VersionSignOff:
    """Sign-off of the version with `content_hash`; `acts` in the order they were recorded.

    Only acts bound to this hash count: a decision on other content says nothing about this.
    The first certification stands; each body's latest decision is the one that counts, and
    each signer's last recorded signature (a corrected date is a new signature act).
    """
    certification = None
    publication = None
    ended = None
    latest: dict[str, ActRecord] = {}
    signed: dict[str, ActRecord] = {}
    for record in acts:
        if record.content_hash != content_hash:
            continue
        if record.act is Act.CERTIFY and certification is None:
            certification = record
        elif record.act in DECISIONS:
            latest[record.key] = record
        elif record.act is Act.SIGN:
            # A signature's moment is the date signed, so a corrected earlier date sorts
            # first: the one recorded last (the higher record number) is the one that stands.
            prior = signed.get(record.key)
            if prior is None or (record.pk or 0) >= (prior.pk or 0):
                signed[record.key] = record
        elif record.act is Act.PUBLISH and publication is None:
            publication = record
        elif record.act in (Act.SUPERSEDE, Act.WITHDRAW) and ended is None:
            ended = record
    return VersionSignOff(
        requirements,
        content_hash,
        live_hash,
        certification,
        tuple(BodyDecision(b, latest.get(b.key)) for b in bodies),
        publication,
        ended,
        tuple(BodyDecision(b, signed.get(b.key)) for b in signers),
    )


def stale_reason(
    *, asked: int | None, latest: int | None, latest_hash: str, live_hash: str, noun: str
) -> str:
    """Why an act on version `asked` must be refused, or "" when it is the current version.

    `latest_hash` is "" when nothing has been submitted; `latest` is None for a subject whose
    one version changes hash when it is submitted again (an amendment).
    """
    if not latest_hash:
        return f"No version of the {noun} has been submitted for sign-off yet."
    if asked is not None and latest is not None and asked != latest:
        return (
            f"Version {asked} has been replaced by version {latest}. Read the latest version "
            "and decide on that."
        )
    if live_hash != latest_hash:
        which = f"version {latest} was submitted" if latest is not None else "it was submitted"
        return (
            f"The {noun} has changed since {which}. Submit a new version; sign-off applies only "
            "to the content it was given for."
        )
    return ""


def statement(
    act: Act,
    requirements: Requirements,
    *,
    version: int | None,
    content_hash: str,
    acting_for: str,
) -> str:
    """The sentence the person agrees to when they act, naming exactly what they acted on."""
    which = f"the {requirements.title}"
    if version is not None:
        which = f"version {version} of {which}"
    which = f"{which} (content fingerprint {content_hash[:12]})"
    if act is Act.CERTIFY:
        return (
            f"I have examined the final form of {which} and I certify, for {acting_for}, that "
            "in my belief it complies with the ABPI Code of Practice."
        )
    if act is Act.APPROVE:
        return f"I approve {which} on behalf of {acting_for}, as the version we will be held to."
    if act is Act.REJECT:
        return f"I reject {which} on behalf of {acting_for}, for the reason given."
    if act is Act.SIGN:
        return f"I sign {which} on behalf of {acting_for}."
    if act is Act.PUBLISH:
        return f"I publish {which} on behalf of {acting_for}."
    return f"I record that {which} is {PAST_TENSE[act]}, on behalf of {acting_for}."


def signature_statement(
    requirements: Requirements,
    *,
    content_hash: str,
    acting_for: str,
    signatory: str,
    on: dt.date,
) -> str:
    """What a signature act records: who signed, for whom, when, and on which text.

    The person who signs an agreement is usually not a user here, so the act names them and
    its actor is the user who recorded the signature.
    """
    return (
        f"{signatory} signed the {requirements.title} (content fingerprint "
        f"{content_hash[:12]}) on behalf of {acting_for} on {on.day} {on:%B %Y}."
    )


SIGNATORY_PREFIX_END = " signed the "


def signatory_of(statement: str) -> str:
    """The signatory named in a signature statement ("" when it names none)."""
    name, found, _ = statement.partition(SIGNATORY_PREFIX_END)
    return name if found else ""


@dataclass(frozen=True)
class RecordLine:
    """One line of a version's sign-off record, as a page or a document prints it."""

    what: str  # "Certification" or the body: "Project team", "Governance committee of …"
    done: bool
    text: str  # in plain words: who, in which role, for whom, when, which fingerprint
    statement: str = ""
    reason: str = ""


def record_lines(state: VersionSignOff) -> tuple[RecordLine, ...]:
    """The sign-off record of one version: certification, then each required body, in words.

    Pages and documents print these lines, so both say the same about the same version.
    """
    lines = []
    if state.requirements.certification:
        cert = state.certification
        if cert is None:
            lines.append(
                RecordLine(
                    "Certification", False, "Not yet certified by a certification signatory."
                )
            )
        else:
            lines.append(RecordLine("Certification", True, _who(cert, "Certified"), cert.statement))
    for d in state.decisions:
        latest = d.latest
        if latest is None:
            lines.append(RecordLine(d.body.label, False, "No decision yet."))
            continue
        verb = PAST_TENSE[latest.act].capitalize()
        lines.append(
            RecordLine(
                d.body.label, d.approved, _who(latest, verb), latest.statement, latest.reason
            )
        )
    return tuple(lines)


NAME_NOT_RECORDED = "a user whose name was not recorded"


def person(label: str) -> str:
    """The name in an act's label ("Jane Smith <jane@trust.nhs.uk>"), never the address.

    Sign-off records are printed on documents that reach the public, so they name people the
    way a signed paper would, by name; an account with no name is said to have none.
    """
    name, bracket, rest = label.partition(" <")
    if bracket and rest.endswith(">"):
        return name.strip() or NAME_NOT_RECORDED
    if "@" in label or not label.strip():
        return NAME_NOT_RECORDED
    return label.strip()


def _day(moment: dt.datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def _who(record: ActRecord, verb: str) -> str:
    role = f" ({record.role_label})" if record.role_label else ""
    acting_for = f" for {record.organisation_name}" if record.organisation_name else ""
    return (
        f"{verb} by {person(record.actor_label)}{role}{acting_for} on {_day(record.at)}, "
        f"content fingerprint {record.content_hash[:12]}."
    )


def summary(state: VersionSignOff) -> str:
    """One sentence for a document's title block: where sign-off of this version stands.

    Read from the same acts as `record_lines`, so the summary and the record cannot differ.
    """
    parts = []
    cert = state.certification
    if cert is not None:
        role = f" ({cert.role_label})" if cert.role_label else ""
        acting_for = f" for {cert.organisation_name}" if cert.organisation_name else ""
        parts.append(
            f"Certified on {_day(cert.at)} by {person(cert.actor_label)}{role}{acting_for}"
        )
    elif state.requirements.certification:
        parts.append("not yet certified")
    decided = [d.latest for d in state.decisions if d.approved and d.latest is not None]
    if state.decisions and state.approved_by_all and decided:
        last = max(decided, key=lambda r: r.at)
        who = "every required body" if len(state.decisions) > 1 else state.decisions[0].body.label
        parts.append(f"approved by {_lower_first(who)}, the last on {_day(last.at)}")
    elif state.rejected_by:
        parts.append("rejected by " + ", ".join(_lower_first(b) for b in state.rejected_by))
    elif state.decisions:
        given = sum(1 for d in state.decisions if d.approved)
        parts.append(f"{given} of {len(state.decisions)} required approvals given")
    if state.publication is not None and state.signed_off:
        parts.append(f"published on {_day(state.publication.at)}")
    if state.ended is not None:
        parts.append(f"{PAST_TENSE[state.ended.act]} on {_day(state.ended.at)}")
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."
