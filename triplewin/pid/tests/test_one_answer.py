"""The PID page, the PID rules and the PID document read one sign-off answer (ADR 0024).

Before the engine, a project page's PID-CERTIFIED rule passed on the latest version's
certification while the PID page showed that certification as out of date.
"""

from __future__ import annotations

import pytest

from triplewin.core.rules import RULES_BY_ID, Outcome
from triplewin.documents.kinds.pid import PidKind
from triplewin.partnerships.facts import build_facts
from triplewin.pid import services
from triplewin.pid.presenters.overview import PidPresenter
from triplewin.pid.tests.builders import sign_off

pytestmark = pytest.mark.django_db


def _edit(project, nhs_lead):
    services.pid_save(
        actor=nhs_lead,
        project=project,
        fields={"patient_confidentiality": "Counts only, never names."},
        expected_version=None,
    )


def _certification(project) -> str:
    row = PidPresenter(project).certification()
    assert row is not None
    return row.status


def test_a_certification_the_pid_has_moved_away_from_fails_the_rule_and_shows_out_of_date(
    submitted, signatory, nhs_lead
):
    project = submitted.project
    services.pid_certify(actor=signatory, project=project, version_number=1)
    rule = RULES_BY_ID["PID-CERTIFIED"]
    assert rule.check(build_facts(project)).outcome is Outcome.PASS
    assert _certification(project) == "Certified"

    _edit(project, nhs_lead)
    check = rule.check(build_facts(project))
    assert check.outcome is Outcome.FAIL
    assert _certification(project) == "Out of date"
    # The frozen version itself stays certified in the document that shows it.
    decided = PidKind().status_of(project, "pid", submitted.content_hash, "")
    assert decided is not None
    assert decided.status.value == "certified"


def test_an_edit_after_sign_off_shows_changed_since_on_the_page_and_in_the_rules(
    submitted, signatory, nhs_lead, committees
):
    project = submitted.project
    sign_off(project, signatory=signatory, team=nhs_lead, committees=committees)
    assert PidPresenter(project).status.text == "Approved"
    assert RULES_BY_ID["PID-APPROVED"].check(build_facts(project)).outcome is Outcome.PASS

    _edit(project, nhs_lead)
    facts = build_facts(project)
    assert PidPresenter(project).status.text == "Changed since approval"
    assert RULES_BY_ID["PID-APPROVED"].check(facts).outcome is Outcome.FAIL
    before_agreement = RULES_BY_ID["PID-BEFORE-AGREEMENT"].check(facts)
    assert before_agreement.outcome is Outcome.FAIL
    assert before_agreement.detail == "The PID changed after approval."
