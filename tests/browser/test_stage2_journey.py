"""Stage 2, set-up and governance, in the browser: from an approved concept the partners form a
team with declarations, hold a meeting where a conflicted member is kept out of a vote, sign
off the PID, sign the agreement and publish the summary, which then appears on the register."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible, fill_date, sign_in, sign_out
from triplewin.concept import services as concept_services
from triplewin.partnerships import services as project_services
from triplewin.team import services as team_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AGENDA_ITEM = "Company funding for the search tool"
PID_TEXT = {
    "objectives": "Offer a structured review to every flagged patient within the year.",
    "success_what": "At least four in five flagged patients reviewed.",
    "success_measure": "Monthly count from the practice system, checked by the analyst.",
    "success_when": "Every month, and a final count at month 12",
    "success_by_whom": "The project analyst, reporting to the project team",
    "governance_framework": "The project team reports to the trust's internal review committee.",
    "meeting_schedule": "Monthly team meetings with minutes circulated within a week.",
    "exit_strategy": "Reviews continue within usual care; the search tool stays with the trust.",
    "patient_confidentiality": "Only aggregated, anonymised counts leave the trust.",
}
CLAUSES = {
    "term_months": "18",
    "benefits": "Earlier diagnosis for patients; fewer admissions; better pathway insight.",
    "financial_arrangements": "The company funds the search tool; the trust gives nurse time.",
    "roles_responsibilities": "As in the PID's RACI chart.",
    # As the PID says it (AGREEMENT-MATCHES-PID): what is measured, when and by whom.
    "success_measures": (
        "Monthly count from the practice system, checked by the analyst. Every month, and a "
        "final count at month 12. The project analyst, reporting to the project team."
    ),
    "publication_plans": "Executive summary before start; outcomes within six months.",
    "formulary_position": "The medicines involved are already on the local formulary.",
    "contingency": "The project team re-plans if a partner cannot deliver.",
    "dispute_resolution": "Escalation to the directors, then mediation.",
    "exit_criteria": "Either party may leave on three months' notice.",
    "confidentiality": "No identifiable patient data leaves the NHS.",
    "anti_bribery": "Each party complies with the Bribery Act 2010; nothing is an inducement.",
    "clinical_independence": "Clinicians alone decide each patient's treatment.",
    "non_promotional": "No promotion or sales staff; the project is kept apart from marketing.",
    "competition_confidentiality": "Competition law is followed; commercial data stays private.",
}


def switch_user(page: Any, user: Any) -> None:
    sign_out(page)
    sign_in(page, user.username)


def open_task(page: Any, project_url: str, task: str) -> None:
    """Follow one of the Stage 2 task list links on the project page."""
    page.goto(project_url)
    page.click(f".nhsuk-task-list a:has-text('{task}')")


def fill(page: Any, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.fill(f"#id_{name}", value)


def add_team_member(page: Any, user: Any, organisation: Any, role: str) -> None:
    page.click("text=Add a team member")
    page.select_option("#id_user", value=str(user.pk))
    page.get_by_role("radio", name=organisation.name, exact=True).check()
    page.select_option("#id_project_role", value=role)
    page.click("button:has-text('Add to the team')")
    expect(page.locator("main")).to_contain_text(f"{user.get_full_name()} added to the team.")


def name_seat(page: Any, organisation: Any, seat: str, user: Any) -> None:
    page.get_by_role("radio", name=organisation.name, exact=True).check()
    page.get_by_role("radio", name=seat, exact=True).check()
    page.select_option("#id_user", value=str(user.pk))
    page.click("button:has-text('Save the seat')")
    expect(page.locator("main")).to_contain_text(f"is now {user.get_full_name()}.")


def add_contribution(page: Any, organisation: Any, kind: str, values: dict[str, str]) -> None:
    page.click("text=Add a contribution")
    page.select_option("#id_organisation", label=organisation.name)
    page.check(f"input[name=kind][value={kind}]")
    fill(page, values)
    page.click("button:has-text('Add contribution')")
    expect(page.locator("main")).to_contain_text(values["description"])


def add_plan_entry(page: Any, plan: str, values: dict[str, str], ticks: tuple[str, ...]) -> None:
    page.click(f"a[href$='/plans/{plan}/add/']")
    fill(page, values)
    for tick in ticks:
        page.check(tick)
    page.click("button:has-text('Add to the plan')")
    expect(page.locator(f"section[aria-labelledby='{plan}']")).to_contain_text(
        next(iter(values.values()))
    )


def approve_pid(page: Any, project_url: str) -> None:
    open_task(page, project_url, "Project initiation document (PID)")
    page.click("a:has-text('Approve or reject the PID')")
    page.check("input[name=decision][value=approve]")
    page.click("button:has-text('Record the decision')")
    expect(page.locator("main")).to_contain_text("The decision on version 1 is recorded.")


def test_stage2_from_approved_concept_to_public_register(
    page, project, nhs_lead, industry_lead, governance_member, nhs_org, pharma_org, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    # Arranged in Python: an approved concept, and the people Stage 2 needs.
    factories.ready_for_approval(project, nhs_lead)
    for organisation, user in ((nhs_org, nhs_lead), (pharma_org, industry_lead)):
        concept_services.concept_decide(
            actor=user, project=project, organisation=organisation, decision="approve"
        )
    project.refresh_from_db()
    assert project.state == "concept_approved"
    clinician = factories.member("clinical.lead@example.test", nhs_org, "partnership_lead")
    signatory = factories.member(
        "signatory@example.test", pharma_org, "certification_signatory", function="medical"
    )
    nhs_governance = factories.member("committee.chair@example.test", nhs_org, "governance_member")
    project_url = f"/projects/{project.pk}/"
    today = timezone.localdate().isoformat()

    # The clinical lead declares shares in the company; the two leads make nil returns.
    sign_in(page, clinician.username)
    page.goto("/conflicts/")
    assert_accessible(page)
    page.click("text=Declare an interest")
    page.click("button:has-text('Add to my register')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Describe the interest.")
    assert_accessible(page)
    page.check("#id_category")  # financial
    page.select_option("#id_interest_type", value="shareholdings")
    page.fill("#id_description", "Holds shares in the company worth about £5,000.")
    page.select_option("#id_organisation", label=pharma_org.name)
    fill_date(page, "#id_valid_from", "2024-01-01")
    page.fill("#id_action_taken", "Will not vote on decisions about this company.")
    page.click("button:has-text('Add to my register')")
    expect(page.locator("main table")).to_contain_text(pharma_org.name)
    for lead in (industry_lead, nhs_lead):
        switch_user(page, lead)
        page.goto("/conflicts/")
        page.click("button:has-text('Make a nil return')")
        expect(page.locator("main")).to_contain_text("Your nil return has been recorded.")

    # Set-up starts, and the team and governance committees are formed.
    page.goto(project_url)
    # One post from the Next steps box (issue 15): no page in between.
    page.get_by_role("button", name="Start set-up").click()
    expect(page.locator(".nhsuk-tag").first).to_have_text("Set-up")
    assert_accessible(page)
    open_task(page, project_url, "Project team and governance committees")
    page.click("text=Add a team member")
    page.click("button:has-text('Add to the team')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Choose a person.")
    assert_accessible(page)
    page.click("text=Back to the team")
    add_team_member(page, nhs_lead, nhs_org, "chair")
    add_team_member(page, industry_lead, pharma_org, "project_manager")
    add_team_member(page, clinician, nhs_org, "clinical_lead")
    expect(page.locator("tr", has_text="Clinical Tester")).to_contain_text(
        "1 touching this project"
    )
    assert_accessible(page)
    page.click("text=Name governance committee members")
    name_seat(page, nhs_org, "Senior responsible officer", nhs_governance)
    name_seat(page, pharma_org, "Senior responsible officer", governance_member)
    # Arranged in Python: the company's legal and medical or compliance seats and its named
    # lead, which the PID gate looks for (GOVERNANCE-COMPANY-SEATS, PARTNER-NAMED-LEAD).
    for role, email in (
        ("legal", "legal.director@example.test"),
        ("medical_compliance", "medical.director@example.test"),
    ):
        team_services.governance_seat_set(
            actor=nhs_lead,
            project=project,
            organisation=pharma_org,
            committee_role=role,
            user=factories.member(email, pharma_org, "team_member", function="medical"),
        )
    project_services.partner_set_lead(
        actor=nhs_lead,
        project=project,
        partner=project.partners.get(organisation=pharma_org),
        lead=industry_lead,
    )
    assert_accessible(page)

    # Each party's contribution, and an entry in each of the five plans.
    open_task(page, project_url, "Contributions from each party")
    add_contribution(
        page,
        nhs_org,
        "staff_time",
        {"description": "Heart failure nurse clinics", "role": "Specialist nurse", "hours": "300"},
    )
    add_contribution(
        page, pharma_org, "money", {"description": "Funding for the search tool", "value": "20000"}
    )
    open_task(page, project_url, "Stakeholder, communications, data, engagement and RACI plans")
    add_plan_entry(page, "stakeholders", {"name": "Practice nurses"}, ("#id_scope",))
    add_plan_entry(
        page,
        "communications",
        {
            "audience": "Practice teams",
            "message": "How to refer a flagged patient",
            "channel": "Newsletter",
            "timing": "Monthly",
            "owner": "Project manager",
        },
        (),
    )
    add_plan_entry(
        page,
        "data",
        {
            "what": "Number of reviews completed",
            "source": "GP records",
            "collected_by": "Project analyst",
            "frequency": "Monthly",
            "controller": "The GP practices",
            "sharing_reference": "ICB data sharing agreement DSA-2026-014",
        },
        (
            "input[value=shared_with_company]",
            "input[value=anonymised]",
            "input[value=aggregated]",
            "input[name=sharing_basis][value=dsa]",
            "input[name=dpia][value=signed_off]",
        ),
    )
    add_plan_entry(
        page,
        "patient-engagement",
        {"description": "Patient group reviews the invitation letter", "timing": "Month 1"},
        ("input[name=kind][value=patient_stories]",),
    )
    add_plan_entry(
        page,
        "raci",
        {"activity": "Run the search", "responsible": "Analyst", "accountable": "Chair"},
        (),
    )
    # The evaluation plan counts towards the plans in place (ADR 0022).
    add_plan_entry(
        page,
        "evaluation",
        {"evaluator": "The ICB's evaluation team", "methods": "Before and after audit."},
        ("input[name=independence][value=independent]",),
    )
    expect(page.locator("main")).not_to_contain_text("Still empty")

    # A meeting: the clinical lead is present but kept out of the vote about the company.
    open_task(page, project_url, "Meetings, decisions and actions")
    assert_accessible(page)
    page.click("text=Schedule a meeting")
    page.fill("#id_title", "Steering committee, first meeting")
    page.check("#id_kind")  # project team
    fill_date(page, "#id_scheduled_for", today)
    page.fill("#id_location", "Online")
    page.click("button:has-text('Schedule the meeting')")
    expect(page.locator("h1")).to_have_text("Steering committee, first meeting")
    page.click("text=Edit the agenda")
    page.fill("#id_title", AGENDA_ITEM)
    page.select_option("#id_relates_to_organisation", label=pharma_org.name)
    page.click("button:has-text('Add to the agenda')")
    expect(page.locator("main table")).to_contain_text(AGENDA_ITEM)
    assert_accessible(page)
    page.click("text=Back to the meeting")
    page.click("text=Record attendance")
    for present in page.locator("input[type=radio][value=present]").all():
        present.check()
    assert_accessible(page)
    page.click("button:has-text('Save attendance')")
    page.click("a:has-text('Mark as held')")
    page.click("main button:has-text('Mark as held')")
    expect(page.locator("main")).to_contain_text("The meeting is marked as held")
    expect(page.locator("main")).to_contain_text("Holds shares in the company")
    assert_accessible(page)

    page.click("text=Record a decision")
    page.fill("#id_text", "Accept the company's funding for the search tool.")
    page.select_option("#id_agenda_item", label=AGENDA_ITEM)
    page.check("#id_is_vote")
    page.click("button:has-text('Record the decision')")
    exclusion = "Excluded from the vote because of a conflict of interest"
    expect(page.locator("main")).to_contain_text(
        "These members are excluded from the vote because of a declared interest"
    )
    expect(page.locator("main li", has_text="Clinical Tester")).to_contain_text(pharma_org.name)
    expect(page.get_by_role("group", name="Clinical Tester", exact=False)).to_have_count(0)
    assert_accessible(page)
    for voter in (nhs_lead, industry_lead):
        page.get_by_role("group", name=voter.get_full_name(), exact=False).get_by_label(
            "For", exact=True
        ).check()
    page.click("button:has-text('Record the votes and close the vote')")
    expect(page.locator("main")).to_contain_text(exclusion)
    expect(page.locator("main")).to_contain_text("Votes recorded and the vote closed: carried.")
    assert_accessible(page)
    page.click("text=Back to the meeting")
    page.click("text=Read or print the minutes")
    minutes = page.locator("main")
    expect(minutes).to_contain_text(exclusion)
    expect(minutes.locator("li", has_text="Declared interest:")).to_contain_text("Clinical Tester")
    expect(minutes).to_contain_text("Carried (For 2, against 0, abstained 0)")
    assert_accessible(page)

    # The PID: written, submitted and approved by the team.
    open_task(page, project_url, "Project initiation document (PID)")
    assert_accessible(page)
    page.click("a:has-text('Start the PID')")
    fill(page, PID_TEXT)
    page.check("input[name=methodology][value=lean]")
    assert_accessible(page)
    page.click("button:has-text('Save the PID')")
    expect(page.locator("main")).to_contain_text("PID saved.")
    page.click("a.nhsuk-button:has-text('Responsibilities on termination')")
    page.fill(f"#id_duty_{nhs_org.pk}", "Tell patients under review and return to usual care.")
    page.fill(f"#id_duty_{pharma_org.pk}", "Stop funding at the end of the current quarter.")
    page.click("button:has-text('Save responsibilities')")
    page.click("a:has-text('Submit for approval')")
    assert_accessible(page)
    page.fill("#id_note", "First version for sign-off")
    page.click("button:has-text('Submit this version')")
    expect(page.locator("main")).to_contain_text("Version 1 submitted")
    page.click("a:has-text('Approve or reject the PID')")
    assert_accessible(page)
    page.check("input[name=decision][value=approve]")
    page.click("button:has-text('Record the decision')")
    expect(page.locator("main")).to_contain_text("The decision on version 1 is recorded.")

    # The company's signatory certifies; each governance committee approves.
    switch_user(page, signatory)
    open_task(page, project_url, "Project initiation document (PID)")
    page.click("a:has-text('Certify the PID')")
    assert_accessible(page)
    page.click("button:has-text('Certify version 1')")
    expect(page.locator("main")).to_contain_text("Version 1 of the PID is certified.")
    switch_user(page, governance_member)
    approve_pid(page, project_url)
    switch_user(page, nhs_governance)
    approve_pid(page, project_url)
    expect(page.locator("main .nhsuk-tag").first).to_have_text("Approved")
    assert_accessible(page)
    page.goto(project_url)
    expect(page.locator(".nhsuk-tag").first).to_have_text("PID approved")

    # The agreement: clauses, parties and signatures; the last signature moves the project on.
    switch_user(page, nhs_lead)
    open_task(page, project_url, "Collaborative or joint working agreement")
    page.click("text=Record the agreement")
    fill_date(page, "#id_agreement_date", today)
    fill(page, CLAUSES)
    page.check("#id_code_breach_acknowledged")
    assert_accessible(page)
    page.click("button:has-text('Save the agreement')")
    expect(page.locator("main")).not_to_contain_text("Missing clauses")
    for organisation, signer in ((nhs_org, "Alex Chief"), (pharma_org, "Morgan Legal")):
        page.click("text=Add a party")
        page.select_option("#id_organisation", label=organisation.name)
        page.fill("#id_signatory_name", signer)
        page.fill("#id_signatory_job_title", "Director")
        page.click("button:has-text('Add party')")
        expect(page.locator("main")).to_contain_text(f"{organisation.name} added as a party.")
    for _ in range(2):
        page.click("a:has-text('Record signature')")
        fill_date(page, "#id_signed_on", today)
        page.click("button:has-text('Record signature')")
    expect(page.locator("main")).to_contain_text("the project is now 'Agreement signed'.")
    assert_accessible(page)

    # The executive summary: drafted, certified by the signatory, published.
    open_task(page, project_url, "Executive summary")
    page.click("button:has-text('Draft from the approved PID')")
    expect(page.locator("main")).to_contain_text("drafted from the approved PID")
    assert_accessible(page)
    switch_user(page, signatory)
    open_task(page, project_url, "Executive summary")
    page.click("a:has-text('Certify the summary')")
    assert_accessible(page)
    page.click("button:has-text('Certify the summary')")
    expect(page.locator("main")).to_contain_text("The executive summary is certified.")
    switch_user(page, nhs_lead)
    open_task(page, project_url, "Executive summary")
    page.click("a:has-text('Publish the summary')")
    assert_accessible(page)
    page.click("button:has-text('Publish the summary')")
    expect(page.locator("main")).to_contain_text("now appears on the public register")
    page.goto(project_url)
    expect(page.locator(".nhsuk-tag").first).to_have_text("Summary published")

    # Anyone can now find the partnership on the public register.
    sign_out(page)
    page.goto("/")
    page.click(f"a:has-text('{project.title}')")
    expect(page.locator("h1")).to_have_text(project.title)
    expect(page.locator("main")).to_contain_text(pharma_org.name)
    expect(page.locator("main")).to_contain_text("Offer a structured review")
    assert_accessible(page)
