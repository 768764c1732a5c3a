"""Stage 3 of the COPD discharge project: delivered, measured, completed and published.

Delivery ended some weeks before the load day, so its outcomes summary is published well
inside the six months the Code allows, whatever day the demo is loaded.
"""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.lincolnshire_copd import AZ_LEAD, RESP_ANALYST, RESP_NURSE
from triplewin.demo.data.outcomes_copd import COPD_LEARNING, COPD_OUTCOMES
from triplewin.demo.data.people import NHS_LEAD
from triplewin.demo.data.stage3_types import (
    Disclosure,
    KpiSpec,
    MilestoneSpec,
    ReportingSpec,
    RiskSpec,
    Series,
    Stage3Spec,
    Transfer,
    TransfersSpec,
)

START = dt.date(2025, 7, 1)
LAST_MONTH = dt.date(2026, 9, 1)
JOINT = "joint_collaborative"

COPD_KPIS = (
    KpiSpec(
        name="Readmitted within 30 days of a COPD discharge",
        category="clinical",
        definition=(
            "Patients readmitted as an emergency within 30 days, divided by patients "
            "discharged after a COPD exacerbation in the month."
        ),
        unit="%",
        data_source="Trust patient administration system, monthly extract",
        frequency="monthly",
        baseline_value="19.6",
        baseline_date=dt.date(2025, 6, 30),
        target_value="15",
        target_date=dt.date(2026, 8, 31),
        direction="down",
        owner=RESP_ANALYST,
        series=Series(
            dt.date(2024, 7, 1), START, 19.6, 14.2, 1.4, last=LAST_MONTH, ramp=3, places=1
        ),
        rollup="mean",
    ),
    KpiSpec(
        name="Discharges with the full bundle completed",
        category="delivery",
        definition=(
            "COPD discharges with all five bundle items ticked on the discharge checklist, "
            "as a share of all COPD discharges."
        ),
        unit="%",
        data_source="Electronic discharge checklist",
        frequency="monthly",
        baseline_value="37",
        baseline_date=dt.date(2025, 6, 30),
        target_value="80",
        target_date=dt.date(2026, 8, 31),
        direction="up",
        owner=RESP_NURSE,
        series=Series(
            dt.date(2024, 7, 1), START, 37.0, 84.0, 3.5, last=LAST_MONTH, ramp=4, places=0
        ),
        rollup="mean",
    ),
    KpiSpec(
        name="Pulmonary rehabilitation referrals made before discharge",
        category="service",
        definition="Referrals to pulmonary rehabilitation sent before the patient left hospital.",
        unit="referrals",
        data_source="Community pulmonary rehabilitation referral log",
        frequency="monthly",
        baseline_value="21",
        baseline_date=dt.date(2025, 6, 30),
        target_value="40",
        target_date=dt.date(2026, 8, 31),
        direction="up",
        owner=RESP_NURSE,
        series=Series(
            dt.date(2024, 7, 1), START, 21.0, 43.0, 4.0, last=LAST_MONTH, ramp=2, places=0
        ),
    ),
)

COPD_STAGE3 = Stage3Spec(
    project="lincs_copd_discharge",
    recorded_by=NHS_LEAD,
    milestones=(
        MilestoneSpec(
            "Discharge bundle agreed with ward teams",
            "Consultant respiratory physician",
            dt.date(2025, 7, 31),
            dt.date(2025, 7, 24),
        ),
        MilestoneSpec(
            "Funded respiratory nurse in post",
            "Respiratory service manager",
            dt.date(2025, 8, 31),
            dt.date(2025, 9, 15),
            "Started two weeks late after the usual recruitment checks.",
        ),
        MilestoneSpec(
            "Bundle live on both main sites",
            "Respiratory nurse specialist",
            dt.date(2025, 10, 31),
            dt.date(2025, 10, 27),
        ),
        MilestoneSpec(
            "Final evaluation to both partners",
            "Respiratory data analyst",
            dt.date(2026, 8, 31),
            dt.date(2026, 9, 10),
        ),
    ),
    risks=(
        RiskSpec(
            "Winter bed pressures leave no time to complete the bundle before discharge.",
            4,
            3,
            "Respiratory nurse specialist",
            "Bundle split so the inhaler check can be done on the ward round.",
            "closed",
        ),
        RiskSpec(
            "Rehabilitation classes fill up once referrals rise.",
            3,
            3,
            "Community pulmonary rehabilitation lead",
            "Two extra classes funded by the trust from January.",
            "closed",
        ),
    ),
    kpis=COPD_KPIS,
    reporting=ReportingSpec(
        every_months=3,
        recorded_by=NHS_LEAD,
        summaries=(
            "Bundle agreed and live at Lincoln; nurse in post. Readmissions not yet moving.",
            "Bundle at both sites and above 70% completion; readmissions starting to fall.",
            "Completion above target for three months; rehabilitation referrals doubled.",
            "Readmissions below 15% for four months; evaluation on track for September.",
        ),
        leave_open=0,
    ),
    transfers=TransfersSpec(
        recorded_by={"astrazeneca": AZ_LEAD},
        transfers=(
            Transfer(
                "astrazeneca",
                "ulht",
                2025,
                JOINT,
                money=18_500,
                benefits=9_000,
                note="Funded nurse post July to December; project management support.",
            ),
            Transfer(
                "astrazeneca",
                "ulht",
                2026,
                JOINT,
                money=24_000,
                benefits=7_500,
                note="Funded nurse post to the end of the project; evaluation support.",
            ),
        ),
        disclosures=(Disclosure("astrazeneca", 2025, dt.date(2026, 5, 21)),),
    ),
    sustainability=(
        {
            "service": "COPD discharge bundle and fast-track referral to pulmonary rehabilitation",
            "commissioner": "NHS Lincolnshire ICB, respiratory commissioning lead",
            "evidence_needed": (
                "Readmissions within 30 days, days from discharge to rehabilitation, and the "
                "cost of the nurse time per patient, against the year before the project."
            ),
            "handover": (
                "Ward nurses trained in the bundle during the project; the respiratory nurse "
                "hands the protocol, referral template and audit searches to the trust's "
                "respiratory team before funding ends."
            ),
        },
    ),
    completed_days_ago=70,
    outcomes=COPD_OUTCOMES,
    learning=COPD_LEARNING,
    expect_state="outcomes_published",
)
