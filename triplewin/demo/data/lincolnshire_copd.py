"""An invented Lincolnshire COPD project that runs all the way to published outcomes.

Its earlier steps are imported (the partners started before using Triple Win); its team and
committees are recorded while it is in delivery, so that stage 3 can complete it, sign off
its outcomes summary and publish it through the services.
"""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.people import DOMAIN, IRC_ULHT, NHS_LEAD, lead_email
from triplewin.demo.data.people_setup import AZ_LEGAL, AZ_SIGNATORY, AZ_SRO
from triplewin.demo.data.people_setup import email as e
from triplewin.demo.data.setup_types import CommitteeSeat, SetupSpec, TeamPlace
from triplewin.demo.data.types import (
    IMPORT_REASON_FICTIONAL,
    TO_IN_DELIVERY,
    Person,
    ProjectSpec,
    Seat,
    Summary,
    checklist_answers,
)
from triplewin.organisations.models import Role
from triplewin.partnerships.models import Setting

RESP_CONSULTANT = f"aled.morgan@{DOMAIN}"
RESP_NURSE = f"gemma.ruddock@{DOMAIN}"
RESP_ANALYST = f"faisal.karim@{DOMAIN}"
AZ_LEAD = lead_email("astrazeneca")

COPD_PEOPLE: tuple[Person, ...] = (
    Person(
        RESP_CONSULTANT,
        "Aled",
        "Morgan",
        (Seat("ulht", Role.PARTNERSHIP_LEAD, "Consultant respiratory physician"),),
        can_do="Clinical lead of the COPD discharge project, now completed with outcomes.",
    ),
    Person(
        RESP_NURSE,
        "Gemma",
        "Ruddock",
        (Seat("ulht", Role.TEAM_MEMBER, "Respiratory nurse specialist"),),
        can_do=(
            "Team member: ran the discharge bundle on the wards and answered the partner "
            "survey. Sees the trust's projects but changes and decides nothing."
        ),
    ),
    Person(
        RESP_ANALYST,
        "Faisal",
        "Karim",
        (Seat("ulht", Role.TEAM_MEMBER, "Respiratory data analyst"),),
        can_do=(
            "Team member who owns the COPD KPIs; invited to the partner survey but has not "
            "answered yet. Sees the trust's projects but changes and decides nothing."
        ),
    ),
)

COPD_DISCHARGE = ProjectSpec(
    key="lincs_copd_discharge",
    title="A COPD discharge bundle and faster pulmonary rehabilitation in Lincolnshire",
    summary=(
        "One in five people admitted with a flare-up of COPD is back in hospital within a "
        "month. Give every patient a checked discharge bundle before they leave and a "
        "pulmonary rehabilitation referral they can start within four weeks."
    ),
    origin_setting=Setting.SECONDARY,
    therapy_area="Respiratory (COPD)",
    intended_type="jw",
    involves_medicines=True,
    proposed_by="The respiratory team at Lincoln County and Pilgrim hospitals",
    lead_org="ulht",
    partner_orgs=("astrazeneca",),
    created_by=NHS_LEAD,
    planned_start=dt.date(2025, 7, 1),
    planned_end=dt.date(2026, 8, 31),
    actual_start=dt.date(2025, 7, 1),
    fictional=True,
    checklist=checklist_answers("jw"),
    executive_summary=Summary(
        rationale=(
            "Too many people leave the trust's wards after a COPD flare-up without their "
            "inhaler technique checked, a self-management plan or a rehabilitation referral, "
            "and readmission within thirty days is well above the regional rate."
        ),
        objectives=(
            "Deliver a five-part discharge bundle to every COPD admission; refer eligible "
            "patients to pulmonary rehabilitation before discharge; cut thirty-day "
            "readmissions to 15% by the end of the project."
        ),
        benefits_patients=(
            "Fewer return trips to hospital, better control of breathlessness and a plan they "
            "understand."
        ),
        benefits_nhs="Fewer bed days lost to readmission and a bundle ready to spread.",
        benefits_industry=(
            "Insight into how respiratory discharge pathways run in acute trusts. The bundle "
            "names no brand and follows national guidance."
        ),
        period="July 2025 to August 2026.",
        financial_arrangements=(
            "AstraZeneca funds a band 6 respiratory nurse for twelve months and provides "
            "project management; the trust gives consultant, nursing and analyst time."
        ),
        publication_plans="This summary on both partners' websites; outcomes within six months.",
        contacts=(
            "Cardiometabolic and respiratory partnerships lead, United Lincolnshire Hospitals "
            "NHS Trust; partnership director, AstraZeneca UK Limited."
        ),
        roles=(
            "The trust delivers every part of the bundle and keeps all patient records; "
            "AstraZeneca runs the project plan and sees only aggregated results."
        ),
        certified_on=dt.date(2025, 6, 2),
        published_on=dt.date(2025, 6, 16),
    ),
    history=TO_IN_DELIVERY,
    history_reason=IMPORT_REASON_FICTIONAL,
)

COPD_SETUP = SetupSpec(
    project="lincs_copd_discharge",
    recorded_by=NHS_LEAD,
    expect_state="in_delivery",
    team=(
        TeamPlace(NHS_LEAD, "ulht", "chair"),
        TeamPlace(RESP_CONSULTANT, "ulht", "clinical_lead"),
        TeamPlace(RESP_NURSE, "ulht", "other"),
        TeamPlace(RESP_ANALYST, "ulht", "analyst"),
        TeamPlace(AZ_LEAD, "astrazeneca", "partnership_lead"),
        TeamPlace(e("jonah.redfern"), "astrazeneca", "project_manager"),
        TeamPlace(e("camille.osei"), "astrazeneca", "medical_affairs_lead"),
    ),
    committees=(
        CommitteeSeat("ulht", "sro", IRC_ULHT),
        CommitteeSeat("astrazeneca", "sro", AZ_SRO),
        CommitteeSeat("astrazeneca", "legal", AZ_LEGAL),
        CommitteeSeat("astrazeneca", "medical_compliance", AZ_SIGNATORY),
    ),
)
