"""Demo people who sit on the stage 2 teams, committees and sign-offs. Every name is invented.

Each works for a real organisation in the demo. Clinicians and analysts on a team hold a
partnership lead membership because that is the only working role an organisation can give
someone who is neither a governance member, a signatory nor an administrator.
"""

from __future__ import annotations

from triplewin.demo.data.people import DOMAIN
from triplewin.demo.data.types import Person, Seat
from triplewin.organisations.models import Function, Role

LEAD = Role.PARTNERSHIP_LEAD
GOVERNANCE = Role.GOVERNANCE_MEMBER
SIGNATORY = Role.CERTIFICATION_SIGNATORY


def email(slug: str) -> str:
    return f"{slug}@{DOMAIN}"


def _person(slug: str, first: str, last: str, seat: Seat, can_do: str, *more: Seat) -> Person:
    return Person(email(slug), first, last, (seat, *more), can_do=can_do)


# Signatories and committee members: the people who certify and approve the documents.
AZ_SIGNATORY = email("signatory.astrazeneca")
SANOFI_SIGNATORY = email("signatory.sanofi")
ICB_SRO = email("rachel.denholm")
ULHT_LEGAL = email("deborah.kynaston")
AZ_SRO = email("imran.qadir")
AZ_LEGAL = email("hannah.greaves")
LCHS_SRO = email("julian.ashby")
SANOFI_SRO = email("alison.creed")
SANOFI_LEGAL = email("ruth.abernethy")
AZ_SALES = email("lewis.carney")

SIGN_OFF: tuple[Person, ...] = (
    Person(
        AZ_SIGNATORY,
        "Stuart",
        "Penrose",
        (Seat("astrazeneca", SIGNATORY, "Medical signatory, respiratory", Function.MEDICAL),),
        can_do=(
            "Certification signatory at AstraZeneca: certified version 1 of the children's "
            "asthma PID."
        ),
    ),
    Person(
        SANOFI_SIGNATORY,
        "Peter",
        "Lomax",
        (Seat("sanofi", SIGNATORY, "Medical signatory, diabetes", Function.MEDICAL),),
        can_do=(
            "Certification signatory at Sanofi: certified the PID and the executive summary of "
            "the community injectables project."
        ),
    ),
    _person(
        "rachel.denholm",
        "Rachel",
        "Denholm",
        Seat("lincs_icb", GOVERNANCE, "Director of strategy and innovation"),
        "Senior responsible officer on the ICB's committee: approved the children's asthma PID.",
    ),
    _person(
        "deborah.kynaston",
        "Deborah",
        "Kynaston",
        Seat("ulht", GOVERNANCE, "Head of legal services"),
        "Legal seat on the trust's committee for the children's asthma and injectables projects.",
    ),
    _person(
        "imran.qadir",
        "Imran",
        "Qadir",
        Seat("astrazeneca", GOVERNANCE, "Head of NHS partnerships", Function.PARTNERSHIP),
        "Senior responsible officer on AstraZeneca's committee: approved the children's asthma PID.",
    ),
    _person(
        "hannah.greaves",
        "Hannah",
        "Greaves",
        Seat("astrazeneca", GOVERNANCE, "Compliance manager", Function.LEGAL_COMPLIANCE),
        "Legal and compliance seat on AstraZeneca's committee.",
    ),
    _person(
        "julian.ashby",
        "Julian",
        "Ashby",
        Seat("lchs", GOVERNANCE, "Director of operations"),
        "Senior responsible officer on the community trust's committee for the injectables "
        "project.",
    ),
    _person(
        "alison.creed",
        "Alison",
        "Creed",
        Seat("sanofi", GOVERNANCE, "Head of NHS partnerships", Function.PARTNERSHIP),
        "Senior responsible officer on Sanofi's committee for the injectables project.",
    ),
    _person(
        "ruth.abernethy",
        "Ruth",
        "Abernethy",
        Seat("sanofi", GOVERNANCE, "Legal counsel, UK and Ireland", Function.LEGAL_COMPLIANCE),
        "Legal seat on Sanofi's committee for the injectables project.",
    ),
)

TEAM_PEOPLE: tuple[Person, ...] = (
    # Children's asthma: the ICB's side.
    _person(
        "anwen.hale",
        "Anwen",
        "Hale",
        Seat("lincs_icb", LEAD, "GP and clinical lead for children's asthma"),
        "Clinical lead on the children's asthma team; declared some past hospitality.",
    ),
    _person(
        "priyanka.dholakia",
        "Priyanka",
        "Dholakia",
        Seat("lincs_icb", LEAD, "Medicines optimisation pharmacist"),
        "ICB pharmacist on the children's asthma team; declared an indirect interest.",
    ),
    _person(
        "tom.ashworth",
        "Tom",
        "Ashworth",
        Seat("lincs_icb", LEAD, "Head of medicines management"),
        "Head of medicines management on the children's asthma team.",
    ),
    _person(
        "kerry.minto",
        "Kerry",
        "Minto",
        Seat("lincs_icb", LEAD, "Population health analyst"),
        "Analyst on the children's asthma team.",
    ),
    # Children's asthma: the trust's side.
    _person(
        "helena.vickery",
        "Helena",
        "Vickery",
        Seat("ulht", LEAD, "Consultant paediatrician, respiratory lead"),
        "Paediatric clinical lead with paid advisory work for AstraZeneca: sat out the vote "
        "on AstraZeneca's funded posts.",
    ),
    _person(
        "sian.pritchard",
        "Sian",
        "Pritchard",
        Seat("ulht", LEAD, "Paediatric asthma nurse specialist"),
        "Hospital asthma nurse on the children's asthma team.",
    ),
    # Children's asthma: the company's side.
    _person(
        "jonah.redfern",
        "Jonah",
        "Redfern",
        Seat("astrazeneca", LEAD, "Programme manager, respiratory", Function.PROGRAMME_MANAGEMENT),
        "AstraZeneca's programme manager on the children's asthma team.",
    ),
    _person(
        "camille.osei",
        "Camille",
        "Osei",
        Seat("astrazeneca", LEAD, "Medical affairs lead, respiratory", Function.MEDICAL),
        "AstraZeneca's medical affairs lead on the children's asthma team.",
    ),
    _person(
        "lewis.carney",
        "Lewis",
        "Carney",
        Seat("astrazeneca", LEAD, "Key account manager, Lincolnshire", Function.SALES),
        "Works in AstraZeneca's sales function: try adding him to a team and see the refusal.",
    ),
    # Community injectables: the community trust's side.
    _person(
        "maya.thornbury",
        "Maya",
        "Thornbury",
        Seat("lchs", LEAD, "Deputy medical director"),
        "Chairs the community injectables team and approved its PID for the team.",
    ),
    _person(
        "fern.whitaker",
        "Fern",
        "Whitaker",
        Seat("lchs", LEAD, "Diabetes specialist nurse lead"),
        "Clinical lead on the community injectables team; declared a sponsored conference place.",
    ),
    _person(
        "oskar.lund",
        "Oskar",
        "Lund",
        Seat("lchs", LEAD, "Lead pharmacist, community services"),
        "Pharmacist on the community injectables team.",
    ),
    _person(
        "dylan.pryce",
        "Dylan",
        "Pryce",
        Seat("lchs", Role.TEAM_MEMBER, "Community pharmacist, atrial fibrillation clinics"),
        "Team member on the atrial fibrillation team, in a post Bayer funds: records the weekly "
        "ECG wait he owns and has an open action from the steering group; decides nothing.",
    ),
    # Community injectables and cholesterol: the hospital trust's side.
    _person(
        "kwame.asante",
        "Kwame",
        "Asante",
        Seat("ulht", LEAD, "Consultant diabetologist"),
        "Hospital clinical lead on the community injectables team; declared private practice.",
    ),
    _person(
        "bronwen.tate",
        "Bronwen",
        "Tate",
        Seat("ulht", LEAD, "Cardiac rehabilitation nurse lead"),
        "Runs the lipid clinics on the cholesterol team.",
    ),
    # Community injectables: the company's side.
    _person(
        "ingrid.halvorsen",
        "Ingrid",
        "Halvorsen",
        Seat("sanofi", LEAD, "Medical affairs lead, diabetes", Function.MEDICAL),
        "Sanofi's medical affairs lead on the community injectables team.",
    ),
)

SETUP_PEOPLE: tuple[Person, ...] = (*SIGN_OFF, *TEAM_PEOPLE)
