from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from triplewin.agreement.selectors import agreement_missing_clauses, agreement_unsigned_parties
from triplewin.audit.models import AuditEvent
from triplewin.concept.selectors import approval_state
from triplewin.conflicts.models import Declaration, NilReturn
from triplewin.conflicts.selectors import without_current_declaration
from triplewin.contributions import selectors as contributions
from triplewin.contributions.models import Contribution
from triplewin.core import checklist
from triplewin.core.lifecycle import PUBLIC_STATES, State
from triplewin.demo import data
from triplewin.demo.data import people, people_setup
from triplewin.demo.data.lincolnshire_injectables import COMMUNITY_INJECTABLES
from triplewin.demo.data.types import IMPORT_REASON, IMPORT_REASON_FICTIONAL
from triplewin.executive_summary.models import ExecutiveSummary, Status
from triplewin.meetings.models import Action, Meeting, MeetingStatus, Outcome
from triplewin.organisations.models import Membership, Organisation
from triplewin.partnerships.facts import parties
from triplewin.partnerships.models import Project
from triplewin.pid import services as pid_services
from triplewin.pid.selectors import latest_version, version_state
from triplewin.plans.selectors import plans_missing
from triplewin.signoff.models import SignOffAct
from triplewin.team import selectors as team
from triplewin.team import services as team_services
from triplewin.team.models import Objection, ObjectionOutcome, TeamMember

pytestmark = pytest.mark.django_db

SIGN_INS = (
    people.NHS_LEAD,
    people.INDUSTRY_LEAD,
    people.GOVERNANCE,
    people.OVERSIGHT,
    people.OUTSIDER,
    people.ADMIN,
    people.PEOPLE_ADMIN,
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
        "declarations": Declaration.objects.count(),
        "nil_returns": NilReturn.objects.count(),
        "team": TeamMember.objects.count(),
        "meetings": Meeting.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


@pytest.fixture
def loaded(demo_output: str) -> str:
    """The demo, loaded once for this module (conftest.py)."""
    return demo_output


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
    assert has(
        people.PEOPLE_ADMIN, "United Lincolnshire Hospitals NHS Trust", "organisation_administrator"
    )


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
    verdict = checklist.classify(project.checklist.answers, parties=parties(project))
    assert verdict.classification is checklist.Classification.NEITHER


# Stage 2: set-up and governance.

ASTHMA = "Asthma reviews for children"
MAIN_PATH_TO_REGISTER = [
    "start_scoping",
    "approve_concept",
    "start_setup",
    "approve_pid",
    "sign_agreement",
    "publish_summary",
]


def _user(email: str) -> User:
    return User.objects.get(username=email)


def test_everyone_on_a_team_has_a_current_register(loaded: str) -> None:
    members = TeamMember.objects.active()
    assert members.count() >= 20
    assert not without_current_declaration({m.user_id for m in members}, timezone.localdate())
    advice = Declaration.objects.get(user=_user(people_setup.email("helena.vickery")))
    assert advice.organisation is not None
    assert advice.organisation.name == "AstraZeneca UK Limited"
    assert (advice.category, advice.interest_type) == ("financial", "outside_employment")
    assert Declaration.objects.filter(organisation__isnull=True).exclude(organisation_name="")
    assert NilReturn.objects.filter(user=_user(people.NHS_LEAD)).exists()


def test_setup_project_has_its_team_committees_contributions_and_plans(loaded: str) -> None:
    project = Project.objects.get(title__startswith=ASTHMA)
    assert project.state == State.SETUP
    partners = {p.organisation_id for p in project.partners.all()}
    assert {m.organisation_id for m in TeamMember.objects.active().filter(project=project)} == (
        partners
    )
    assert team.team_size(project) == 10
    assert team.sales_members(project) == ()
    assert team.open_objections(project) == ()
    assert Objection.objects.get(project=project).outcome == ObjectionOutcome.DISMISSED
    assert team.parties_without_governance_committee(project) == ()
    assert contributions.parties_without_significant_contribution(project) == ()
    assert contributions.funded_posts_without_exit(project) == ()
    post = Contribution.objects.get(project=project, is_funded_post=True)
    assert post.organisation.name == "AstraZeneca UK Limited"
    assert post.under_nhs_control
    assert post.exit_strategy
    assert plans_missing(project) == ()


def test_setup_meeting_kept_the_conflicted_member_out_of_the_vote(loaded: str) -> None:
    project = Project.objects.get(title__startswith=ASTHMA)
    meeting = Meeting.objects.get(project=project, status=MeetingStatus.HELD)
    paediatrician = TeamMember.objects.get(
        project=project, user__username=people_setup.email("helena.vickery")
    )
    assert meeting.agenda_items.filter(relates_to_organisation__name="AstraZeneca UK Limited")
    assert meeting.attendance.get(member=paediatrician).status == "present"
    assert meeting.declarations.get().member == paediatrician
    vote = meeting.decisions.get(is_vote=True)
    assert vote.outcome == Outcome.CARRIED
    exclusion = vote.exclusions.get()
    assert exclusion.member == paediatrician
    assert exclusion.declaration is not None
    assert not vote.votes.filter(member=paediatrician).exists()
    assert vote.votes.count() == 8
    assert Action.objects.filter(meeting=meeting).count() == 5
    assert Meeting.objects.filter(project=project, status=MeetingStatus.PLANNED).exists()


def test_setup_pid_waits_only_for_the_trust_whose_member_can_approve_it(loaded: str) -> None:
    project = Project.objects.get(title__startswith=ASTHMA)
    version = latest_version(project)
    assert version is not None
    state = version_state(project, version)
    assert state.certified
    assert [d.body.label for d in state.decisions if not d.approved] == [
        "Governance committee of United Lincolnshire Hospitals NHS Trust"
    ]
    pid_services.pid_decide(
        actor=_user(people.NHS_LEAD),
        project=project,
        version_number=version.number,
        body="governance_committee",
        organisation=Organisation.objects.get(name="United Lincolnshire Hospitals NHS Trust"),
        decision="approve",
    )
    project.refresh_from_db()
    assert project.state == State.PID_APPROVED


def test_sales_staff_cannot_join_a_team(loaded: str) -> None:
    project = Project.objects.get(title__startswith=ASTHMA)
    with pytest.raises(ValidationError, match="sales function"):
        team_services.team_member_add(
            actor=_user(people.ADMIN),
            project=project,
            user=_user(people_setup.AZ_SALES),
            organisation=Organisation.objects.get(name="AstraZeneca UK Limited"),
            project_role="other",
        )


def test_walked_project_went_through_every_gate_live(loaded: str) -> None:
    project = Project.objects.get(title=COMMUNITY_INJECTABLES.title)
    assert project.state == State.SUMMARY_PUBLISHED
    steps = list(project.transitions.order_by("at", "pk"))
    assert [t.name for t in steps] == MAIN_PATH_TO_REGISTER
    for step in steps:
        assert step.reason not in (IMPORT_REASON, IMPORT_REASON_FICTIONAL), step.name
        assert "Imported" not in step.reason, step.name
        assert step.actor is not None, step.name
    version = latest_version(project)
    assert version is not None
    assert version_state(project, version).signed_off
    assert agreement_unsigned_parties(project) == ()
    assert agreement_missing_clauses(project) == ()
    summary = project.executive_summary
    assert summary.status == Status.PUBLISHED
    # Stage 3 then approved an amendment, which produced version 2 from the one summarised.
    assert summary.generated_from is not None
    assert summary.generated_from.number == 1
    assert version.number == 2
    assert version_state(project, summary.generated_from).signed_off
    # Certified and published through the sign-off engine, on the summary's text.
    acts = SignOffAct.objects.on("summary", "summary").filter(project=project)
    assert acts.get(act="certify").actor == _user(people_setup.SANOFI_SIGNATORY)
    assert acts.get(act="publish").content_hash == acts.get(act="certify").content_hash
    assert summary.published_on == timezone.localdate()
    assert AuditEvent.objects.filter(project_id=project.pk, action="pid.certified").exists()
    # Loaded through the sign-off engine: the certification says who, in which role, and what.
    certified = SignOffAct.objects.on("pid").certifications().get(project=project, version=1)
    assert certified.role == "certification_signatory"
    assert "version 1 of the Project Initiation Document" in certified.statement
    assert AuditEvent.objects.filter(project_id=project.pk, action="agreement.party_signed")


def test_walked_project_is_on_the_public_register(loaded: str) -> None:
    response = Client().get("/")
    assert response.status_code == 200
    assert COMMUNITY_INJECTABLES.title in response.content.decode()


def test_imported_projects_keep_their_history_and_gain_what_their_state_allows(
    loaded: str,
) -> None:
    cholesterol = Project.objects.get(title__startswith="Cholesterol management")
    assert cholesterol.state == State.SUMMARY_PUBLISHED
    assert set(cholesterol.transitions.values_list("reason", flat=True)) == {
        IMPORT_REASON_FICTIONAL
    }
    assert team.team_size(cholesterol) == 3
    assert contributions.funded_posts_without_exit(cholesterol) == ()
    atrial = Project.objects.get(title__startswith="Finding and treating atrial")
    assert team.team_size(atrial) == 4
    assert not Contribution.objects.filter(project=atrial).exists()
    assert Meeting.objects.get(project=atrial).status == MeetingStatus.MINUTES_APPROVED
    care_homes = Project.objects.get(title__startswith="Heart failure medicine reviews")
    assert team.team_size(care_homes) is None


def test_demo_sign_ins_lists_the_stage_two_people(loaded: str) -> None:
    out = StringIO()
    call_command("demo_sign_ins", stdout=out)
    listed = out.getvalue()
    for person in data.SETUP_PEOPLE:
        assert person.email in listed
        assert person.can_do in listed
        assert _user(person.email).check_password(data.DEMO_PASSWORD)


def test_walked_project_documents_are_recorded_versions(loaded: str) -> None:
    from triplewin.documents.models import DocumentVersion

    project = Project.objects.get(title=COMMUNITY_INJECTABLES.title)
    recorded = set(
        DocumentVersion.objects.filter(project=project).values_list("document", flat=True)
    )
    # The signed-off concept, PID (both versions), amendment and summary are ready to download.
    assert {"pid", "concept", "summary", "amendment-1"} <= recorded
    assert DocumentVersion.objects.filter(project=project, document="pid").count() == 2


def test_ulht_runs_a_published_declaration_round(loaded: str) -> None:
    from django.test import Client
    from django.urls import reverse

    from triplewin.conflicts.models import DeclarationRound
    from triplewin.conflicts.rounds import statuses

    ulht = Organisation.objects.get(name="United Lincolnshire Hospitals NHS Trust")
    declaration_round = DeclarationRound.objects.get(organisation=ulht)
    assert declaration_round.scope == "decision_makers"
    assert declaration_round.published_at is not None
    asked = {m.user.username for m in declaration_round.members.select_related("user")}
    assert people.NHS_LEAD in asked
    assert people.IRC_ULHT in asked
    assert set(statuses(declaration_round).values()) <= {"declared", "nil_return", "outstanding"}
    page = Client().get(reverse("conflicts:public-register", args=[ulht.pk]))
    assert page.status_code == 200
    assert "Register of interests" in page.content.decode()
