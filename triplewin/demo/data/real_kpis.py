"""The real partnerships' published results, recorded as KPI series.

Only figures the partners published are used; each KPI says where they come from. None of
these reports set a numeric target except the cancer Faster Diagnosis Standard (75%), so for
the others the target is to beat the starting figure, and the definition says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.demo.data.people import NHS_LEAD, lead_email

NO_TARGET = " The report sets no numeric target, so the target here is to beat the first figure."


@dataclass(frozen=True)
class RealKpi:
    project: str
    owner: str
    name: str
    category: str
    definition: str
    unit: str
    data_source: str
    frequency: str
    target_value: str
    target_date: dt.date
    # (a day in the period, the published value), oldest first.
    readings: tuple[tuple[dt.date, str], ...]
    direction: str = "up"


REAL_KPIS: tuple[RealKpi, ...] = (
    RealKpi(
        project="apa_hep_c_u_later",
        owner=lead_email("nhs-apa"),
        name="Hepatitis C tests in drug and alcohol services",
        category="clinical",
        definition=(
            "Hepatitis C tests taken in the partner drug and alcohol services in each NHS "
            "financial year." + NO_TARGET
        ),
        unit="tests",
        data_source="Programme figures published in the King's Fund case study (2024)",
        frequency="annual",
        target_value="6475",
        target_date=dt.date(2024, 3, 31),
        readings=(
            (dt.date(2021, 4, 1), "6475"),
            (dt.date(2022, 4, 1), "12498"),
            (dt.date(2023, 4, 1), "18067"),
        ),
    ),
    RealKpi(
        project="ulht_cardio_diabetes",
        owner=NHS_LEAD,
        name="Diabetes screening after an acute coronary syndrome admission",
        category="clinical",
        definition=(
            "Share of patients admitted with an acute coronary syndrome who are screened for "
            "diabetes. The published case study gives the rate before the service and at the "
            "time of the research only; they are shown in the project's first and last years."
            + NO_TARGET
        ),
        unit="%",
        data_source="Trust audit figures published in the King's Fund case study (2024)",
        frequency="annual",
        target_value="65",
        target_date=dt.date(2023, 9, 30),
        readings=((dt.date(2020, 11, 1), "65"), (dt.date(2023, 9, 30), "97")),
    ),
    RealKpi(
        project="lsc_skin_cancer",
        owner=lead_email("lsc-cancer-alliance"),
        name="Skin cancer Faster Diagnosis Standard met",
        category="service",
        definition=(
            "Share of people urgently referred with suspected skin cancer who have cancer "
            "diagnosed or ruled out within 28 days. The national standard is 75%."
        ),
        unit="%",
        data_source="Cancer Alliance figures published in the King's Fund case study (2024)",
        frequency="quarterly",
        target_value="75",
        target_date=dt.date(2024, 3, 31),
        readings=((dt.date(2022, 10, 1), "67"), (dt.date(2024, 1, 1), "88")),
    ),
    RealKpi(
        project="swag_prehab",
        owner=lead_email("swag"),
        name="Monthly views of the prehabilitation platform",
        category="delivery",
        definition="Page views of the regional digital prehabilitation platform each month."
        + NO_TARGET,
        unit="views",
        data_source="Platform analytics published in the project's outcomes summary",
        frequency="monthly",
        target_value="140",
        target_date=dt.date(2023, 12, 31),
        readings=((dt.date(2023, 8, 1), "140"), (dt.date(2023, 12, 1), "222")),
    ),
    RealKpi(
        project="swag_prehab",
        owner=lead_email("swag"),
        name="Monthly users of the prehabilitation platform",
        category="delivery",
        definition="People using the regional digital prehabilitation platform each month."
        + NO_TARGET,
        unit="users",
        data_source="Platform analytics published in the project's outcomes summary",
        frequency="monthly",
        target_value="77",
        target_date=dt.date(2023, 12, 31),
        readings=((dt.date(2023, 8, 1), "77"), (dt.date(2023, 12, 1), "138")),
    ),
)
