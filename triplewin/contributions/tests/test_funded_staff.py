"""The questions the guidance raises about industry-funded staff (FUNDED-POSTS-SAFEGUARDS).

Seed: NHS Confederation/ABPI guidance (2024), Stage 2 'Project setup and governance
structures': contributions go beyond normal day-to-day roles; precautions must be taken when
pharmaceutical funding is used to retain staff; industry-funded staff operate under NHS
control, with clear employment law compliance.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.roles import READ, matrix
from triplewin.contributions import services
from triplewin.contributions.models import Contribution
from triplewin.contributions.selectors import funded_post_gaps, funded_posts_without_safeguards

pytestmark = pytest.mark.django_db

ANSWERED: dict[str, Any] = {
    "kind": "money",
    "description": "Funds a new nurse educator post",
    "role": "Nurse educator",
    "value": 40000,
    "is_funded_post": True,
    "under_nhs_control": True,
    "exit_strategy": "The post ends with the project; training passes to the trust.",
    "beyond_normal_roles": "A new post running extra training sessions.",
    "retention_precautions": "Recruited openly as a new fixed-term post.",
    "employment_law_confirmed": True,
}


def _add(actor: Any, project: Any, organisation: Any, **changes: Any) -> Contribution:
    return services.contribution_add(
        actor=actor,
        project=project,
        fields={**ANSWERED, "organisation": organisation, **changes},
    )


@pytest.mark.parametrize(
    ("changes", "gap"),
    [
        ({}, None),
        # A funded post outside NHS control is refused when saved, so it has no row here.
        ({"beyond_normal_roles": " "}, "beyond normal day-to-day roles"),
        ({"retention_precautions": ""}, "retain staff"),
        ({"employment_law_confirmed": False}, "employment law compliance not confirmed"),
    ],
)
def test_each_question_must_be_answered(
    approved: Any, nhs_lead: Any, pharma_org: Any, changes: dict[str, Any], gap: str | None
) -> None:
    post = _add(nhs_lead, approved, pharma_org, **changes)
    gaps = funded_post_gaps(post)
    found = funded_posts_without_safeguards(approved)
    if gap is None:
        assert gaps == ()
        assert found == ()
    else:
        assert any(gap in g for g in gaps)
        assert found == (f"{pharma_org.name}: Nurse educator ({'; '.join(gaps)})",)


def test_answers_are_cleared_when_it_is_not_a_funded_post(
    approved: Any, nhs_lead: Any, pharma_org: Any
) -> None:
    post = _add(nhs_lead, approved, pharma_org, is_funded_post=False)
    assert post.beyond_normal_roles == ""
    assert post.retention_precautions == ""
    assert not post.employment_law_confirmed
    assert funded_post_gaps(post) == ()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_open_questions_are_shown_to_everyone_who_may_read(
    client_for: Any, approved: Any, nhs_lead: Any, pharma_org: Any, role: str, status: int
) -> None:
    _add(nhs_lead, approved, pharma_org, retention_precautions="")
    response = client_for(role).get(reverse("contributions:list", args=[approved.pk]))
    assert response.status_code == status
    if status == 200:
        assert "Questions about company-funded staff" in response.content.decode()


def test_form_saves_the_answers(client_for: Any, approved: Any, pharma_org: Any) -> None:
    response = client_for("industry_lead").post(
        reverse("contributions:add", args=[approved.pk]),
        {
            "organisation": str(pharma_org.pk),
            "kind": "money",
            "description": "Funds a new nurse educator post",
            "value": "40000",
            "is_funded_post": "on",
            "under_nhs_control": "on",
            "exit_strategy": "Ends with the project.",
            "beyond_normal_roles": "Extra training sessions.",
            "retention_precautions": "A new post, recruited openly.",
            "employment_law_confirmed": "on",
        },
    )
    assert response.status_code == 302
    post = Contribution.objects.get()
    assert post.employment_law_confirmed
    assert funded_post_gaps(post) == ()
    body = client_for("industry_lead").get(reverse("contributions:list", args=[approved.pk]))
    assert "Questions about company-funded staff" not in body.content.decode()
