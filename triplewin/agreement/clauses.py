"""The clauses every collaborative or joint working agreement must contain, as data.

The list follows the PID and the guidance: an agreement is drawn from the approved PID and
must say who the parties are, when it starts and how long it runs, and then cover each of the
topics below. One plain-English line explains each, for people who do not draft contracts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Clause:
    field: str
    name: str
    description: str
    medicines_only: bool = False
    is_flag: bool = False


CLAUSES: tuple[Clause, ...] = (
    Clause(
        "agreement_date",
        "Date of the agreement",
        "The date from which the partners are bound by it.",
    ),
    Clause(
        "term_months",
        "Term",
        "How many months the agreement runs for.",
    ),
    Clause(
        "benefits",
        "Benefits",
        "What patients, the NHS and the company each expect to gain, stated openly.",
    ),
    Clause(
        "financial_arrangements",
        "Financial arrangements",
        "Who pays for what, how much, when, and how money or benefits in kind are accounted for.",
    ),
    Clause(
        "roles_responsibilities",
        "Roles and responsibilities",
        "What each party and its named people will do, taken from the PID's RACI chart.",
    ),
    Clause(
        "success_measures",
        "Success measures",
        "How success will be measured, when it will be measured and who will measure it.",
    ),
    Clause(
        "publication_plans",
        "Publication plans",
        "What will be published about the project, where, and by when (including outcomes).",
    ),
    Clause(
        "formulary_position",
        "Formulary position",
        "Where a medicine is involved: its standing on the local formulary, so nobody is "
        "induced to prescribe it.",
        medicines_only=True,
    ),
    Clause(
        "contingency",
        "Contingency",
        "What happens if a partner cannot deliver its part, or the project meets a serious problem.",
    ),
    Clause(
        "dispute_resolution",
        "Dispute resolution",
        "How disagreements between the parties are raised, escalated and settled.",
    ),
    Clause(
        "exit_criteria",
        "Exit criteria",
        "When and how a party may leave or the project may be stopped, and who then does what.",
    ),
    Clause(
        "confidentiality",
        "Confidentiality and data protection",
        "How confidential, commercially sensitive and personal information is protected; "
        "companies never receive identifiable patient data.",
    ),
    Clause(
        "anti_bribery",
        "Anti-bribery and anti-corruption",
        "Each party complies with anti-bribery and anti-corruption law; nothing in the project "
        "is offered or accepted as a reward or an inducement.",
    ),
    Clause(
        "clinical_independence",
        "Clinical independence",
        "Clinicians stay free to choose treatments for each patient; the company has no say in "
        "clinical decisions, prescribing choices, formularies or guidelines.",
    ),
    Clause(
        "non_promotional",
        "Separation from promotion and marketing",
        "The project is kept apart from the company's promotional and marketing work, and no "
        "one from its sales function takes part.",
    ),
    Clause(
        "competition_confidentiality",
        "Competition and commercial confidentiality",
        "The parties follow competition law and protect commercially confidential information; "
        "what may be shared, with whom, and what stays confidential.",
    ),
    Clause(
        "code_breach_acknowledged",
        "What happens if the ABPI Code is breached",
        "The parties accept that a breach of the Code may force the agreement to be amended or "
        "ended.",
        is_flag=True,
    ),
)

CLAUSE_FIELDS = tuple(c.field for c in CLAUSES)


def required_clauses(*, involves_medicines: bool) -> tuple[Clause, ...]:
    return tuple(c for c in CLAUSES if involves_medicines or not c.medicines_only)
