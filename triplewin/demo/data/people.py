"""Demo people. Every name is invented; the organisations they sit in are real.

The first six are the named sign-ins that the README and the tests rely on. The rest give each
partner organisation a named partnership lead, so every project has someone to speak for it.
"""

from __future__ import annotations

from triplewin.demo.data.types import Person, Seat
from triplewin.organisations.models import Function, Role

DOMAIN = "demo.triplewin.test"
NHS_LEAD = f"nhs.lead@{DOMAIN}"
INDUSTRY_LEAD = f"industry.lead@{DOMAIN}"
GOVERNANCE = f"governance@{DOMAIN}"
OVERSIGHT = f"oversight@{DOMAIN}"
OUTSIDER = f"outsider@{DOMAIN}"
ADMIN = f"admin@{DOMAIN}"
PEOPLE_ADMIN = f"people.admin@{DOMAIN}"
IRC_ULHT = f"irc.ulht@{DOMAIN}"
BOEHRINGER_SIGNATORY = f"signatory.boehringer@{DOMAIN}"

LEAD = Role.PARTNERSHIP_LEAD
PARTNERSHIP = Function.PARTNERSHIP


def _lead(slug: str, first: str, last: str, org: str, title: str, function: str = "") -> Person:
    return Person(
        email=f"lead.{slug}@{DOMAIN}",
        first_name=first,
        last_name=last,
        seats=(Seat(org, LEAD, title, function),),
        can_do="Partnership lead who recorded this organisation's projects.",
    )


FEATURED: tuple[Person, ...] = (
    Person(
        NHS_LEAD,
        "Nadia",
        "Fairbrother",
        (
            Seat("ulht", LEAD, "Cardiometabolic partnerships lead"),
            Seat("ulht", Role.GOVERNANCE_MEMBER, "Member, internal review committee"),
        ),
        can_do=(
            "NHS partnership lead at United Lincolnshire Hospitals: record ideas, answer the "
            "scoping guide and checklist, write the concept and approve it for the trust. Also "
            "on the trust's governance committee: approve the children's asthma PID for it and "
            "watch the project move to 'PID approved'. Stage 3: the COPD discharge bundle is "
            "complete, with its outcomes published, a lessons review and a partner survey. "
            "Documents: on the community injectables project, download the PID, the pack, "
            "and check a PDF at 'Check a certified document'."
        ),
        featured=True,
    ),
    Person(
        INDUSTRY_LEAD,
        "Tomasz",
        "Greenhalgh",
        (Seat("boehringer", LEAD, "NHS partnerships manager", PARTNERSHIP),),
        can_do=(
            "Industry partnership lead at Boehringer Ingelheim: the cardio-diabetes community "
            "follow-up concept is waiting for this person's approval. The care home heart "
            "failure project has ended: its outcomes summary is a draft and its 2025 transfers "
            "of value are overdue for disclosure (see Deadlines and the Disclosure UK file)."
        ),
        featured=True,
    ),
    Person(
        GOVERNANCE,
        "Fiona",
        "Ashdown",
        (
            Seat(
                "boehringer",
                Role.GOVERNANCE_MEMBER,
                "Compliance manager",
                Function.LEGAL_COMPLIANCE,
            ),
        ),
        can_do=(
            "Governance committee member at Boehringer Ingelheim: review rule results and record "
            "the company's decision on a concept."
        ),
        featured=True,
    ),
    Person(
        OVERSIGHT,
        "Ravi",
        "Castellano",
        (Seat("lincs_icb", Role.SYSTEM_OVERSIGHT, "Head of system partnerships"),),
        can_do=(
            "System oversight at NHS Lincolnshire ICB: sees every partnership involving an "
            "organisation in the Lincolnshire system, read only, and the oversight dashboard "
            "(a stalled project, overdue reports and disclosures, value by organisation)."
        ),
        featured=True,
    ),
    Person(
        OUTSIDER,
        "Lowenna",
        "Pascoe",
        (Seat("royal_cornwall", LEAD, "Service improvement lead"),),
        can_do=(
            "Partnership lead at a trust that is in none of the demo projects: sees no project "
            "pages, only the public register."
        ),
        featured=True,
    ),
    Person(
        ADMIN,
        "Sam",
        "Whitlock",
        (Seat("lincs_icb", Role.ADMINISTRATOR, "Triple Win administrator"),),
        can_do="Django superuser: the admin site, organisations, memberships and the audit log.",
        superuser=True,
        featured=True,
    ),
    Person(
        PEOPLE_ADMIN,
        "Hollie",
        "Brandreth",
        (Seat("ulht", Role.ORGANISATION_ADMINISTRATOR, "Digital workforce manager"),),
        can_do=(
            "Organisation administrator at United Lincolnshire Hospitals: under People, invite "
            "colleagues by email, change their roles and mark leavers. Takes no project "
            "decisions."
        ),
        featured=True,
    ),
)

SUPPORTING: tuple[Person, ...] = (
    Person(
        BOEHRINGER_SIGNATORY,
        "Marcus",
        "Eldon",
        (
            Seat(
                "boehringer",
                Role.CERTIFICATION_SIGNATORY,
                "Medical signatory",
                Function.MEDICAL,
            ),
        ),
        can_do="Certification signatory at Boehringer Ingelheim.",
    ),
    Person(
        IRC_ULHT,
        "Owen",
        "Tallis",
        (Seat("ulht", Role.GOVERNANCE_MEMBER, "Chair, internal review committee"),),
        can_do="Chairs the trust's internal review committee.",
    ),
    _lead("lincs-icb", "Bethan", "Moorcroft", "lincs_icb", "Clinical transformation lead"),
    _lead("lchs", "Imogen", "Pardoe", "lchs", "Community cardiology service manager"),
    _lead("astrazeneca", "Leah", "Brightwell", "astrazeneca", "Partnership director", PARTNERSHIP),
    _lead(
        "sanofi",
        "Connor",
        "Whitby",
        "sanofi",
        "Project manager, NHS engagement",
        Function.PROGRAMME_MANAGEMENT,
    ),
    _lead("msd", "Ayesha", "Linford", "msd", "Oncology projects manager", PARTNERSHIP),
    _lead(
        "gilead", "Martin", "Quayle", "gilead", "Head of public health partnerships", PARTNERSHIP
    ),
    _lead("bms", "Grace", "Holloway", "bms", "NHS partnership lead", PARTNERSHIP),
    _lead(
        "jnj",
        "Dev",
        "Sandhu",
        "jnj",
        "Pathway optimisation lead",
        Function.PROGRAMME_MANAGEMENT,
    ),
    _lead("novartis", "Elena", "Marchetti", "novartis", "Partnerships manager", PARTNERSHIP),
    _lead("bayer", "Rhys", "Coverdale", "bayer", "Health system partnerships lead", PARTNERSHIP),
    _lead("lunghealth", "Kit", "Ambrose", "lunghealth", "Implementation lead"),
    _lead("hartlepool-pcn", "Joanne", "Tindall", "hartlepool_pcn", "PCN clinical pharmacist"),
    _lead(
        "lsc-cancer-alliance",
        "Priya",
        "Waddington",
        "lsc_cancer_alliance",
        "Senior project manager",
    ),
    _lead("lancs-teaching", "Oliver", "Brennand", "lancs_teaching", "Oncology service manager"),
    _lead("swag", "Megan", "Trelawny", "swag_cancer_alliance", "Prehabilitation lead"),
    _lead("nhs-apa", "Callum", "Firth", "nhs_apa", "Programme lead"),
    _lead("hi-manchester", "Zara", "Pennington", "hi_manchester", "Programme manager"),
    _lead("sheffield", "Ruth", "Calloway", "sheffield_teaching", "Oncology project lead"),
    _lead("barts", "Daniel", "Ofori", "barts", "Orthopaedic clinical director"),
    _lead("leicester", "Sunita", "Rawal", "uhl", "Renal service lead"),
    _lead("leeds", "Hamish", "Lockwood", "leeds_teaching", "Rheumatology service lead"),
    _lead("glos-icb", "Carys", "Penhaligon", "glos_icb", "Medicines optimisation lead"),
    _lead("hi-west", "Ben", "Tilling", "hi_west", "Programme lead"),
)

PEOPLE: tuple[Person, ...] = (*FEATURED, *SUPPORTING)


def lead_email(slug: str) -> str:
    return f"lead.{slug}@{DOMAIN}"
