"""A conflicted governance member in the browser: refused at the PID, the chair records how
the conflict is managed, the approval then goes through and the history shows both."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible, sign_in, sign_out
from triplewin.pid import services as pid_services
from triplewin.pid.tests import builders as pid_builders
from triplewin.signoff.models import SignOffAct
from triplewin.team.tests import builders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHARES = "Holds 2,000 shares in the company."
REASON = "The shares sit in a blind trust she cannot direct."


def test_a_conflicted_member_is_refused_until_the_chair_manages_the_conflict(
    page, project, nhs_lead, industry_lead, governance_member, nhs_org, pharma_org, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    member = factories.member("committee.member@example.test", nhs_org, "governance_member")
    pid_builders.complete(
        pid_builders.to_setup(project, nhs_lead, industry_lead),
        nhs_lead=nhs_lead,
        industry_lead=industry_lead,
        nhs_governance=member,
        governance_member=governance_member,
        nhs_org=nhs_org,
        pharma_org=pharma_org,
    )
    pid_services.pid_submit(actor=nhs_lead, project=project, note="First draft")
    builders.declare(member, pharma_org, description=SHARES)
    decide = reverse("pid:decide", args=[project.pk])
    committee = f"Governance committee of {nhs_org.name}"

    sign_in(page, member.username)
    page.goto(decide)
    notice = page.get_by_test_id("conflict-notice")
    expect(notice).to_contain_text("You have a conflict of interest")
    expect(notice).to_contain_text(SHARES)
    assert_accessible(page)
    page.get_by_role("radio", name=committee, exact=True).check()
    page.check("input[name=decision][value=approve]")
    page.click("button:has-text('Record the decision')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(
        "You cannot approve or reject the PID while your conflict of interest is unmanaged."
    )
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(SHARES)
    assert not SignOffAct.objects.on("pid").decisions().filter(actor=member).exists()
    sign_out(page)

    sign_in(page, nhs_lead.username)
    page.goto(reverse("conflicts:project", args=[project.pk]))
    expect(page.locator("main")).to_contain_text("Not managed yet.")
    assert_accessible(page)
    page.get_by_role("link", name="Record how Committee Tester's conflict is managed").click()
    page.get_by_role("radio", name=SHARES, exact=False).check()
    page.select_option("#id_decision", "pid_approval")
    page.get_by_role(
        "radio", name="May take part in the discussion and the decision", exact=True
    ).check()
    page.fill("#id_reason", REASON)
    assert_accessible(page)
    page.click("button:has-text('Record the arrangement')")
    expect(page.locator("main")).to_contain_text("conflict is managed has been recorded")
    expect(page.locator("main")).to_contain_text(REASON)
    sign_out(page)

    sign_in(page, member.username)
    page.goto(decide)
    expect(page.get_by_test_id("conflict-notice")).to_contain_text(
        "Your conflict of interest is managed"
    )
    assert_accessible(page)
    page.get_by_role("radio", name=committee, exact=True).check()
    page.check("input[name=decision][value=approve]")
    page.click("button:has-text('Record the decision')")
    expect(page.locator("main")).to_contain_text("The decision on version 1 is recorded.")
    assert SignOffAct.objects.on("pid").decisions().get(actor=member).organisation == nhs_org

    page.goto(reverse("partnerships:history", args=[project.pk]))
    history = page.locator("main")
    expect(history).to_contain_text("Recorded how a conflict of interest is managed")
    expect(history).to_contain_text(REASON)
    expect(history).to_contain_text("conflict of interest")
    expect(history).to_contain_text("Managed (record")
    assert_accessible(page)
