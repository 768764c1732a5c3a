from __future__ import annotations

import pytest

from triplewin.partnerships import access
from triplewin.partnerships.models import Project

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("nhs_lead", True),
        ("industry_lead", True),
        ("governance_member", True),
        ("oversight", True),
        ("outsider", False),
        ("anonymous", False),
    ],
)
def test_visibility_by_role(project, roles, role, visible):
    from django.contrib.auth.models import AnonymousUser

    user = roles[role] or AnonymousUser()
    assert Project.objects.visible_to(user).filter(pk=project.pk).exists() is visible


def test_oversight_sees_only_its_system(project, oversight, other_org, nhs_lead):
    from tests import factories

    elsewhere_lead = factories.member("lead@elsewhere.test", other_org, "partnership_lead")
    elsewhere = factories.project(actor=elsewhere_lead, lead=other_org, title="Elsewhere")
    visible = set(Project.objects.visible_to(oversight))
    assert project in visible
    assert elsewhere not in visible


@pytest.mark.parametrize(
    ("role", "can_edit", "decides"),
    [
        ("nhs_lead", True, True),
        ("industry_lead", True, True),
        ("governance_member", False, True),
        ("oversight", False, False),
        ("outsider", False, False),
    ],
)
def test_edit_and_decision_rights(project, roles, role, can_edit, decides):
    user = roles[role]
    assert access.can_edit(user, project) is can_edit
    assert bool(access.decision_organisations(user, project)) is decides
