from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from triplewin.audit.models import AuditEvent
from triplewin.concept.selectors import approval_state
from triplewin.core import checklist
from triplewin.core.lifecycle import PUBLIC_STATES, State
from triplewin.demo import data
from triplewin.demo.data import people
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.organisations.models import Membership, Organisation
from triplewin.partnerships.models import Project

pytestmark = pytest.mark.django_db

SIGN_INS = (
    people.NHS_LEAD,
    people.INDUSTRY_LEAD,
    people.GOVERNANCE,
    people.OVERSIGHT,
    people.OUTSIDER,
    people.ADMIN,
)


def _load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "organisations": Organisation.objects.count(),
        "memberships": Membership.objects.count(),
        "projects": Project.objects.count(),
        "summaries": ExecutiveSummary.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


@pytest.fixture
def loaded() -> str:
    return _load()


def test_second_run_says_so_and_creates_nothing(loaded: str) -> None:
    assert "Loaded" in loaded
    before = _counts()
    assert _load().strip() == "Demo data already loaded."
    assert _counts() == before


def test_sign_ins_exist_with_the_demo_password(loaded: str) -> None:
    for email in SIGN_INS:
        user = User.objects.get(username=email)
        assert user.email == email
        assert user.check_password(data.DEMO_PASSWORD)
        assert user.first_name
        assert user.last_name
    admin = User.objects.get(username=people.ADMIN)
    assert admin.is_staff
    assert admin.is_superuser
    assert Membership.objects.filter(user=admin, role="administrator").exists()


def test_sign_ins_have_the_documented_roles(loaded: str) -> None:
    def has(email: str, org: str, role: str, function: str = "") -> bool:
        found = Membership.objects.filter(user__username=email, organisation__name=org, role=role)
        return found.filter(function=function).exists() if function else found.exists()

    assert has(people.NHS_LEAD, "United Lincolnshire Hospitals NHS Trust", "partnership_lead")
    assert has(
        people.INDUSTRY_LEAD, "Boehringer Ingelheim Limited", "partnership_lead", "partnership"
    )
    assert has(
        people.GOVERNANCE,
        "Boehringer Ingelheim Limited",
        "governance_member",
        "legal_compliance",
    )
    assert has(people.OVERSIGHT, "NHS Lincolnshire Integrated Care Board", "system_oversight")


def test_projects_span_at_least_six_states(loaded: str) -> None:
    states = set(Project.objects.values_list("state", flat=True))
    assert len(states) >= 6
    assert Project.objects.count() == len(data.PROJECTS)


def test_published_summary_exactly_when_the_state_says_it_is_public(loaded: str) -> None:
    published = set(ExecutiveSummary.objects.published().values_list("project_id", flat=True))
    for project in Project.objects.all():
        if project.state_enum in PUBLIC_STATES:
            assert project.pk in published, project.title
        else:
            assert not ExecutiveSummary.objects.filter(project=project).exists(), project.title


def test_historical_projects_carry_their_real_dates_and_import_reason(loaded: str) -> None:
    project = Project.objects.get(title__startswith="Cardio-diabetes care after")
    assert project.state == State.OUTCOMES_PUBLISHED
    assert project.actual_start == dt.date(2020, 11, 1)
    assert project.actual_end == dt.date(2023, 9, 30)
    reasons = set(project.transitions.values_list("reason", flat=True))
    assert reasons == {"Imported from the partners' public records."}


def test_audit_events_were_recorded(loaded: str) -> None:
    assert AuditEvent.objects.filter(action="project.created").count() == Project.objects.count()
    assert AuditEvent.objects.filter(action="organisation.created").exists()
    assert AuditEvent.objects.filter(action="concept.approved").exists()
    assert AuditEvent.objects.filter(action="summary.published").exists()


def test_visibility_of_live_work(loaded: str) -> None:
    live = Project.objects.filter(state__in=[State.IDEA, State.SCOPING])
    assert live.exists()
    for email in (people.NHS_LEAD, people.INDUSTRY_LEAD, people.OVERSIGHT):
        user = User.objects.get(username=email)
        assert set(live) <= set(Project.objects.visible_to(user)), email
    outsider = User.objects.get(username=people.OUTSIDER)
    assert not Project.objects.visible_to(outsider).exists()


def test_concept_waits_for_the_industry_lead(loaded: str) -> None:
    project = Project.objects.get(title__startswith="Cardio-diabetes follow-up")
    assert project.state == State.SCOPING
    state = approval_state(project, project.concept)
    assert state.pending == ("Boehringer Ingelheim Limited",)
    assert not state.rejected_by


def test_red_no_gives_a_neither_verdict(loaded: str) -> None:
    project = Project.objects.get(title__startswith="Funding the Boston")
    verdict = checklist.classify(project.checklist.answers, has_nhs_party=True)
    assert verdict.classification is checklist.Classification.NEITHER
