"""Completion records the actual end date; termination works through the exit plan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from triplewin.audit.models import AuditEvent
from triplewin.delivery import services
from triplewin.delivery.exit_plan import NOTHING_WRITTEN, exit_plan
from triplewin.delivery.models import StepKind, Termination, TerminationStep
from triplewin.partnerships import services as project_services
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.partnerships.models import Project
from triplewin.pid.tests.builders import PID_TEXT
from triplewin.team.tests import builders as team_builders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


class TestCompletion:
    def test_records_the_end_date_and_completes(self, in_delivery, nhs_lead):
        end = TODAY - dt.timedelta(days=2)
        services.project_complete(actor=nhs_lead, project=in_delivery, actual_end=end)
        project = Project.objects.get(pk=in_delivery.pk)
        assert (project.state, project.actual_end) == ("completed", end)
        assert [t.name for t in project.transitions.all()][-1] == "complete"
        update = AuditEvent.objects.filter(action="project.updated").get()
        assert update.changes["actual_end"] == [None, end.isoformat()]

    def test_records_a_missing_start_date_too(self, in_delivery, nhs_lead):
        # The summary was published today (the imported step), so delivery started today.
        services.project_complete(
            actor=nhs_lead, project=in_delivery, actual_end=TODAY, actual_start=TODAY
        )
        assert Project.objects.get(pk=in_delivery.pk).actual_start == TODAY

    def test_a_start_before_the_summary_was_published_is_refused(self, in_delivery, nhs_lead):
        # ABPI Code 2024 clause 20: the executive summary is public before the work starts.
        with pytest.raises(ValidationError) as raised:
            services.project_complete(
                actor=nhs_lead,
                project=in_delivery,
                actual_end=TODAY,
                actual_start=TODAY - dt.timedelta(days=1),
            )
        assert "before the executive summary was published" in str(
            raised.value.message_dict["actual_start"]
        )
        project = Project.objects.get(pk=in_delivery.pk)
        assert (project.state, project.actual_start, project.actual_end) == (
            "in_delivery",
            None,
            None,
        )

    def test_end_in_the_future_is_refused(self, in_delivery, nhs_lead):
        with pytest.raises(ValidationError) as raised:
            services.project_complete(
                actor=nhs_lead, project=in_delivery, actual_end=TODAY + dt.timedelta(days=1)
            )
        assert "actual_end" in raised.value.message_dict
        project = Project.objects.get(pk=in_delivery.pk)
        assert (project.state, project.actual_end) == ("in_delivery", None)

    def test_end_before_start_is_refused(self, in_delivery, nhs_lead):
        project_services.project_update(
            actor=nhs_lead, project=in_delivery, expected_version=None, actual_start=TODAY
        )
        with pytest.raises(ValidationError, match="before delivery started"):
            services.project_complete(
                actor=nhs_lead, project=in_delivery, actual_end=TODAY - dt.timedelta(days=1)
            )

    def test_only_a_project_in_delivery_completes(self, project, nhs_lead):
        team_builders.advance(project, nhs_lead, "summary_published")
        with pytest.raises(ValidationError, match="Only a project in delivery"):
            services.project_complete(actor=nhs_lead, project=project, actual_end=TODAY)
        assert Project.objects.get(pk=project.pk).actual_end is None

    def test_a_stale_page_is_refused(self, in_delivery, nhs_lead):
        with pytest.raises(StaleEdit):
            services.project_complete(
                actor=nhs_lead,
                project=in_delivery,
                actual_end=TODAY,
                expected_state="summary_published",
            )

    def test_a_blocked_gate_keeps_nothing(self, in_delivery, nhs_lead, monkeypatch):
        """If the completion gate refuses, the end date is rolled back with it."""
        real = project_services.gate_report

        def no_end_date(project, gate, today=None):
            project.actual_end = None
            return real(project, gate, today)

        monkeypatch.setattr(project_services, "gate_report", no_end_date)
        with pytest.raises(GateBlocked):
            services.project_complete(actor=nhs_lead, project=in_delivery, actual_end=TODAY)
        project = Project.objects.get(pk=in_delivery.pk)
        assert (project.state, project.actual_end) == ("in_delivery", None)


class TestTermination:
    def test_exit_plan_lists_strategy_duties_and_funded_posts(self, terminable, nhs_org):
        plan = exit_plan(terminable)
        assert [s.kind for s in plan] == [
            StepKind.EXIT_STRATEGY,
            StepKind.PARTY,
            StepKind.PARTY,
            StepKind.FUNDED_POST,
        ]
        assert plan[0].planned == PID_TEXT["exit_strategy"]
        assert plan[1].subject == "Test Hospitals NHS Trust"
        assert plan[1].planned == "Tell patients under review and return to usual care."
        assert plan[3].subject == f"{nhs_org.name}: Heart failure nurse"
        assert "cardiology establishment" in plan[3].planned

    def test_exit_plan_of_a_project_without_a_pid_says_so(self, in_delivery):
        plan = exit_plan(in_delivery)
        assert len(plan) == 3
        assert {s.planned for s in plan} == {NOTHING_WRITTEN}

    def test_records_each_step_and_terminates(self, terminable, nhs_lead):
        plan = exit_plan(terminable)
        done = {s.key: f"Done for {s.subject}" for s in plan}
        ended = TODAY - dt.timedelta(days=1)
        termination = services.project_terminate(
            actor=nhs_lead,
            project=terminable,
            reason="The company withdrew its funding after a merger.",
            ended_on=ended,
            done=done,
        )
        project = Project.objects.get(pk=terminable.pk)
        assert project.state == "terminated"
        last = list(project.transitions.all())[-1]
        assert (last.name, last.reason) == (
            "terminate",
            "The company withdrew its funding after a merger.",
        )
        assert project.actual_end is None  # no outcomes deadline runs from a termination
        assert termination.ended_on == ended
        steps = list(termination.steps.all())
        assert [s.done for s in steps] == [done[s.key] for s in plan]
        assert steps[3].planned == plan[3].planned
        assert AuditEvent.objects.filter(action="termination.recorded").exists()

    def test_every_step_needs_an_answer(self, terminable, nhs_lead):
        plan = exit_plan(terminable)
        done = {s.key: "Done" for s in plan[:-1]}
        with pytest.raises(ValidationError) as raised:
            services.project_terminate(
                actor=nhs_lead, project=terminable, reason="Stopped", ended_on=TODAY, done=done
            )
        assert list(raised.value.message_dict) == [f"done_{plan[-1].key}"]
        assert Project.objects.get(pk=terminable.pk).state == "in_delivery"
        assert not Termination.objects.exists()

    def test_reason_is_required(self, in_delivery, nhs_lead):
        done = {s.key: "Nothing needed" for s in exit_plan(in_delivery)}
        with pytest.raises(ValidationError) as raised:
            services.project_terminate(
                actor=nhs_lead, project=in_delivery, reason="  ", ended_on=TODAY, done=done
            )
        assert "reason" in raised.value.message_dict
        assert not Termination.objects.exists()
        assert not TerminationStep.objects.exists()

    def test_unknown_steps_are_refused(self, in_delivery, nhs_lead):
        done = {s.key: "x" for s in exit_plan(in_delivery)} | {"post-999": "x"}
        with pytest.raises(ValidationError, match="not part of this project's exit plan"):
            services.project_terminate(
                actor=nhs_lead, project=in_delivery, reason="Stop", ended_on=TODAY, done=done
            )

    def test_only_a_project_in_delivery_is_terminated(self, project, nhs_lead):
        team_builders.advance(project, nhs_lead, "completed")
        with pytest.raises(ValidationError, match="Only a project in delivery"):
            services.project_terminate(
                actor=nhs_lead, project=project, reason="Stop", ended_on=TODAY, done={}
            )
