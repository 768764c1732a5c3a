"""Stage 3 of the atrial fibrillation project, in delivery since April 2026.

Four community clinics measure pulse checks; the whole project measures diagnoses,
anticoagulation and the wait for an ECG. A change to the ECG booking route in August shows as
a shift on the weekly SPC chart. One monthly progress report is left overdue.
"""

from __future__ import annotations

import datetime as dt

from triplewin.demo.data.people import lead_email
from triplewin.demo.data.people_setup import email as e
from triplewin.demo.data.stage3_types import (
    Condition,
    CriterionSpec,
    IssueSpec,
    KpiSpec,
    MilestoneSpec,
    RagSpec,
    ReportingSpec,
    RiskSpec,
    Series,
    Stage3Spec,
    Transfer,
    TransfersSpec,
)

ICB_LEAD = lead_email("lincs-icb")
LCHS_LEAD = lead_email("lchs")
BAYER_LEAD = lead_email("bayer")
PHARMACIST = e("dylan.pryce")
START = dt.date(2026, 4, 1)
TARGET_DAY = dt.date(2027, 9, 30)
CLINICS = {
    "Lincoln community clinic": 0.34,
    "Boston community clinic": 0.26,
    "Skegness community clinic": 0.2,
    "Grantham community clinic": 0.2,
}
PULSE_CHECKS = "Pulse checks carried out"
ECG_WAIT = "Days from an irregular pulse to an ECG"

AF_KPIS = (
    KpiSpec(
        name=PULSE_CHECKS,
        category="delivery",
        definition="Manual pulse checks done at the clinic, counted from the clinic diary.",
        unit="checks",
        data_source="Clinic booking system, monthly report",
        frequency="monthly",
        target_value="260",
        target_date=TARGET_DAY,
        direction="up",
        owner=LCHS_LEAD,
        series=Series(START, START, 60.0, 280.0, 18.0, ramp=3, places=0, shares=CLINICS),
    ),
    KpiSpec(
        name="People newly added to practice AF registers",
        category="clinical",
        definition="New entries on the AF registers of the 20 practices in the month.",
        unit="people",
        data_source="Practice system searches, run by the ICB",
        frequency="monthly",
        baseline_value="38",
        baseline_date=dt.date(2026, 3, 31),
        target_value="55",
        target_date=TARGET_DAY,
        direction="up",
        owner=ICB_LEAD,
        series=Series(dt.date(2025, 4, 1), dt.date(2026, 5, 1), 38.0, 56.0, 4.0, places=0),
    ),
    KpiSpec(
        name="High-risk AF patients on anticoagulation",
        category="clinical",
        definition=(
            "Patients on the registers with a CHA2DS2-VASc score of 2 or more who are "
            "anticoagulated, divided by all such patients."
        ),
        unit="%",
        data_source="Practice system searches, run by the ICB",
        frequency="monthly",
        baseline_value="84.1",
        baseline_date=dt.date(2026, 3, 31),
        target_value="90",
        target_date=TARGET_DAY,
        direction="up",
        owner=ICB_LEAD,
        series=Series(dt.date(2025, 4, 1), dt.date(2026, 6, 1), 84.1, 89.4, 0.7, ramp=2),
        rollup="mean",
    ),
    KpiSpec(
        name=ECG_WAIT,
        category="service",
        definition="Median days from an irregular pulse at a clinic to a 12-lead ECG.",
        unit="days",
        data_source="Clinic referral log",
        frequency="weekly",
        target_value="10",
        target_date=TARGET_DAY,
        direction="down",
        owner=PHARMACIST,
        series=Series(dt.date(2026, 4, 6), dt.date(2026, 8, 3), 18.0, 8.0, 2.5, places=0),
        rollup="mean",
    ),
)

AF_STAGE3 = Stage3Spec(
    project="lincs_af_detection",
    recorded_by=ICB_LEAD,
    milestones=(
        MilestoneSpec(
            "Data sharing agreement signed by the 20 practices",
            "ICB information governance lead",
            dt.date(2026, 4, 30),
            dt.date(2026, 4, 27),
        ),
        MilestoneSpec(
            "Both funded pharmacists in post",
            "Community cardiology service manager",
            dt.date(2026, 5, 31),
            dt.date(2026, 6, 15),
            "The second pharmacist started two weeks late.",
        ),
        MilestoneSpec(
            "Pulse check clinics open at all four sites",
            "Community cardiology service manager",
            dt.date(2026, 6, 30),
            dt.date(2026, 6, 29),
        ),
        MilestoneSpec(
            "Stroke prevention reviewed for every register patient",
            "Lead pharmacist",
            dt.date(2026, 11, 13),
            notes="Twelve of the twenty practices done; the rest are booked.",
        ),
        MilestoneSpec("Interim evaluation to the ICB board", "ICB lead", dt.date(2027, 1, 29)),
        MilestoneSpec("Final evaluation and outcomes summary", "ICB lead", dt.date(2027, 9, 30)),
    ),
    risks=(
        RiskSpec(
            "A pharmacist leaves before the end and the reviews stall.",
            2,
            4,
            "Community cardiology service manager",
            "Posts are employed by LCHS with cover agreed from the medicines team.",
        ),
        RiskSpec(
            "Coastal clinics see too few people in winter to be worth running.",
            4,
            2,
            "Community cardiology service manager",
            "Two extra coastal clinics booked; numbers reviewed monthly.",
            "monitoring",
        ),
        RiskSpec(
            "Practices are slow to act on anticoagulation recommendations.",
            3,
            4,
            "ICB clinical lead",
            "Recommendations go to the named GP with a two-week follow-up.",
        ),
        RiskSpec(
            "Extract errors give the company identifiable data.",
            1,
            5,
            "ICB information governance lead",
            "Only aggregated counts leave the ICB; numbers under five are suppressed.",
        ),
    ),
    issues=(
        IssueSpec(
            "ECG appointments after an irregular pulse were taking almost three weeks.",
            "Lead pharmacist",
            dt.date(2026, 7, 20),
            "Community cardiology service manager",
            "Clinics now book the ECG before the patient leaves; waits halved from August.",
            "resolved",
        ),
        IssueSpec(
            "Two practices have not run the register search for October.",
            "ICB population health analyst",
            dt.date(2026, 11, 9),
            "ICB clinical lead",
        ),
    ),
    rag=RagSpec(
        ICB_LEAD,
        "amber",
        "The register reviews are behind plan at eight practices; back on track once the "
        "booked sessions are done.",
        ends_in_days=21,
    ),
    sites=(
        ("Lincoln community clinic", "LIN"),
        ("Boston community clinic", "BOS"),
        ("Skegness community clinic", "SKG"),
        ("Grantham community clinic", "GRA"),
    ),
    kpis=AF_KPIS,
    criteria=(
        CriterionSpec(
            "Clinic running at full strength",
            "A clinic counts once it does enough pulse checks and gets people to an ECG fast.",
            (Condition(PULSE_CHECKS, "gte", "50"), Condition(ECG_WAIT, "lte", "10")),
        ),
    ),
    reporting=ReportingSpec(
        every_months=1,
        recorded_by=ICB_LEAD,
        summaries=(
            "Data sharing agreed; one pharmacist in post; clinic rooms booked.",
            "Clinics open in Lincoln and Boston; first people referred for ECG.",
            "All four clinics open; ECG waits are the main issue.",
            "ECG booked at the clinic from August; waits falling.",
            "Register reviews at twelve practices; anticoagulation rising.",
            "On plan apart from the register reviews at eight practices.",
        ),
        leave_open=1,
    ),
    transfers=TransfersSpec(
        recorded_by={"bayer": BAYER_LEAD},
        transfers=(
            Transfer(
                "bayer",
                "lchs",
                2026,
                "joint_collaborative",
                money=52_000,
                note="Two pharmacist posts, April to December.",
            ),
            Transfer(
                "bayer",
                "lincs_icb",
                2026,
                "joint_collaborative",
                benefits=11_500,
                note="Project management and evaluation support.",
            ),
        ),
    ),
    expect_state="in_delivery",
)
