"""Library fixtures: the seeded corpus, a finished project and its draft, a staff importer."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tests import factories
from triplewin.library import seeding, services
from triplewin.library.models import CaseStudy
from triplewin.library.tests.builders import finish


@pytest.fixture
def corpus(db: None) -> dict[str, CaseStudy]:
    """The fixed corpus: the fourteen seeded case studies, by key."""
    seeding.load()
    return {cs.key: cs for cs in CaseStudy.objects.all()}


@pytest.fixture
def staff(db: None) -> Any:
    # Staff use two-factor, as every administrator must (ADR 0032).
    return factories.two_factor(
        get_user_model().objects.create_user(
            "librarian@example.test", password="a-long-test-password", is_staff=True
        )
    )


@pytest.fixture
def finished(project: Any, nhs_lead: Any) -> Any:
    """The shared `project` fixture, walked to outcomes published."""
    return finish(project, nhs_lead)


@pytest.fixture
def draft(finished: Any, nhs_lead: Any) -> CaseStudy:
    return services.case_study_draft_from_project(actor=nhs_lead, project=finished)
