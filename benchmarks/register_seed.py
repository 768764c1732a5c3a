"""Bulk seeding for the register benchmark: realistic volume with bulk inserts.

Ten thousand projects across 20 ICB areas, 400 NHS organisations and 40 companies; about
six in ten have a published summary with several paragraphs of text, and 50,000 transfers
of value are spread over the published ones. Dates are set so that obligations vary.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from triplewin.core.lifecycle import State
from triplewin.executive_summary.models import ExecutiveSummary, Status
from triplewin.executive_summary.selectors import DOCUMENT, summary_hash
from triplewin.organisations.models import Organisation, OrgType
from triplewin.partnerships.models import PartyRole, Project, ProjectPartner
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.services import OUTSIDE_LABEL, at_day
from triplewin.transfers.models import Category, DisclosedYear, TransferOfValue

BATCH = 2000
REGIONS = [
    "North West",
    "North East and Yorkshire",
    "Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
]
AREAS = [
    "Respiratory",
    "Cardiology",
    "Oncology",
    "Diabetes",
    "Renal",
    "Mental health",
    "Ophthalmology",
    "Rheumatology",
]
PUBLIC = [
    State.SUMMARY_PUBLISHED,
    State.IN_DELIVERY,
    State.COMPLETED,
    State.OUTCOMES_PUBLISHED,
    State.TERMINATED,
]
PRIVATE = [
    State.IDEA,
    State.SCOPING,
    State.CONCEPT_APPROVED,
    State.SETUP,
    State.PID_APPROVED,
    State.AGREEMENT_SIGNED,
]
WORDS = [
    "patients",
    "care",
    "pathway",
    "review",
    "clinic",
    "primary",
    "secondary",
    "referral",
    "waiting",
    "diagnosis",
    "earlier",
    "treatment",
    "nurse",
    "pharmacist",
    "practice",
    "hospital",
    "community",
    "outcomes",
    "audit",
    "data",
    "anonymised",
    "aggregated",
    "service",
    "redesign",
    "capacity",
    "education",
    "screening",
    "follow-up",
    "medicines",
    "optimisation",
    "inequalities",
    "access",
    "digital",
    "remote",
    "monitoring",
    "admissions",
    "reduce",
    "improve",
    "support",
    "quality",
]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _organisations(rng: random.Random) -> tuple[list[Organisation], list[Organisation]]:
    icbs = Organisation.objects.bulk_create(
        Organisation(name=f"Bench ICB {i}", org_type=OrgType.ICB, region=REGIONS[i % len(REGIONS)])
        for i in range(20)
    )
    nhs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench Trust {i}",
            org_type=rng.choice([OrgType.TRUST, OrgType.PCN, OrgType.GP_FEDERATION]),
            system=icbs[i % len(icbs)],
            region=REGIONS[(i % len(icbs)) % len(REGIONS)],
            address=f"{i} Hospital Road, Benchtown",
            postcode=f"BT{i % 90 + 1} {i % 9}AB",
        )
        for i in range(400)
    )
    companies = Organisation.objects.bulk_create(
        Organisation(name=f"Bench Pharma {i}", org_type=OrgType.PHARMACEUTICAL) for i in range(40)
    )
    return list(nhs), list(companies)


def _project(rng: random.Random, number: int, state: State) -> Project:
    start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 6 * 365))
    end = start + dt.timedelta(days=rng.randrange(180, 900))
    started = state in (
        State.IN_DELIVERY,
        State.COMPLETED,
        State.OUTCOMES_PUBLISHED,
        State.TERMINATED,
    )
    ended = state in (State.COMPLETED, State.OUTCOMES_PUBLISHED, State.TERMINATED)
    return Project(
        title=f"{rng.choice(AREAS)} partnership {number}: {_text(rng, 4)}",
        summary="Generated for benchmarking.",
        origin_setting=rng.choice(["primary", "secondary", "system"]),
        therapy_area=rng.choice(AREAS),
        intended_type=rng.choice(["cw", "jw"]),
        proposed_by="Benchmark",
        planned_start=start,
        planned_end=end,
        actual_start=start if started else None,
        actual_end=end if ended else None,
        state=state,
    )


def seed(projects: int, transfers: int, rng: random.Random) -> str:
    nhs, companies = _organisations(rng)
    published: list[tuple[Project, Organisation, Organisation]] = []
    made = 0
    while made < projects:
        size = min(BATCH, projects - made)
        states = [
            rng.choice(PUBLIC) if rng.random() < 0.6 else rng.choice(PRIVATE) for _ in range(size)
        ]
        batch = Project.objects.bulk_create(
            _project(rng, made + i, s) for i, s in enumerate(states)
        )
        partners, summaries = [], []
        for project in batch:
            trust, company = rng.choice(nhs), rng.choice(companies)
            partners.append(
                ProjectPartner(project=project, organisation=trust, party_role=PartyRole.NHS_LEAD)
            )
            partners.append(
                ProjectPartner(
                    project=project, organisation=company, party_role=PartyRole.INDUSTRY_LEAD
                )
            )
            if project.state in PUBLIC:
                assert project.planned_start is not None
                summaries.append(
                    ExecutiveSummary(
                        project=project,
                        title=project.title,
                        rationale=_text(rng, 60),
                        objectives=_text(rng, 45),
                        benefits_patients=_text(rng, 30),
                        benefits_nhs=_text(rng, 30),
                        benefits_industry=_text(rng, 20),
                        period="Generated",
                        financial_arrangements=_text(rng, 25),
                        publication_plans=_text(rng, 15),
                        contacts="Benchmark contacts",
                        roles=_text(rng, 20),
                        status=Status.PUBLISHED,
                        published_on=project.planned_start
                        - dt.timedelta(days=rng.randrange(-20, 60)),
                    )
                )
                published.append((project, trust, company))
        ProjectPartner.objects.bulk_create(partners)
        ExecutiveSummary.objects.bulk_create(summaries)
        companies = [company for _, _, company in published[len(published) - len(summaries) :]]
        SignOffAct.objects.bulk_create(engine_acts(list(zip(summaries, companies, strict=True))))
        made += size

    rows: list[TransferOfValue] = []
    owed: set[tuple[int, int, int]] = set()
    categories = [c.value for c in Category]
    for index in range(transfers):
        project, trust, company = published[index % len(published)]
        assert project.planned_start is not None
        year = min(2025, project.planned_start.year + rng.randrange(0, 3))
        category = (
            Category.JOINT_COLLABORATIVE.value if rng.random() < 0.8 else rng.choice(categories)
        )
        rows.append(
            TransferOfValue(
                project=project,
                company=company,
                recipient=trust,
                year=year,
                category=category,
                amount_money=Decimal(rng.randrange(500, 60_000)),
                amount_benefits_in_kind=Decimal(rng.randrange(0, 5_000)),
            )
        )
        owed.add((project.pk, company.pk, year))
        if len(rows) >= BATCH:
            TransferOfValue.objects.bulk_create(rows)
            rows = []
    TransferOfValue.objects.bulk_create(rows)
    DisclosedYear.objects.bulk_create(
        DisclosedYear(project_id=p, company_id=c, year=y, disclosed_on=dt.date(y + 1, 3, 28))
        for p, c, y in sorted(owed)
        if rng.random() < 0.6
    )
    icb = nhs[17].system
    assert icb is not None
    return (
        f"projects={projects} published={len(published)} transfers={transfers} "
        f"company={companies[3].pk} icb={icb.pk}"
    )


def engine_acts(published: list[tuple[ExecutiveSummary, Organisation]]) -> list[SignOffAct]:
    """The certification and publication of seeded summaries, as the engine records them."""
    acts = []
    for summary, company in published:
        assert summary.published_on is not None
        for act in ("certify", "publish"):
            acts.append(
                SignOffAct(
                    project=summary.project,
                    document=DOCUMENT,
                    subject=DOCUMENT,
                    content_hash=summary_hash(summary),
                    act=act,
                    body="partner",
                    organisation=company,
                    actor=None,
                    actor_label=OUTSIDE_LABEL,
                    at=at_day(summary.published_on),
                )
            )
    return acts
