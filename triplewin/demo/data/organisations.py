"""Real organisations named in the source documents, plus the bodies around them.

ODS codes are given only where they are well known; anything uncertain is left blank rather
than guessed. PCNs, cancer alliances and provider alliances sign agreements through a host
body, so they are marked as not being legal entities.
"""

from __future__ import annotations

from triplewin.demo.data.types import Org
from triplewin.organisations.models import OrgType

MIDLANDS = "Midlands"
NORTH_WEST = "North West"
NORTH_EAST_YORKS = "North East and Yorkshire"
LONDON = "London"
SOUTH_WEST = "South West"
UK = "United Kingdom"

# Integrated care boards come first: other organisations name them as their system.
ICBS: tuple[Org, ...] = (
    Org("lincs_icb", "NHS Lincolnshire Integrated Care Board", OrgType.ICB, "QJM", region=MIDLANDS),
    Org(
        "gm_icb",
        "NHS Greater Manchester Integrated Care Board",
        OrgType.ICB,
        "QOP",
        region=NORTH_WEST,
    ),
    Org(
        "lsc_icb",
        "NHS Lancashire and South Cumbria Integrated Care Board",
        OrgType.ICB,
        "QE1",
        region=NORTH_WEST,
    ),
    Org(
        "nenc_icb",
        "NHS North East and North Cumbria Integrated Care Board",
        OrgType.ICB,
        "QHM",
        region=NORTH_EAST_YORKS,
    ),
    Org(
        "sy_icb",
        "NHS South Yorkshire Integrated Care Board",
        OrgType.ICB,
        "QF7",
        region=NORTH_EAST_YORKS,
    ),
    Org(
        "wy_icb",
        "NHS West Yorkshire Integrated Care Board",
        OrgType.ICB,
        "QWO",
        region=NORTH_EAST_YORKS,
    ),
    Org(
        "nel_icb",
        "NHS North East London Integrated Care Board",
        OrgType.ICB,
        "QMF",
        region=LONDON,
    ),
    Org(
        "llr_icb",
        "NHS Leicester, Leicestershire and Rutland Integrated Care Board",
        OrgType.ICB,
        "QK1",
        region=MIDLANDS,
    ),
    Org(
        "glos_icb",
        "NHS Gloucestershire Integrated Care Board",
        OrgType.ICB,
        "QR1",
        region=SOUTH_WEST,
    ),
)

NHS_PROVIDERS: tuple[Org, ...] = (
    Org(
        "ulht",
        "United Lincolnshire Hospitals NHS Trust",
        OrgType.TRUST,
        "RWD",
        system="lincs_icb",
        region=MIDLANDS,
        website="https://www.ulh.nhs.uk",
    ),
    Org(
        "lchs",
        "Lincolnshire Community Health Services NHS Trust",
        OrgType.TRUST,
        "RY5",
        system="lincs_icb",
        region=MIDLANDS,
    ),
    Org(
        "lancs_teaching",
        "Lancashire Teaching Hospitals NHS Foundation Trust",
        OrgType.TRUST,
        "RXN",
        system="lsc_icb",
        region=NORTH_WEST,
    ),
    Org(
        "sheffield_teaching",
        "Sheffield Teaching Hospitals NHS Foundation Trust",
        OrgType.TRUST,
        "RHQ",
        system="sy_icb",
        region=NORTH_EAST_YORKS,
    ),
    Org(
        "barts",
        "Barts Health NHS Trust",
        OrgType.TRUST,
        "R1H",
        system="nel_icb",
        region=LONDON,
    ),
    Org(
        "uhl",
        "University Hospitals of Leicester NHS Trust",
        OrgType.TRUST,
        "RWE",
        system="llr_icb",
        region=MIDLANDS,
    ),
    Org(
        "leeds_teaching",
        "Leeds Teaching Hospitals NHS Trust",
        OrgType.TRUST,
        "RR8",
        system="wy_icb",
        region=NORTH_EAST_YORKS,
    ),
    # The outsider's organisation: deliberately a partner in none of the demo projects.
    Org(
        "royal_cornwall",
        "Royal Cornwall Hospitals NHS Trust",
        OrgType.TRUST,
        "REF",
        region=SOUTH_WEST,
    ),
    Org(
        "hartlepool_pcn",
        "Hartlepool Health Primary Care Network",
        OrgType.PCN,
        is_legal_entity=False,
        system="nenc_icb",
        region=NORTH_EAST_YORKS,
    ),
)

NHS_NETWORKS: tuple[Org, ...] = (
    Org(
        "lsc_cancer_alliance",
        "Lancashire and South Cumbria Cancer Alliance",
        OrgType.CANCER_ALLIANCE,
        is_legal_entity=False,
        system="lsc_icb",
        region=NORTH_WEST,
    ),
    # Spans several integrated care boards, so no single system is given.
    Org(
        "swag_cancer_alliance",
        "Somerset, Wiltshire, Avon and Gloucestershire (SWAG) Cancer Alliance",
        OrgType.CANCER_ALLIANCE,
        is_legal_entity=False,
        region=SOUTH_WEST,
    ),
    Org(
        "nhs_apa",
        "NHS Addictions Provider Alliance",
        OrgType.PROVIDER_ALLIANCE,
        is_legal_entity=False,
    ),
    Org(
        "hi_manchester",
        "Health Innovation Manchester",
        OrgType.HIN,
        system="gm_icb",
        region=NORTH_WEST,
        website="https://healthinnovationmanchester.com",
    ),
    Org(
        "hi_west",
        "Health Innovation West of England",
        OrgType.HIN,
        region=SOUTH_WEST,
    ),
    Org(
        "hi_east_midlands",
        "Health Innovation East Midlands",
        OrgType.HIN,
        region=MIDLANDS,
    ),
)

COMPANIES: tuple[Org, ...] = (
    Org(
        "astrazeneca",
        "AstraZeneca UK Limited",
        OrgType.PHARMACEUTICAL,
        region=UK,
        website="https://www.astrazeneca.co.uk",
    ),
    Org(
        "sanofi",
        "Sanofi UK",
        OrgType.PHARMACEUTICAL,
        region=UK,
        website="https://www.sanofi.co.uk",
    ),
    Org(
        "msd",
        "MSD UK",
        OrgType.PHARMACEUTICAL,
        region=UK,
        website="https://www.msd-uk.com",
    ),
    Org(
        "boehringer",
        "Boehringer Ingelheim Limited",
        OrgType.PHARMACEUTICAL,
        region=UK,
        website="https://www.boehringer-ingelheim.com/uk",
    ),
    Org(
        "gilead",
        "Gilead Sciences Limited",
        OrgType.PHARMACEUTICAL,
        region=UK,
        website="https://www.gilead.co.uk",
    ),
    Org(
        "bms",
        "Bristol Myers Squibb Pharmaceuticals Limited",
        OrgType.PHARMACEUTICAL,
        region=UK,
        website="https://www.bms.com/gb",
    ),
    Org(
        "jnj",
        "Johnson & Johnson",
        OrgType.PHARMACEUTICAL,
        region=UK,
        website="https://www.jnj.co.uk",
    ),
    Org(
        "novartis",
        "Novartis Pharmaceuticals UK Limited",
        OrgType.PHARMACEUTICAL,
        region=UK,
        website="https://www.novartis.com/uk-en",
    ),
    Org(
        "bayer",
        "Bayer plc",
        OrgType.PHARMACEUTICAL,
        region=UK,
        website="https://www.bayer.co.uk",
    ),
    Org("lunghealth", "LungHealth Ltd", OrgType.SME_HEALTHTECH, region=UK),
)

ORGANISATIONS: tuple[Org, ...] = (*ICBS, *NHS_PROVIDERS, *NHS_NETWORKS, *COMPANIES)
