"""The outcomes summary page names who evaluated the project (issue 13 §17).

Seed: The King's Fund (2024), recommendations for industry leaders: ensure independent
evaluations of the impact of collaborative working; 'The importance of sustaining and
spreading improvements' (evidence from rigorous, independent evaluation).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.roles import READ, matrix
from triplewin.partnerships.models import Project
from triplewin.plans.models import EvaluationEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluated(drafted: Any) -> Any:
    # The evaluation plan is written in set-up; here it is stored directly on the finished
    # project, whose plans are closed to the services by then.
    EvaluationEntry.objects.create(
        project=Project.objects.get(pk=drafted.pk),
        evaluator="University of Example evaluation unit",
        independence="independent",
        methods="Before-and-after comparison with interviews.",
    )
    return drafted


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_evaluator_shown_to_everyone_who_may_read(
    client_for: Any, evaluated: Any, role: str, status: int
) -> None:
    response = client_for(role).get(reverse("outcomes:detail", args=[evaluated.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Who evaluates the project" in body
        assert "University of Example evaluation unit. Independence: Independent" in body


def test_no_evaluator_is_said_plainly(client_for: Any, drafted: Any) -> None:
    body = client_for("nhs_lead").get(reverse("outcomes:detail", args=[drafted.pk]))
    assert "No evaluator was named in the evaluation plan." in body.content.decode()
