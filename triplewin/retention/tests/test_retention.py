"""The retention policy (ADR 0041): what each rule removes, what it keeps, and the command."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from allauth.usersessions.models import UserSession
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from tests import factories
from triplewin.audit.chain import verify_chain
from triplewin.audit.models import AuditEvent
from triplewin.conflicts import services as conflict_services
from triplewin.conflicts.models import (
    ConflictManagement,
    Declaration,
    NilReturn,
    RegisterConfirmation,
)
from triplewin.core import retention
from triplewin.learning.models import PartnerSurvey, SurveyResponse
from triplewin.notifications.models import DigestSent, QueuedNotice
from triplewin.organisations.models import Invitation, JoinRequest, Membership
from triplewin.retention.models import RetentionRun
from triplewin.retention.services import apply_retention

pytestmark = pytest.mark.django_db

TODAY = dt.date(2033, 6, 1)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _counts(outcomes: list[Any]) -> dict[str, int]:
    return {o.rule.key: o.count for o in outcomes}


# The policy itself -------------------------------------------------------------------------


def test_every_rule_has_a_reason_and_a_setting() -> None:
    for rule in retention.policy():
        assert rule.days >= 1
        assert rule.why
        assert rule.subject
        assert rule.clock
        assert rule.setting == f"RETENTION_{rule.key.upper()}_DAYS"


def test_an_override_changes_only_its_rule() -> None:
    rules = retention.policy({"RETENTION_SENT_NOTICES_DAYS": "7"})
    assert retention.rule(rules, retention.SENT_NOTICES).days == 7
    defaults = {r.key: r.days for r in retention.DEFAULTS}
    for rule in rules:
        if rule.key != retention.SENT_NOTICES:
            assert rule.days == defaults[rule.key]


@pytest.mark.parametrize("raw", ["0", "-5", "ten", "1.5", "30d"])
def test_a_malformed_override_is_refused_by_name(raw: str) -> None:
    with pytest.raises(retention.PolicyError, match="RETENTION_OLD_SESSIONS_DAYS"):
        retention.policy({"RETENTION_OLD_SESSIONS_DAYS": raw})


@given(days=st.integers(min_value=1, max_value=10_000), today=st.dates())
def test_the_cutoff_is_the_period_before_today(days: int, today: dt.date) -> None:
    rule = retention.rule(
        retention.policy({"RETENTION_OLD_SESSIONS_DAYS": str(days)}), "old_sessions"
    )
    cutoff = rule.cutoff(today)
    assert cutoff <= today
    if cutoff != dt.date.min:
        assert (today - cutoff).days == days


# Survey comments -------------------------------------------------------------------------


@pytest.fixture
def survey_answers(project: Any) -> SurveyResponse:
    survey = PartnerSurvey.objects.create(
        project=project, opened_on=dt.date(2030, 1, 1), closed_on=dt.date(2031, 5, 1)
    )
    return SurveyResponse.objects.create(
        survey=survey,
        group="nhs",
        answers={"aim_held": 4, "went_well": "Dr Patel's clinics", "change": "More notice"},
    )


def test_survey_comments_go_after_the_period_and_scores_stay(survey_answers: Any) -> None:
    before_period = dt.date(2031, 5, 1) + dt.timedelta(days=730)
    assert _counts(apply_retention(today=before_period, dry_run=False))["survey_comments"] == 0
    assert SurveyResponse.objects.get().answers["went_well"] == "Dr Patel's clinics"

    outcomes = apply_retention(today=before_period + dt.timedelta(days=1), dry_run=False)
    assert _counts(outcomes)["survey_comments"] == 1
    assert SurveyResponse.objects.get().answers == {"aim_held": 4}
    # Done once: the next run finds nothing more to anonymise.
    assert _counts(apply_retention(today=TODAY, dry_run=False))["survey_comments"] == 0


def test_an_open_survey_keeps_its_comments(project: Any) -> None:
    survey = PartnerSurvey.objects.create(project=project, opened_on=dt.date(2020, 1, 1))
    SurveyResponse.objects.create(survey=survey, group="nhs", answers={"went_well": "All of it"})
    apply_retention(today=TODAY, dry_run=False)
    assert SurveyResponse.objects.get().answers == {"went_well": "All of it"}


# Leavers' declarations ----------------------------------------------------------------------


def _leave(user: Any, on: dt.date) -> None:
    Membership.records.filter(user=user).update(left_on=on)


def _declare(user: Any, text: str = "Shares in a pharmaceutical company") -> Declaration:
    return conflict_services.declaration_add(
        actor=user,
        category="financial",
        interest_type="shareholdings",
        description=text,
        valid_from=dt.date(2025, 1, 1),
        organisation_name="Example Pharma",
    )


def test_a_leavers_declarations_go_six_years_after_they_left(nhs_org: Any) -> None:
    person = factories.member("leaver@example.nhs.uk", nhs_org, "team_member")
    _declare(person)
    conflict_services.register_confirm(actor=person)
    _leave(person, dt.date(2026, 3, 31))
    period = retention.rule(retention.policy(), retention.LEAVER_DECLARATIONS).days

    kept_until = dt.date(2026, 3, 31) + dt.timedelta(days=period)
    assert _counts(apply_retention(today=kept_until, dry_run=False))["leaver_declarations"] == 0
    assert Declaration.objects.filter(user=person).exists()

    outcomes = apply_retention(today=kept_until + dt.timedelta(days=1), dry_run=False)
    # The declaration, the nil return made on joining and the confirmation.
    assert _counts(outcomes)["leaver_declarations"] == 3
    assert not Declaration.objects.filter(user=person).exists()
    assert not NilReturn.objects.filter(user=person).exists()
    assert not RegisterConfirmation.objects.filter(user=person).exists()


def test_someone_still_a_member_elsewhere_keeps_their_declarations(
    nhs_org: Any, other_org: Any
) -> None:
    person = factories.member("mover@example.nhs.uk", nhs_org, "team_member")
    factories.member("mover@example.nhs.uk", other_org, "team_member")
    _declare(person)
    Membership.records.filter(user=person, organisation=nhs_org).update(left_on=dt.date(2020, 1, 1))
    apply_retention(today=TODAY, dry_run=False)
    assert Declaration.objects.filter(user=person).exists()


def test_a_declaration_in_a_projects_conflict_record_stays(
    project: Any, nhs_org: Any, nhs_lead: Any
) -> None:
    person = factories.member("conflicted@example.nhs.uk", nhs_org, "team_member")
    referenced = _declare(person, "Advisory board fees")
    _declare(person, "Speaker fees")
    ConflictManagement.objects.create(
        project=project,
        person=person,
        declaration=referenced,
        declaration_text=referenced.description,
        decision="pid_approval",
        arrangement="steps_aside",
        reason="Paid adviser to the company",
        recorded_by=nhs_lead,
        recorded_by_label="Chair",
        recorded_as="Chair of the project team",
    )
    _leave(person, dt.date(2026, 1, 1))

    outcomes = apply_retention(today=TODAY, dry_run=False)
    outcome = next(o for o in outcomes if o.rule.key == retention.LEAVER_DECLARATIONS)
    assert outcome.kept == 1
    assert list(Declaration.objects.filter(user=person)) == [referenced]


# The smaller rules ------------------------------------------------------------------------


def test_unused_invitations_rejected_requests_notices_sessions_go(
    nhs_org: Any, nhs_lead: Any
) -> None:
    old = _at(TODAY - dt.timedelta(days=400))
    Invitation.objects.create(
        organisation=nhs_org,
        email="never@example.nhs.uk",
        role="member",
        token_hash="a" * 64,
        created_at=old,
        expires_at=old,
    )
    accepted = Invitation.objects.create(
        organisation=nhs_org,
        email="took@example.nhs.uk",
        role="member",
        token_hash="b" * 64,
        created_at=old,
        expires_at=old,
        accepted_at=old,
    )
    JoinRequest.objects.create(
        name="Old Trust",
        org_type="trust",
        is_legal_entity=True,
        requester_name="A Person",
        requester_email="a@example.nhs.uk",
        status="rejected",
        decided_at=old,
    )
    pending = JoinRequest.objects.create(
        name="New Trust",
        org_type="trust",
        is_legal_entity=True,
        requester_name="B Person",
        requester_email="b@example.nhs.uk",
        created_at=old,
    )
    digest = DigestSent.objects.create(
        user=nhs_lead, frequency="weekly", period_start=TODAY - dt.timedelta(days=400)
    )
    sent = QueuedNotice.objects.create(
        user=nhs_lead, kind="reminder", frequency="weekly", subject="Due", body="x", digest=digest
    )
    waiting = QueuedNotice.objects.create(
        user=nhs_lead, kind="reminder", frequency="weekly", subject="Due", body="y"
    )
    QueuedNotice.objects.filter(pk__in=[sent.pk, waiting.pk]).update(queued_at=old)
    UserSession.objects.create(
        user=nhs_lead, ip="192.0.2.1", session_key="k" * 32, user_agent="Firefox", last_seen_at=old
    )

    counts = _counts(apply_retention(today=TODAY, dry_run=False))

    assert counts["closed_invitations"] == 1
    assert list(Invitation.objects.all()) == [accepted]
    assert counts["rejected_join_requests"] == 1
    assert list(JoinRequest.objects.all()) == [pending]
    assert counts["sent_notices"] == 1
    # The waiting message still goes in the next digest; the digest's own row stays.
    assert list(QueuedNotice.objects.all()) == [waiting]
    assert DigestSent.objects.filter(pk=digest.pk).exists()
    assert counts["old_sessions"] >= 1
    assert not UserSession.objects.exists()


# Dry run, the record of a run, the legal record ---------------------------------------------


def test_a_dry_run_counts_and_changes_nothing(survey_answers: Any) -> None:
    events = AuditEvent.objects.count()
    outcomes = apply_retention(today=TODAY, dry_run=True)
    assert _counts(outcomes)["survey_comments"] == 1
    assert "went_well" in SurveyResponse.objects.get().answers
    assert not RetentionRun.objects.exists()
    assert AuditEvent.objects.count() == events


def test_a_real_run_is_recorded_and_audited_with_counts_only(survey_answers: Any) -> None:
    apply_retention(today=TODAY, dry_run=False)
    run = RetentionRun.objects.get()
    assert run.counts["survey_comments"] == 1
    event = AuditEvent.objects.filter(action="retention.applied").get()
    assert event.changes == {"survey_comments": [None, 1]}
    assert "Patel" not in str(event.changes)
    assert verify_chain().verified


LEGAL_APPS = ("audit", "signoff", "documents", "agreement", "transfers", "conflicts")


def _legal_counts() -> dict[str, int]:
    from django.apps import apps

    return {
        model._meta.label: model._default_manager.count()
        for label in LEGAL_APPS
        for model in apps.get_app_config(label).get_models()
        if model not in (Declaration, NilReturn, RegisterConfirmation)
    }


def test_the_legal_record_is_untouched_however_old(project: Any, survey_answers: Any) -> None:
    before = _legal_counts()
    apply_retention(today=dt.date(2999, 1, 1), dry_run=False)
    after = _legal_counts()
    # The run adds its own audit event and nothing else changes in the legal record.
    assert after.pop("audit.AuditEvent") == before.pop("audit.AuditEvent") + 1
    assert after == before
    assert verify_chain().verified


# The command ------------------------------------------------------------------------------


def test_the_command_reports_a_dry_run(survey_answers: Any) -> None:
    out = StringIO()
    call_command("apply_retention", "--dry-run", "--today", TODAY.isoformat(), stdout=out)
    text = out.getvalue()
    assert "dry run: nothing was changed" in text
    assert "would anonymise 1" in text
    assert "RETENTION_SURVEY_COMMENTS_DAYS" in text
    assert "the audit trail" in text
    assert "went_well" in SurveyResponse.objects.get().answers


def test_the_command_applies_the_policy(survey_answers: Any) -> None:
    out = StringIO()
    call_command("apply_retention", "--today", TODAY.isoformat(), stdout=out)
    assert "anonymised 1" in out.getvalue()
    assert "went_well" not in SurveyResponse.objects.get().answers


def test_the_command_refuses_a_bad_day_plainly() -> None:
    with pytest.raises(CommandError, match="not a date"):
        call_command("apply_retention", "--today", "31/12/2026")


def test_the_command_refuses_a_bad_period_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETENTION_SENT_NOTICES_DAYS", "soon")
    with pytest.raises(CommandError, match="RETENTION_SENT_NOTICES_DAYS"):
        call_command("apply_retention", "--dry-run")


def test_the_scheduler_queues_the_policy_daily() -> None:
    from triplewin.obligations.services import JOB_NAMES, RETENTION, scheduler_tick

    runs = scheduler_tick(today=TODAY)
    assert RETENTION in {run.job for run in runs}
    assert JOB_NAMES[RETENTION] == "the retention policy"
