"""The demo content as plain Python data. `manage.py load_demo` turns it into records.

Real partnerships come from the source documents (facts and figures only, in our own words);
the Lincolnshire projects and every person are invented so the demo has live work in it.
"""

from __future__ import annotations

from triplewin.demo.data.case_studies_briefings import BRIEFING_CASES
from triplewin.demo.data.case_studies_guidance import GUIDANCE_CASES
from triplewin.demo.data.case_studies_kings_fund import KINGS_FUND_CASES
from triplewin.demo.data.interests import INTERESTS
from triplewin.demo.data.lincolnshire_copd import COPD_DISCHARGE, COPD_PEOPLE, COPD_SETUP
from triplewin.demo.data.lincolnshire_delivery import DELIVERY_PROJECTS
from triplewin.demo.data.lincolnshire_injectables import WALKED_PROJECTS
from triplewin.demo.data.lincolnshire_scoping import SCOPING_PROJECTS
from triplewin.demo.data.lincolnshire_setup import SETUP_PROJECTS
from triplewin.demo.data.organisations import ORGANISATIONS
from triplewin.demo.data.people import ADMIN, FEATURED
from triplewin.demo.data.people import PEOPLE as BASE_PEOPLE
from triplewin.demo.data.people_setup import SETUP_PEOPLE
from triplewin.demo.data.setup_children_asthma import CHILDREN_ASTHMA_SETUP
from triplewin.demo.data.setup_delivery import DELIVERY_SETUPS
from triplewin.demo.data.setup_injectables import INJECTABLES_SETUP
from triplewin.demo.data.setup_types import Interest, SetupSpec
from triplewin.demo.data.stage3 import STAGE3
from triplewin.demo.data.stage3_others import DIABETES_EDUCATION
from triplewin.demo.data.stage3_types import Stage3Spec
from triplewin.demo.data.types import Org, Person, ProjectSpec

# Every demo sign-in uses this password. It is printed by `manage.py demo_sign_ins`.
DEMO_PASSWORD = "triplewin-demo"  # noqa: S105 - a published demo password, not a secret.

ADMIN_EMAIL = ADMIN

REAL_PROJECTS: tuple[ProjectSpec, ...] = (*KINGS_FUND_CASES, *GUIDANCE_CASES, *BRIEFING_CASES)
LIVE_PROJECTS: tuple[ProjectSpec, ...] = (
    *SCOPING_PROJECTS,
    *SETUP_PROJECTS,
    *WALKED_PROJECTS,
    *DELIVERY_PROJECTS,
    COPD_DISCHARGE,
    DIABETES_EDUCATION,
)
PROJECTS: tuple[ProjectSpec, ...] = (*REAL_PROJECTS, *LIVE_PROJECTS)

# New people come after the original ones, so each partner's first lead stays the same.
PEOPLE: tuple[Person, ...] = (*BASE_PEOPLE, *SETUP_PEOPLE, *COPD_PEOPLE)

# Stage 2 records, loaded once every project exists and everyone has declared their interests.
SETUPS: tuple[SetupSpec, ...] = (
    CHILDREN_ASTHMA_SETUP,
    INJECTABLES_SETUP,
    *DELIVERY_SETUPS,
    COPD_SETUP,
)

# Stage 3 records (delivery, KPIs, money, amendments, outcomes, learning), loaded last.
STAGES3: tuple[Stage3Spec, ...] = STAGE3

__all__ = [
    "ADMIN_EMAIL",
    "DEMO_PASSWORD",
    "FEATURED",
    "INTERESTS",
    "LIVE_PROJECTS",
    "ORGANISATIONS",
    "PEOPLE",
    "PROJECTS",
    "REAL_PROJECTS",
    "SETUPS",
    "SETUP_PEOPLE",
    "STAGES3",
    "Interest",
    "Org",
    "Person",
    "ProjectSpec",
    "SetupSpec",
    "Stage3Spec",
]
