"""Amendments: drafting, submission, sign-off by the PID's authorities, and applying them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests import factories
from triplewin.amendments import services
from triplewin.amendments.fields import amendable_fields
from triplewin.amendments.models import (
    Amendment,
    VariationAgreement,
)
from triplewin.amendments.presenters.variation import variation_rows
from triplewin.amendments.selectors import (
    is_stale,
    sign_off_state,
    variation_hash,
    variation_signatures,
)
from triplewin.amendments.tests.fixtures import DETAILS, NEW_EXIT, sign_off
from triplewin.audit.models import AuditEvent
from triplewin.partnerships import services as project_services
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.pid.models import Pid, PidVersion
from triplewin.pid.selectors import pid_status, version_state
from triplewin.signoff.models import SignOffAct
from triplewin.team.tests import builders as team_builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


class TestRaising:
    def test_numbers_run_per_project_and_are_audited(self, pid_in_delivery, nhs_lead):
        first = services.amendment_create(actor=nhs_lead, project=pid_in_delivery, fields=DETAILS)
        second = services.amendment_create(actor=nhs_lead, project=pid_in_delivery, fields=DETAILS)
        assert (first.number, second.number) == (1, 2)
        assert first.status == "draft"
        assert AuditEvent.objects.filter(action="amendment.raised").count() == 2

    @pytest.mark.parametrize("state", ["setup", "completed"])
    def test_only_between_pid_approval_and_the_end_of_delivery(self, project, nhs_lead, state):
        team_builders.advance(project, nhs_lead, state)
        with pytest.raises(ValidationError, match="once the PID is approved"):
            services.amendment_create(actor=nhs_lead, project=project, fields=DETAILS)
        assert not Amendment.objects.exists()

    def test_needs_a_signed_off_pid(self, in_delivery, nhs_lead):
        with pytest.raises(ValidationError, match="no approved PID version"):
            services.amendment_create(actor=nhs_lead, project=in_delivery, fields=DETAILS)

    def test_a_contract_change_must_say_what_changes(self, pid_in_delivery, nhs_lead):
        with pytest.raises(ValidationError) as raised:
            services.amendment_create(
                actor=nhs_lead,
                project=pid_in_delivery,
                fields={**DETAILS, "changes_contract": True},
            )
        assert "contract_changes" in raised.value.message_dict

    def test_no_variation_before_the_agreement_is_signed(self, approved, nhs_lead):
        with pytest.raises(ValidationError) as raised:
            services.amendment_create(
                actor=nhs_lead,
                project=approved,
                fields={**DETAILS, "changes_contract": True, "contract_changes": "Term +3m"},
            )
        assert "changes_contract" in raised.value.message_dict

    def test_edits_are_refused_on_a_stale_page(self, amendment, nhs_lead):
        services.amendment_update(
            actor=nhs_lead, amendment=amendment, fields={"title": "New"}, expected_version=None
        )
        with pytest.raises(StaleEdit):
            services.amendment_update(
                actor=nhs_lead,
                amendment=amendment,
                fields={"title": "Older"},
                expected_version=amendment.row_version,
            )
        amendment.refresh_from_db()
        assert amendment.title == "New"


class TestChanges:
    def test_fields_come_from_the_current_pid(self, pid_in_delivery, nhs_org):
        keys = {f.key for f in amendable_fields(pid_in_delivery)}
        assert {"exit_strategy", "objectives", f"termination-{nhs_org.pk}"} <= keys
        assert {"planned_start", "planned_end"} <= keys
        assert "methodology" not in keys  # a choice, changed through its notes
        assert not any(k.startswith("member-") for k in keys)  # the team changes elsewhere

    def test_change_records_before_and_after(self, amendment):
        change = amendment.changes.get()
        assert (
            change.before
            == "Reviews continue within usual care; the search tool stays with the trust."
        )
        assert change.after == NEW_EXIT
        assert change.section_title == "Exit strategy and responsibilities on termination"

    def test_a_second_change_to_one_field_replaces_the_first(self, amendment, nhs_lead):
        services.amendment_change_set(
            actor=nhs_lead, amendment=amendment, field_key="exit_strategy", after="Shorter"
        )
        assert amendment.changes.get().after == "Shorter"

    @pytest.mark.parametrize(
        ("key", "after", "message"),
        [
            ("members", "x", "Choose one of the parts"),
            ("exit_strategy", "  ", "should say"),
            (
                "objectives",
                "Offer a structured review to every flagged patient within the year.",
                "already says",
            ),
            ("planned_end", "not a date", "real date"),
        ],
    )
    def test_bad_changes_are_refused(self, amendment, nhs_lead, key, after, message):
        with pytest.raises(ValidationError, match=message):
            services.amendment_change_set(
                actor=nhs_lead, amendment=amendment, field_key=key, after=after
            )
        assert amendment.changes.count() == 1

    def test_planned_end_cannot_precede_the_start(self, amendment, nhs_lead, pid_in_delivery):
        project_services.project_update(
            actor=nhs_lead,
            project=pid_in_delivery,
            expected_version=None,
            planned_start=dt.date(2027, 1, 1),
        )
        with pytest.raises(ValidationError, match="on or after the start"):
            services.amendment_change_set(
                actor=nhs_lead, amendment=amendment, field_key="planned_end", after="2026-12-31"
            )

    def test_remove(self, amendment, nhs_lead):
        services.amendment_change_remove(
            actor=nhs_lead, amendment=amendment, change=amendment.changes.get()
        )
        assert not amendment.changes.exists()


class TestSubmission:
    def test_freezes_against_the_current_pid(self, submitted_amendment, pid_in_delivery):
        a = submitted_amendment
        assert a.status == "submitted"
        assert a.submitted_on == TODAY
        assert a.base_version.number == 1
        assert len(a.content_hash) == 64
        assert not is_stale(a)

    def test_needs_at_least_one_change(self, pid_in_delivery, nhs_lead):
        empty = services.amendment_create(actor=nhs_lead, project=pid_in_delivery, fields=DETAILS)
        with pytest.raises(ValidationError, match="Say what the amendment changes"):
            services.amendment_submit(actor=nhs_lead, amendment=empty)

    def test_submitted_content_cannot_change(self, submitted_amendment, nhs_lead):
        with pytest.raises(ValidationError, match="return it to draft"):
            services.amendment_change_set(
                actor=nhs_lead, amendment=submitted_amendment, field_key="objectives", after="x"
            )

    def test_reopening_voids_earlier_decisions(self, submitted_amendment, nhs_lead):
        services.amendment_decide(
            actor=nhs_lead,
            amendment=submitted_amendment,
            body="project_team",
            organisation=None,
            decision="approve",
        )
        services.amendment_reopen(actor=nhs_lead, amendment=submitted_amendment)
        services.amendment_change_set(
            actor=nhs_lead, amendment=submitted_amendment, field_key="objectives", after="Wider"
        )
        resubmitted = services.amendment_submit(actor=nhs_lead, amendment=submitted_amendment)
        assert not sign_off_state(resubmitted).decisions[0].approved
        assert (
            SignOffAct.objects.on("amendment").decisions().count() == 1
        )  # kept, but no longer counts


class TestSignOff:
    def test_approval_produces_a_signed_off_pid_version(
        self, submitted_amendment, signatory, nhs_lead, committees, pid_in_delivery
    ):
        a = sign_off(submitted_amendment, signatory=signatory, team=nhs_lead, committees=committees)
        assert a.status == "approved"
        version = a.produced_version
        assert version is not None
        assert version.number == 2
        assert Pid.objects.get(project=pid_in_delivery).exit_strategy == NEW_EXIT
        state = version_state(pid_in_delivery, version)
        assert state.signed_off
        assert {x.latest.reason for x in state.decisions if x.latest} == {f"Approved through {a}"}
        status = pid_status(pid_in_delivery)
        assert status.approved
        assert not status.changed_since_approval
        assert AuditEvent.objects.filter(action="amendment.applied").exists()
        assert Project.objects.get(pk=pid_in_delivery.pk).state == "in_delivery"

    def test_nothing_is_applied_until_the_last_sign_off(
        self, submitted_amendment, signatory, nhs_lead, pid_in_delivery
    ):
        services.amendment_certify(actor=signatory, amendment=submitted_amendment)
        services.amendment_decide(
            actor=nhs_lead,
            amendment=submitted_amendment,
            body="project_team",
            organisation=None,
            decision="approve",
        )
        submitted_amendment.refresh_from_db()
        assert submitted_amendment.status == "submitted"
        assert PidVersion.objects.filter(project=pid_in_delivery).count() == 1
        assert Pid.objects.get(project=pid_in_delivery).exit_strategy != NEW_EXIT

    def test_planned_dates_change_through_the_project(
        self, amendment, signatory, nhs_lead, committees, pid_in_delivery
    ):
        services.amendment_change_set(
            actor=nhs_lead, amendment=amendment, field_key="planned_end", after="2028-06-30"
        )
        services.amendment_submit(actor=nhs_lead, amendment=amendment)
        a = sign_off(amendment, signatory=signatory, team=nhs_lead, committees=committees)
        assert Project.objects.get(pk=pid_in_delivery.pk).planned_end == dt.date(2028, 6, 30)
        assert a.produced_version is not None
        timing = next(s for s in a.produced_version.snapshot["sections"] if s["key"] == "timing")
        assert {"key": "planned_end", "label": "Planned end date", "value": "2028-06-30"} in timing[
            "fields"
        ]

    def test_a_contract_change_opens_a_variation_for_the_parties(
        self, pid_in_delivery, signatory, nhs_lead, committees, nhs_org, pharma_org
    ):
        a = services.amendment_create(
            actor=nhs_lead,
            project=pid_in_delivery,
            fields={
                **DETAILS,
                "changes_contract": True,
                "contract_changes": "Term 18 to 21 months",
            },
        )
        services.amendment_change_set(
            actor=nhs_lead, amendment=a, field_key="exit_strategy", after=NEW_EXIT
        )
        services.amendment_submit(actor=nhs_lead, amendment=a)
        sign_off(a, signatory=signatory, team=nhs_lead, committees=committees)
        variation = VariationAgreement.objects.get(amendment=a)
        assert variation.changes == "Term 18 to 21 months"
        assert {p.organisation for p in variation.parties.all()} == {nhs_org, pharma_org}
        services.variation_signatures_save(
            actor=nhs_lead,
            variation=variation,
            signatures={nhs_org.pk: services.PartySignature("Pat Lead, Director", TODAY)},
            expected_version=1,
        )
        rows = {r.organisation: r for r in variation_rows(variation)}
        assert (rows[nhs_org].signed_on, rows[nhs_org].signatory) == (TODAY, "Pat Lead, Director")
        assert rows[pharma_org].signed_on is None
        with pytest.raises(ValidationError, match="future"):
            services.variation_signatures_save(
                actor=nhs_lead,
                variation=variation,
                signatures={
                    pharma_org.pk: services.PartySignature("Sam", TODAY + dt.timedelta(days=1))
                },
                expected_version=None,
            )
        with pytest.raises(StaleEdit):
            services.variation_signatures_save(
                actor=nhs_lead, variation=variation, signatures={}, expected_version=1
            )

    def test_only_a_signatory_certifies(self, submitted_amendment, nhs_lead):
        with pytest.raises(ValidationError, match="certification signatory"):
            services.amendment_certify(actor=nhs_lead, amendment=submitted_amendment)
        assert not SignOffAct.objects.on("amendment").certifications().exists()

    @pytest.mark.parametrize(
        ("who", "body", "message"),
        [
            ("oversight", "project_team", "chair or the project manager"),
            ("governance_member", "nhs", "do not sit on the governance committee"),
            ("nhs_lead", "nowhere", "Choose whose decision"),
        ],
    )
    def test_decisions_follow_the_pid_authority_rules(
        self, submitted_amendment, request, nhs_org, who, body, message
    ):
        user = request.getfixturevalue(who)
        organisation = nhs_org if body == "nhs" else None
        with pytest.raises(ValidationError, match=message):
            services.amendment_decide(
                actor=user,
                amendment=submitted_amendment,
                body="governance_committee" if body == "nhs" else body,
                organisation=organisation,
                decision="approve",
            )
        assert not SignOffAct.objects.on("amendment").decisions().exists()

    def test_rejection_needs_a_reason(self, submitted_amendment, nhs_lead):
        with pytest.raises(ValidationError) as raised:
            services.amendment_decide(
                actor=nhs_lead,
                amendment=submitted_amendment,
                body="project_team",
                organisation=None,
                decision="reject",
            )
        assert "reason" in raised.value.message_dict
        services.amendment_decide(
            actor=nhs_lead,
            amendment=submitted_amendment,
            body="project_team",
            organisation=None,
            decision="reject",
            reason="The new milestone dates are not realistic.",
        )
        assert AuditEvent.objects.filter(action="amendment.rejected").count() == 1

    def test_a_stale_amendment_cannot_be_signed(
        self, submitted_amendment, nhs_lead, pid_in_delivery, nhs_org
    ):
        # The team changes during delivery, so the PID it was written against has moved on.
        clinician = factories.member("clinician@example.test", nhs_org, "partnership_lead")
        team_builders.add_member(pid_in_delivery, nhs_lead, clinician, nhs_org, "clinical_lead")
        assert is_stale(submitted_amendment)
        with pytest.raises(ValidationError, match="PID has changed since"):
            services.amendment_decide(
                actor=nhs_lead,
                amendment=submitted_amendment,
                body="project_team",
                organisation=None,
                decision="approve",
            )

    def test_deciding_on_content_not_seen_is_refused(self, submitted_amendment, nhs_lead):
        with pytest.raises(ValidationError, match="after you opened it"):
            services.amendment_decide(
                actor=nhs_lead,
                amendment=submitted_amendment,
                body="project_team",
                organisation=None,
                decision="approve",
                seen_hash="0" * 64,
            )

    def test_approved_amendment_cannot_change_again(
        self, submitted_amendment, signatory, nhs_lead, committees
    ):
        a = sign_off(submitted_amendment, signatory=signatory, team=nhs_lead, committees=committees)
        with pytest.raises(ValidationError, match="approved and can no longer change"):
            services.amendment_reopen(actor=nhs_lead, amendment=a)
        assert a.produced_version is not None
        assert (
            SignOffAct.objects.on("pid")
            .certifications()
            .filter(version=a.produced_version.number)
            .count()
            == 1
        )
        assert (
            SignOffAct.objects.on("pid")
            .decisions()
            .filter(version=a.produced_version.number)
            .count()
            == 3
        )


class TestVariationSignatures:
    """Signatures on a variation are sign-off acts: bound to its text, never silently removed."""

    @pytest.fixture
    def variation(self, pid_in_delivery, signatory, nhs_lead, committees):
        a = services.amendment_create(
            actor=nhs_lead,
            project=pid_in_delivery,
            fields={**DETAILS, "changes_contract": True, "contract_changes": "Term 18 to 21"},
        )
        services.amendment_change_set(
            actor=nhs_lead, amendment=a, field_key="exit_strategy", after=NEW_EXIT
        )
        services.amendment_submit(actor=nhs_lead, amendment=a)
        sign_off(a, signatory=signatory, team=nhs_lead, committees=committees)
        return VariationAgreement.objects.get(amendment=a)

    def test_each_signature_is_an_act_on_the_variation_text(
        self, variation, nhs_lead, nhs_org, pharma_org
    ):
        services.variation_signatures_save(
            actor=nhs_lead,
            variation=variation,
            signatures={
                nhs_org.pk: services.PartySignature("Pat Lead, Director", TODAY),
                pharma_org.pk: services.PartySignature("Sam Chief", TODAY),
            },
            expected_version=None,
        )
        acts = SignOffAct.objects.filter(document="variation-signature").order_by("id")
        assert [a.organisation for a in acts] == [nhs_org, pharma_org]
        assert {a.content_hash for a in acts} == {variation_hash(variation)}
        assert acts[0].statement.startswith("Pat Lead, Director signed the Variation Agreement")
        assert acts[0].actor == nhs_lead
        event = (
            AuditEvent.objects.filter(action="variation.party_signed").order_by("sequence").first()
        )
        assert event is not None
        assert event.changes["signatory"] == [None, "Pat Lead, Director"]
        record = variation_signatures(variation)
        assert record is not None
        assert record.unsigned == ()

    def test_a_recorded_signature_cannot_be_cleared_only_corrected(
        self, variation, nhs_lead, nhs_org
    ):
        earlier = TODAY - dt.timedelta(days=1)
        services.variation_signatures_save(
            actor=nhs_lead,
            variation=variation,
            signatures={nhs_org.pk: services.PartySignature("Pat Lead", TODAY)},
            expected_version=None,
        )
        with pytest.raises(ValidationError) as refused:
            services.variation_signatures_save(
                actor=nhs_lead,
                variation=variation,
                signatures={nhs_org.pk: services.PartySignature("Pat Lead", None)},
                expected_version=None,
            )
        assert "stays there" in str(refused.value.message_dict[f"signed_{nhs_org.pk}"])
        # A correction is a new act; the latest stands and the first stays on the record.
        variation.amendment.approved_at = timezone.now() - dt.timedelta(days=3)
        variation.amendment.save(update_fields=["approved_at"])
        services.variation_signatures_save(
            actor=nhs_lead,
            variation=variation,
            signatures={nhs_org.pk: services.PartySignature("Pat Lead", earlier)},
            expected_version=None,
        )
        rows = {r.organisation: r for r in variation_rows(variation)}
        assert rows[nhs_org].signed_on == earlier
        assert SignOffAct.objects.filter(document="variation-signature").count() == 2
        # The same again records nothing.
        services.variation_signatures_save(
            actor=nhs_lead,
            variation=variation,
            signatures={nhs_org.pk: services.PartySignature("Pat Lead", earlier)},
            expected_version=None,
        )
        assert SignOffAct.objects.filter(document="variation-signature").count() == 2

    def test_a_date_needs_a_signatory_and_nothing_is_written_on_refusal(
        self, variation, nhs_lead, nhs_org, pharma_org
    ):
        with pytest.raises(ValidationError) as refused:
            services.variation_signatures_save(
                actor=nhs_lead,
                variation=variation,
                signatures={
                    nhs_org.pk: services.PartySignature("Pat Lead", TODAY),
                    pharma_org.pk: services.PartySignature(" ", TODAY),
                },
                expected_version=None,
            )
        assert f"signatory_{pharma_org.pk}" in refused.value.message_dict
        assert not SignOffAct.objects.filter(document="variation-signature").exists()

    def test_the_overrun_rule_reads_the_engine(self, variation, nhs_lead, nhs_org, pharma_org):
        from triplewin.delivery.overruns import overrun_facts_for

        project = Project.objects.get(pk=variation.amendment.project_id)
        assert not overrun_facts_for([project])[project.pk].term_varied
        services.variation_signatures_save(
            actor=nhs_lead,
            variation=variation,
            signatures={nhs_org.pk: services.PartySignature("Pat Lead", TODAY)},
            expected_version=None,
        )
        assert not overrun_facts_for([project])[project.pk].term_varied
        services.variation_signatures_save(
            actor=nhs_lead,
            variation=variation,
            signatures={pharma_org.pk: services.PartySignature("Sam Chief", TODAY)},
            expected_version=None,
        )
        assert overrun_facts_for([project])[project.pk].term_varied
        # A change to what the variation says unbinds the signatures.
        VariationAgreement.objects.filter(pk=variation.pk).update(changes="Term 18 to 24")
        assert not overrun_facts_for([project])[project.pk].term_varied
