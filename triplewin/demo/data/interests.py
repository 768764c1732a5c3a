"""Entries on the demo people's registers of interests. Everything here is invented.

Everyone else who works for a demo organisation makes a nil return when the demo loads, so
every team passes the conflicts rule and every decision maker has a current register. The
consultant paediatrician's paid advisory work for AstraZeneca is the interest that keeps her
out of the vote in the children's asthma steering meeting: the chair recorded that she may
join the discussion but not the vote.
"""

from __future__ import annotations

import datetime as dt

from triplewin.conflicts.models import Category, InterestType
from triplewin.demo.data.people_setup import email
from triplewin.demo.data.setup_types import Interest

INTERESTS: tuple[Interest, ...] = (
    Interest(
        email("helena.vickery"),
        Category.FINANCIAL,
        InterestType.OUTSIDE_EMPLOYMENT,
        "Paid member of AstraZeneca's UK advisory board on severe asthma in children: two "
        "half-day meetings a year, with the fee paid to me personally.",
        valid_from=dt.date(2025, 9, 1),
        org="astrazeneca",
        action_taken=(
            "I take no part in decisions or votes about AstraZeneca's role, funding or data "
            "access in any partnership."
        ),
    ),
    Interest(
        email("anwen.hale"),
        Category.FINANCIAL,
        InterestType.HOSPITALITY,
        "Dinner after an evening respiratory update for GPs, worth about £45.",
        valid_from=dt.date(2026, 5, 14),
        valid_to=dt.date(2026, 5, 14),
        org_name="GlaxoSmithKline UK Limited",
    ),
    Interest(
        email("priyanka.dholakia"),
        Category.INDIRECT,
        InterestType.OUTSIDE_EMPLOYMENT,
        "My husband works in Boehringer Ingelheim's market access team.",
        valid_from=dt.date(2023, 2, 1),
        org="boehringer",
        action_taken="I will not advise on formulary decisions about Boehringer Ingelheim products.",
    ),
    Interest(
        email("fern.whitaker"),
        Category.FINANCIAL,
        InterestType.SPONSORED_EVENTS,
        "Sanofi paid my registration and one night's hotel for a national diabetes nursing "
        "conference.",
        valid_from=dt.date(2026, 3, 10),
        valid_to=dt.date(2026, 3, 12),
        org="sanofi",
    ),
    Interest(
        email("kwame.asante"),
        Category.FINANCIAL,
        InterestType.PRIVATE_PRACTICE,
        "One private diabetes clinic a month, outside my NHS job plan.",
        valid_from=dt.date(2021, 6, 1),
        org_name="Own private practice (self-employed), Lincoln",
        action_taken="No patients are referred between my NHS and private lists.",
    ),
)
