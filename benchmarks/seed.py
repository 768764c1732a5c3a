"""Bulk seeding for the benchmark: many projects across many organisations."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from benchmarks.register_seed import engine_acts
from triplewin.core.lifecycle import State
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.organisations.models import Membership, Organisation, OrgType, Role
from triplewin.partnerships.models import PartyRole, Project, ProjectPartner
from triplewin.signoff.models import SignOffAct

STATES = [s.value for s in State]
PUBLIC = {State.SUMMARY_PUBLISHED, State.IN_DELIVERY, State.COMPLETED, State.OUTCOMES_PUBLISHED}
BATCH = 1000


@dataclass
class Viewer:
    user: User
    organisation: Organisation
    pharma: list[Organisation]
    trusts: list[Organisation]
    sample_project_id: int = 0
    sample_published_id: int = 0


def base() -> Viewer:
    user = get_user_model().objects.create_user("bench@example.test", password="bench-password-1")
    icb = Organisation.objects.create(name="Bench ICB", org_type=OrgType.ICB, ods_code="QBB")
    trusts = Organisation.objects.bulk_create(
        Organisation(name=f"Bench Trust {i}", org_type=OrgType.TRUST, system=icb)
        for i in range(200)
    )
    pharma = Organisation.objects.bulk_create(
        Organisation(name=f"Bench Pharma {i}", org_type=OrgType.PHARMACEUTICAL) for i in range(30)
    )
    Membership.objects.create(user=user, organisation=trusts[0], role=Role.PARTNERSHIP_LEAD)
    return Viewer(user=user, organisation=trusts[0], pharma=list(pharma), trusts=list(trusts))


def grow_to(total: int, viewer: Viewer) -> None:
    rng = random.Random(total)
    existing = Project.objects.count()
    while existing < total:
        size = min(BATCH, total - existing)
        projects = Project.objects.bulk_create(
            Project(
                title=f"Benchmark partnership {existing + i}",
                summary="Generated for benchmarking.",
                origin_setting=rng.choice(["primary", "secondary", "system"]),
                therapy_area=rng.choice(
                    ["Respiratory", "Cardiology", "Oncology", "Diabetes", "Renal"]
                ),
                intended_type=rng.choice(["cw", "jw"]),
                proposed_by="Benchmark",
                state=rng.choice(STATES),
            )
            for i in range(size)
        )
        partners = []
        summaries = []
        for index, project in enumerate(projects):
            trust = viewer.trusts[(existing + index) % len(viewer.trusts)]
            partners.append(
                ProjectPartner(project=project, organisation=trust, party_role=PartyRole.NHS_LEAD)
            )
            company = rng.choice(viewer.pharma)
            partners.append(
                ProjectPartner(
                    project=project, organisation=company, party_role=PartyRole.INDUSTRY_LEAD
                )
            )
            if project.state in PUBLIC:
                summaries.append(
                    (
                        ExecutiveSummary(
                            project=project,
                            rationale="Generated.",
                            published_on=dt.date(2025, 1, 1) + dt.timedelta(days=index % 600),
                        ),
                        company,
                    )
                )
        ProjectPartner.objects.bulk_create(partners)
        ExecutiveSummary.objects.bulk_create([summary for summary, _ in summaries])
        SignOffAct.objects.bulk_create(engine_acts(summaries))
        existing += size
    mine = Project.objects.visible_to(viewer.user).order_by("pk").first()
    published = ExecutiveSummary.objects.published().order_by("pk").first()
    assert mine is not None
    assert published is not None
    viewer.sample_project_id = mine.pk
    viewer.sample_published_id = published.project_id
