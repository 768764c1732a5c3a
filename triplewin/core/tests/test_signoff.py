"""The sign-off engine's rules: what a version needs, what counts, and the status they give."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triplewin.core import signoff as core
from triplewin.core.signoff import Act, BodyKind, Status

PARTIES = (core.Party(1, "Northshire ICB"), core.Party(2, "Acme Pharma"))
PID = core.requirements_for("pid")
BODIES = core.required_bodies(PID, PARTIES)
HASH = "a" * 64
OTHER = "b" * 64
T0 = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


def act(
    kind: Act,
    body: BodyKind = BodyKind.PARTNER,
    org: int | None = 2,
    *,
    digest: str = HASH,
    minute: int = 0,
) -> core.ActRecord:
    return core.ActRecord(
        act=kind,
        body=body,
        organisation_id=None if body is BodyKind.PROJECT_TEAM else org,
        organisation_name="" if body is BodyKind.PROJECT_TEAM else f"Org {org}",
        content_hash=digest,
        actor_id=7,
        actor_label="Sam Signer",
        role="",
        statement="",
        reason="",
        at=T0 + dt.timedelta(minutes=minute),
        version=1,
    )


CERTIFY = act(Act.CERTIFY)
TEAM = act(Act.APPROVE, BodyKind.PROJECT_TEAM)
NHS_COMMITTEE = act(Act.APPROVE, BodyKind.GOVERNANCE_COMMITTEE, 1)
PHARMA_COMMITTEE = act(Act.APPROVE, BodyKind.GOVERNANCE_COMMITTEE, 2)
EVERYTHING = (CERTIFY, TEAM, NHS_COMMITTEE, PHARMA_COMMITTEE)


def judge(acts, *, live: str = HASH, requirements=PID, bodies=BODIES) -> core.VersionSignOff:
    return core.evaluate(requirements, bodies, acts, content_hash=HASH, live_hash=live)


def test_the_pid_needs_the_team_then_each_partners_committee():
    assert [b.label for b in BODIES] == [
        "Project team",
        "Governance committee of Northshire ICB",
        "Governance committee of Acme Pharma",
    ]
    assert [b.key for b in BODIES] == ["team", "committee-1", "committee-2"]


def test_a_status_report_needs_each_partner_itself():
    bodies = core.required_bodies(core.requirements_for("status-report"), PARTIES)
    assert [(b.kind, b.label) for b in bodies] == [
        (BodyKind.PARTNER, "Northshire ICB"),
        (BodyKind.PARTNER, "Acme Pharma"),
    ]


def test_an_undeclared_document_is_refused_by_name():
    with pytest.raises(core.UnknownDocument):
        core.requirements_for("shopping-list")


def test_nothing_recorded_lists_everything_outstanding_in_plain_words():
    state = judge([])
    assert state.status is Status.AWAITING
    assert state.outstanding == (
        "Certification by the certification signatory of an industry partner",
        "Approval by the project team",
        "Approval by the governance committee of Northshire ICB",
        "Approval by the governance committee of Acme Pharma",
    )


def test_certified_then_approved_by_everyone_is_approved_and_current():
    state = judge(EVERYTHING)
    assert state.status is Status.APPROVED
    assert state.signed_off
    assert state.current
    assert not state.outstanding
    assert state.certification == CERTIFY


def test_certification_alone_awaits_approvals():
    state = judge([CERTIFY])
    assert state.status is Status.CERTIFIED
    assert not state.signed_off
    assert len(state.outstanding) == 3


def test_approvals_without_certification_are_not_sign_off():
    state = judge([TEAM, NHS_COMMITTEE, PHARMA_COMMITTEE])
    assert state.status is Status.AWAITING
    assert state.outstanding == (
        "Certification by the certification signatory of an industry partner",
    )


def test_a_later_rejection_replaces_the_bodys_approval():
    rejection = act(Act.REJECT, BodyKind.PROJECT_TEAM, minute=5)
    state = judge([*EVERYTHING, rejection])
    assert state.status is Status.REJECTED
    assert state.rejected_by == ("Project team",)
    assert "Approval by the project team (rejected)" in state.outstanding


def test_acts_on_other_content_say_nothing_about_this_version():
    state = judge(
        [act(Act.CERTIFY, digest=OTHER), act(Act.APPROVE, BodyKind.PROJECT_TEAM, digest=OTHER)]
    )
    assert state.status is Status.AWAITING
    assert not state.certified


def test_live_content_moving_on_marks_a_signed_off_version_changed():
    state = judge(EVERYTHING, live=OTHER)
    assert state.signed_off
    assert state.changed_since
    assert not state.current


def test_publication_and_withdrawal_end_the_story():
    assert judge([*EVERYTHING, act(Act.PUBLISH, minute=9)]).status is Status.PUBLISHED
    assert judge([*EVERYTHING, act(Act.WITHDRAW, minute=9)]).status is Status.WITHDRAWN


def test_a_document_needing_no_certification_is_signed_off_by_approvals_alone():
    needs = core.Requirements("Concept", certification=False, approvals=(BodyKind.PARTNER,))
    bodies = core.required_bodies(needs, PARTIES)
    partners = [act(Act.APPROVE, BodyKind.PARTNER, 1), act(Act.APPROVE, BodyKind.PARTNER, 2)]
    assert judge(partners, requirements=needs, bodies=bodies).status is Status.APPROVED


def test_a_statement_names_the_version_and_its_fingerprint():
    text = core.statement(Act.CERTIFY, PID, version=3, content_hash=HASH, acting_for="Acme Pharma")
    assert "version 3 of the Project Initiation Document" in text
    assert HASH[:12] in text
    assert "Acme Pharma" in text


@pytest.mark.parametrize(
    ("asked", "latest", "digest", "live", "expected"),
    [
        (1, 1, "", HASH, "No version of the PID has been submitted"),
        (1, 2, HASH, HASH, "Version 1 has been replaced by version 2"),
        (2, 2, HASH, OTHER, "The PID has changed since version 2 was submitted"),
        (None, None, HASH, OTHER, "The PID has changed since it was submitted"),
        (2, 2, HASH, HASH, ""),
        (None, None, HASH, HASH, ""),
    ],
)
def test_only_the_version_that_stands_now_may_be_acted_on(asked, latest, digest, live, expected):
    reason = core.stale_reason(
        asked=asked, latest=latest, latest_hash=digest, live_hash=live, noun="PID"
    )
    assert reason.startswith(expected) if expected else reason == ""


def test_the_requirement_sets_are_pinned():
    # Who must sign off which document is policy; pin it here so a change is deliberate.
    expected = {
        "concept": (False, (BodyKind.PARTNER,), False),
        "pid": (True, (BodyKind.PROJECT_TEAM, BodyKind.GOVERNANCE_COMMITTEE), False),
        "amendment": (True, (BodyKind.PROJECT_TEAM, BodyKind.GOVERNANCE_COMMITTEE), False),
        "summary": (True, (), False),
        "outcomes": (True, (BodyKind.PROJECT_TEAM, BodyKind.GOVERNANCE_COMMITTEE), True),
        "status-report": (True, (BodyKind.PARTNER,), True),
        "agreement": (True, (BodyKind.PARTNER,), True),
        # Signed by each of the agreement's own parties (see test_signoff_signatures).
        "agreement-signature": (False, (), False),
        # Signed by the parties of the agreement it varies.
        "variation-signature": (False, (), False),
    }
    assert {
        kind: (r.certification, r.approvals, r.certify_first)
        for kind, r in core.REQUIREMENTS.items()
    } == expected
    # Only the two summaries the public reads are published through the engine.
    assert {kind for kind, r in core.REQUIREMENTS.items() if r.published} == {"summary", "outcomes"}


# Properties over any sequence of acts.

ACTS = st.builds(
    act,
    st.sampled_from(list(Act)),
    st.sampled_from(list(BodyKind)),
    st.sampled_from([1, 2]),
    digest=st.sampled_from([HASH, OTHER]),
    minute=st.integers(0, 100),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ACTS, max_size=12))
def test_outstanding_is_empty_exactly_when_signed_off(acts):
    state = judge(acts)
    assert (not state.outstanding) == state.signed_off


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ACTS, max_size=12), st.lists(ACTS, max_size=6))
def test_acts_on_other_content_never_change_the_answer(acts, noise):
    elsewhere = [a for a in noise if a.content_hash != HASH]
    assert judge(acts) == judge([*acts, *elsewhere])


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ACTS, max_size=12))
def test_approved_status_means_certified_and_every_body_approved(acts):
    state = judge(acts)
    if state.status in (Status.APPROVED, Status.PUBLISHED):
        assert state.certified
        assert all(d.latest is not None and d.latest.act is Act.APPROVE for d in state.decisions)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ACTS, max_size=12))
def test_only_the_live_hash_decides_whether_content_changed(acts):
    assert not judge(acts).changed_since
    assert judge(acts, live=OTHER).changed_since
    assert judge(acts).outstanding == judge(acts, live=OTHER).outstanding


def test_the_record_says_who_in_which_role_for_whom_when_and_what_is_missing():
    certified = core.ActRecord(
        act=Act.CERTIFY,
        body=BodyKind.PARTNER,
        organisation_id=2,
        organisation_name="Acme Pharma",
        content_hash=HASH,
        actor_id=7,
        actor_label="Sam Signer",
        role=core.Role.CERTIFICATION_SIGNATORY,
        statement="I certify.",
        reason="",
        at=T0,
    )
    lines = core.record_lines(judge([certified, TEAM]))
    assert [(line.what, line.done) for line in lines] == [
        ("Certification", True),
        ("Project team", True),
        ("Governance committee of Northshire ICB", False),
        ("Governance committee of Acme Pharma", False),
    ]
    assert lines[0].text == (
        "Certified by Sam Signer (Certification signatory) for Acme Pharma on 1 March 2026, "
        f"content fingerprint {HASH[:12]}."
    )
    assert lines[0].statement == "I certify."
    assert lines[2].text == "No decision yet."


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Jane Smith <jane@trust.nhs.uk>", "Jane Smith"),
        ("jane@trust.nhs.uk", core.NAME_NOT_RECORDED),
        (" <jane@trust.nhs.uk>", core.NAME_NOT_RECORDED),
        ("system", "system"),
        ("", core.NAME_NOT_RECORDED),
    ],
)
def test_a_person_is_named_never_addressed(label, name):
    assert core.person(label) == name


def test_the_summary_and_the_record_read_the_same_acts():
    certified = core.ActRecord(
        act=Act.CERTIFY,
        body=BodyKind.PARTNER,
        organisation_id=2,
        organisation_name="Acme Pharma",
        content_hash=HASH,
        actor_id=7,
        actor_label="Sam Signer <sam@acme.test>",
        role=core.Role.CERTIFICATION_SIGNATORY,
        statement="I certify.",
        reason="",
        at=T0,
    )
    state = judge([certified, TEAM])
    assert core.summary(state) == (
        "Certified on 1 March 2026 by Sam Signer (Certification signatory) for Acme Pharma; "
        "1 of 3 required approvals given."
    )
    assert "sam@acme.test" not in " ".join(line.text for line in core.record_lines(state))
    assert core.summary(judge([])) == "Not yet certified; 0 of 3 required approvals given."
