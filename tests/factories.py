"""Builders for test data. Domain writes go through the services, as in production."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model

from triplewin.conflicts import services as conflict_services
from triplewin.core import checklist, scoping_guide
from triplewin.organisations import services as org_services
from triplewin.organisations.models import Organisation
from triplewin.partnerships import services as project_services
from triplewin.partnerships.models import Project

User = get_user_model()

# Every test user who needs two-factor has this TOTP secret, so a test can type the code.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
TWO_FACTOR_ROLES = {
    "certification_signatory",
    "system_oversight",
    "administrator",
    "organisation_administrator",
}


def two_factor(user: Any) -> Any:
    """Give `user` a TOTP authenticator (secret TOTP_SECRET) and recovery codes."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, TOTP_SECRET)
        RecoveryCodes.activate(user)
    return user


def totp_code(offset: int = 0) -> str:
    """The code an authenticator app with TOTP_SECRET shows now (or `offset` steps away)."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return str(format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30 + offset)))


_CODES_GIVEN: set[tuple[str, str]] = set()


def unused_totp_code(email: str) -> str:
    """A current code not yet given for `email` in this run (allauth accepts each code once;
    the tolerance of one step lets the next one through). When both are spent (a third sign-in
    as one person within the minute, perhaps by an earlier test in this process), wait for the
    authenticator's next code, as a person would."""
    import time

    for _ in range(3):
        for offset in (0, 1):
            code = totp_code(offset)
            if (email, code) not in _CODES_GIVEN:
                _CODES_GIVEN.add((email, code))
                return code
        time.sleep(30 - time.time() % 30 + 0.5)
    raise AssertionError("No unused two-factor code came up within a minute and a half.")


def recovery_codes(user: Any) -> list[str]:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    found = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return list(RecoveryCodes(found).get_unused_codes())


def superuser(email: str, password: str = "a-long-test-password") -> Any:
    """A superuser, with two-factor set up as superusers must have."""
    return two_factor(User.objects.create_superuser(email, email=email, password=password))


def organisation(*, name: str, org_type: str, ods_code: str = "", **extra: Any) -> Organisation:
    return org_services.organisation_create(
        actor=None, name=name, org_type=org_type, ods_code=ods_code, **extra
    )


def member(
    email: str, org: Organisation, role: str, *, function: str = "", registered: bool = True
) -> Any:
    """A person with a membership; someone new also makes a nil return today, as everyone who
    takes decisions must have (ADR 0013), unless `registered` is False."""
    user = User.objects.filter(username=email).first()
    if user is None:
        first = email.split("@")[0].split(".")[0].capitalize()
        user = User.objects.create_user(
            username=email,
            email=email,
            password="a-long-test-password",
            first_name=first,
            last_name="Tester",
        )
        if registered:
            conflict_services.nil_return_make(actor=user)
    org_services.membership_create(
        actor=None, user=user, organisation=org, role=role, function=function
    )
    if role in TWO_FACTOR_ROLES:
        two_factor(user)
    return user


def project(
    *, actor: Any, lead: Organisation, partners: Sequence[Organisation] = (), **overrides: Any
) -> Project:
    details: dict[str, Any] = {
        "title": "Finding undiagnosed heart failure in primary care",
        "summary": "Search GP records for people at risk and offer them a review.",
        "origin_setting": "primary",
        "therapy_area": "Cardiology",
        "intended_type": "cw",
        "involves_medicines": True,
        "proposed_by": "Practice pharmacist",
    }
    details.update(overrides)
    return project_services.project_create(
        actor=actor, lead_organisation=lead, partner_organisations=partners, **details
    )


def all_yes_checklist() -> dict[str, str]:
    answers = {q.id: checklist.Answer.YES.value for q in checklist.QUESTIONS}
    answers["benefit_patients_or_nhs"] = checklist.Answer.YES.value
    return answers


def full_scoping_answers() -> dict[str, dict[str, str]]:
    return {
        s.slug: {q.id: f"Answer to {q.id}" for q in s.questions} for s in scoping_guide.SECTIONS
    }


CONCEPT_TEXT: dict[str, Any] = {
    "key_stakeholders": "Practice managers, community pharmacists, patient group.",
    "purpose_background": "Many people with heart failure are diagnosed late, in hospital.",
    "objectives": "Review 500 at-risk patients within a year.",
    "benefit_patients": "Earlier diagnosis and treatment in line with NICE guidance.",
    "benefit_nhs": "Fewer emergency admissions.",
    "benefit_industry": "Better understanding of the pathway; no link to any product.",
    "expected_prescribing_effect": "More patients treated in line with NICE guidance.",
    "start_year": 2027,
    "start_quarter": 2,
    "duration_months": 12,
}


def ready_for_approval(
    project: Project, actor: Any, *, checklist_answers: dict[str, str] | None = None
) -> None:
    """Scoping answered, checklist all yes (or as given), concept complete for every partner."""
    from triplewin.concept import services as concept_services
    from triplewin.scoping import services as scoping_services

    for slug, answers in full_scoping_answers().items():
        scoping_services.scoping_save_section(
            actor=actor, project=project, section=slug, answers=answers, expected_version=None
        )
    scoping_services.checklist_save(
        actor=actor,
        project=project,
        answers=checklist_answers or all_yes_checklist(),
        expected_version=None,
    )
    contributions = {
        p.organisation_id: (f"Staff time from {p.organisation.name}", None)
        for p in project.partners.all()
    }
    concept_services.concept_save(
        actor=actor,
        project=project,
        fields=CONCEPT_TEXT,
        contributions=contributions,
        expected_version=None,
    )
    if project.state == "idea":
        project_services.project_transition(actor=actor, project=project, name="start_scoping")
    project.refresh_from_db()
