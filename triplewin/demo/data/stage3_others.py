"""Stage 3 records for the other demo projects, and one invented project that has stalled.

- Community injectables (published, starting in 2027): planned milestones and risks, one
  approved amendment and one waiting for the governance committees.
- Care home heart failure (completed in September 2026): transfers of value with 2025 left
  undisclosed past its deadline, an outcomes summary still in draft, a principles score.
Real partnerships imported from the sources get no transfers of value: their real figures are on
Disclosure UK, and invented amounts would appear on the public register under real names.
- Diabetes education (invented): stuck in set-up for months, so oversight sees a stall.
"""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.outcomes_copd import PRINCIPLES
from triplewin.demo.data.people import INDUSTRY_LEAD, IRC_ULHT, lead_email
from triplewin.demo.data.people_setup import LCHS_SRO, SANOFI_SIGNATORY, SANOFI_SRO
from triplewin.demo.data.people_setup import email as e
from triplewin.demo.data.setup_types import Approval
from triplewin.demo.data.stage3_types import (
    AmendmentSpec,
    Assessment,
    LearningSpec,
    MilestoneSpec,
    OutcomesSpec,
    RiskSpec,
    Stage3Spec,
    Transfer,
    TransfersSpec,
)
from triplewin.demo.data.types import ProjectSpec
from triplewin.partnerships.models import Setting

LCHS_LEAD = lead_email("lchs")
ICB_LEAD = lead_email("lincs-icb")
JOINT = "joint_collaborative"

INJECTABLES_STAGE3 = Stage3Spec(
    project="lincs_community_injectables",
    recorded_by=LCHS_LEAD,
    milestones=(
        MilestoneSpec(
            "Community nurses trained to start injectables", "Clinical lead", dt.date(2027, 2, 26)
        ),
        MilestoneSpec("First community clinic running", "Project manager", dt.date(2027, 3, 31)),
        MilestoneSpec(
            "All three localities running clinics", "Project manager", dt.date(2027, 9, 30)
        ),
        MilestoneSpec("Final evaluation to all partners", "Project manager", dt.date(2028, 5, 31)),
    ),
    risks=(
        RiskSpec(
            "Community nurses cannot be released for training before the start.",
            3,
            3,
            "Clinical lead",
            "Training split into two half days in each locality.",
        ),
    ),
    amendments=(
        AmendmentSpec(
            title="Steering committee every six weeks once clinics open",
            reason=(
                "Monthly steering meetings overlap with the operational huddles once clinics "
                "run; the partners agreed a lighter rhythm for the delivery phase."
            ),
            raised_by=LCHS_LEAD,
            changes={
                "meeting_schedule": (
                    "Monthly steering committee until the first clinic opens, then every six "
                    "weeks, with a fortnightly operational huddle in between."
                ),
            },
            impact_logistics="Fewer meetings for clinical staff; no change to reporting.",
            submitted=True,
            certified_by=SANOFI_SIGNATORY,
            approvals=(
                Approval(e("maya.thornbury")),
                Approval(LCHS_SRO, "lchs"),
                Approval(IRC_ULHT, "ulht"),
                Approval(SANOFI_SRO, "sanofi"),
            ),
        ),
        AmendmentSpec(
            title="Extend the project by three months to cover a second winter",
            reason=(
                "Starting injectables slows over the winter; three more months give a fairer "
                "picture of a full year of clinics."
            ),
            raised_by=LCHS_LEAD,
            changes={"planned_end": "2028-08-31"},
            impact_timeline="The project ends on 31 August 2028 instead of 31 May 2028.",
            impact_money="Three more months of project management from Sanofi, within budget.",
            changes_contract=True,
            contract_changes="The term of the agreement runs to 31 August 2028.",
            submitted=True,
            certified_by=SANOFI_SIGNATORY,
            approvals=(Approval(e("maya.thornbury")),),
        ),
    ),
)

CARE_HOMES_STAGE3 = Stage3Spec(
    project="lincs_care_home_heart_failure",
    recorded_by=LCHS_LEAD,
    transfers=TransfersSpec(
        recorded_by={"boehringer": INDUSTRY_LEAD},
        transfers=(
            Transfer(
                "boehringer",
                "lchs",
                2025,
                JOINT,
                benefits=14_000,
                note="Project management and evaluation, October to December.",
            ),
            Transfer(
                "boehringer",
                "lchs",
                2026,
                JOINT,
                benefits=31_500,
                note="Project management and evaluation to the end of the project.",
            ),
        ),
    ),
    outcomes=OutcomesSpec(
        written_by=LCHS_LEAD,
        fields={
            "overview": (
                "Community heart failure nurses reviewed residents with heart failure in 40 "
                "care homes and trained care staff to spot early signs of decline."
            ),
            "results": (
                "Draft: 412 residents reviewed; emergency admissions for heart failure from the "
                "homes are being compared with the year before. Figures still being checked."
            ),
        },
    ),
    learning=LearningSpec(
        recorded_by=LCHS_LEAD,
        assessments=(
            Assessment(
                LCHS_LEAD,
                20,
                dict(zip(PRINCIPLES, (4, 3, 5, 4, 4, 3, 3, 4, 5), strict=True)),
                {"governance": "No formal team was set up in Triple Win for this project."},
            ),
        ),
    ),
    expect_state="completed",
)

DIABETES_EDUCATION = ProjectSpec(
    key="lincs_diabetes_education",
    title="Structured education for people newly diagnosed with type 2 diabetes in Lincolnshire",
    summary=(
        "Fewer than one in ten people offered structured education after a type 2 diagnosis "
        "attend. Offer evening, online and community venue courses and measure who comes."
    ),
    origin_setting=Setting.SYSTEM,
    therapy_area="Diabetes (type 2)",
    intended_type="cw",
    involves_medicines=False,
    proposed_by="The ICB's diabetes programme board",
    lead_org="lincs_icb",
    partner_orgs=("sanofi",),
    created_by=ICB_LEAD,
    planned_start=dt.date(2026, 9, 1),
    planned_end=dt.date(2027, 8, 31),
    fictional=True,
)

# Imported with dates before the load day: in set-up for months with nothing happening.
DIABETES_EDUCATION_STAGE3 = Stage3Spec(
    project="lincs_diabetes_education",
    recorded_by=ICB_LEAD,
    history_days_ago=(("start_scoping", 320), ("approve_concept", 230), ("start_setup", 200)),
    expect_state="setup",
)

OTHER_STAGE3: tuple[Stage3Spec, ...] = (
    INJECTABLES_STAGE3,
    CARE_HOMES_STAGE3,
    DIABETES_EDUCATION_STAGE3,
)
