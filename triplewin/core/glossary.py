"""Words from the guidance, explained for someone new to NHS-industry partnerships.

Each definition is written for the product and names the passage it rests on. Pages link a
term where it first appears through the `term()` template helper (config.jinja2_env), which
refuses a slug that is not here, so a link cannot point at a missing entry.
"""

from __future__ import annotations

from dataclasses import dataclass

GUIDE = "NHS Confederation and ABPI, Accelerating transformation (2024)"


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    meaning: str
    source: str


TERMS: tuple[Term, ...] = (
    Term(
        "abpi-code",
        "ABPI Code of Practice",
        "The rulebook that UK pharmaceutical companies sign up to. Clause 20 sets out what a "
        "partnership with the NHS must do, such as pooling resources and being open about it.",
        f"{GUIDE}, 'Types of NHS-industry partnership'",
    ),
    Term(
        "amendment",
        "Amendment (variation agreement)",
        "A recorded change to a project after it has started, such as a later end date or a "
        "new partner. The partners agree it in writing before the change takes effect.",
        f"{GUIDE}, 'Recommended Project Amendment Framework'",
    ),
    Term(
        "certification",
        "Certification",
        "A check and signature by a senior person at the pharmaceutical company confirming "
        "that a document meets the ABPI Code. The PID and the executive summary need it.",
        f"{GUIDE}, 'Project Initiation Document (PID)'",
    ),
    Term(
        "collaborative-working",
        "Collaborative working",
        "A partnership between one or more pharmaceutical companies and healthcare "
        "organisations in which every partner puts in something real (money, staff time, "
        "skills) and the project benefits patients, the NHS or both.",
        f"{GUIDE}, 'Collaborative and joint-working approaches: a comparison'",
    ),
    Term(
        "concept",
        "Project concept",
        "A short first description of the project: why it is needed, what it aims to do, "
        "what it will cost each partner and when. Every partner approves it before detailed "
        "planning starts.",
        f"{GUIDE}, 'Project Concept Framework'",
    ),
    Term(
        "disclosure-uk",
        "Disclosure UK",
        "A public website run by the ABPI where companies list the money and help in kind "
        "they gave to NHS organisations and health professionals each year.",
        f"{GUIDE}, 'Disclosure UK'",
    ),
    Term(
        "executive-summary",
        "Executive summary",
        "A short public account of the project's reasons, dates and aims. The company must "
        "publish it on its website before the project begins.",
        f"{GUIDE}, 'The executive summary'",
    ),
    Term(
        "governance-committee",
        "Governance committee",
        "The group in each partner organisation that reviews and approves the project's key "
        "documents, such as the concept and the PID.",
        f"{GUIDE}, case study on governance",
    ),
    Term(
        "joint-working",
        "Joint working",
        "A kind of collaborative working that must always benefit patients directly and "
        "must include the NHS as a partner.",
        f"{GUIDE}, 'Types of NHS-industry partnership'",
    ),
    Term(
        "outcomes",
        "Outcomes summary",
        "What the project achieved, measured against what it set out to do. The partners "
        "publish it within six months of the project ending.",
        f"{GUIDE}, 'Monitoring and evaluation'",
    ),
    Term(
        "pid",
        "Project initiation document (PID)",
        "The full plan agreed before the project starts: its aims, who does what, how it is "
        "run and how it will end if stopped early. The company certifies it and the project "
        "team and governance committees approve it.",
        f"{GUIDE}, 'Project Initiation Document (PID)'",
    ),
    Term(
        "progress-report",
        "Progress report",
        "A regular update on how the project is going against its plan, shared with every "
        "partner while the project runs.",
        f"{GUIDE}, 'Monitoring project progress'",
    ),
    Term(
        "spc-chart",
        "Statistical process control (SPC) chart",
        "A chart of a measure over time with limits showing its usual ups and downs. A point "
        "outside the limits, or a long run on one side, suggests something has really "
        "changed rather than chance.",
        "Our choice: NHS England's 'Making data count' approach, used for the project's measures",
    ),
    Term(
        "transfer-of-value",
        "Transfer of value",
        "Money or help in kind (such as staff time or equipment) that a company gives to an "
        "NHS organisation or health professional. Companies report these on Disclosure UK.",
        f"{GUIDE}, 'Disclosure UK'",
    ),
)

BY_SLUG = {t.slug: t for t in TERMS}


def lookup(slug: str) -> Term:
    """The term for a slug; a KeyError names a link to an entry that does not exist."""
    return BY_SLUG[slug]
