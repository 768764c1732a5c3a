"""Key resources from the guidance, written in the product's own words.

The NHS Confederation/ABPI guidance (2024) offers two short key resources that belong beside
the team page and the stakeholder map: steps that help partners build trust, and examples of
stakeholder groups to engage in each care setting. The facts (the themes and the groups) come
from the guidance; every sentence here is our own.
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = "NHS Confederation/ABPI guidance (2024)"


@dataclass(frozen=True)
class Theme:
    name: str
    intro: str
    steps: tuple[str, ...]


TRUST_SOURCE = f"{SOURCE}, key resource: steps to build trust"

TRUST_STEPS: tuple[Theme, ...] = (
    Theme(
        "How the partnership is organised",
        "Agree early what you are trying to achieve and how you will decide.",
        (
            "Write the shared aim together, and tie it to what each organisation is already "
            "trying to improve.",
            "Make decisions in the open, and record why each one was taken.",
            "Own decisions jointly: every partner answers for the direction, the work and the "
            "results, not just its own part.",
        ),
    ),
    Theme(
        "How people behave",
        "Trust grows from how the team works week by week.",
        (
            "Say out loud what each partner brings, whether it is money, time, data or skill.",
            "Do what you said you would, by when you said you would.",
            "Share what you know, including what went wrong.",
            "Be ready to adapt the plan when the evidence changes.",
            "Expect to give ground as well as gain it.",
            "Remember that the NHS and a company work differently, and make room for it.",
        ),
    ),
    Theme(
        "Keeping things steady",
        "Changes part-way through are where confidence is most easily lost.",
        (
            "Keep the agreed budget and priorities fixed unless every partner agrees a change.",
            "Keep the same people where you can; when someone leaves, hand over properly.",
        ),
    ),
    Theme(
        "Learning from the results",
        "Show what happened, good or bad, so others can trust the next project too.",
        (
            "Record outcomes clearly and report them as promised.",
            "Plan how skills and knowledge pass to the people who carry the work on.",
            "Hold a structured review after the project (an after action review or similar) "
            "and act on what it finds.",
        ),
    ),
)


@dataclass(frozen=True)
class StakeholderSetting:
    setting: str
    groups: tuple[str, ...]


STAKEHOLDER_SOURCE = (
    f"{SOURCE}, key resource listing stakeholder groups to involve in each care setting"
)

STAKEHOLDER_PROMPTS: tuple[str, ...] = (
    "Who will feel the effects of the result?",
    "Whose view could help the project succeed, or stop it?",
    "Who should take part in the work itself?",
    "Who is not involved but should hear how it is going from start to finish?",
)

STAKEHOLDER_GROUPS: tuple[StakeholderSetting, ...] = (
    StakeholderSetting(
        "Primary care",
        (
            "GPs",
            "Pharmacists",
            "Patients and local residents",
            "Local Healthwatch",
            "Voluntary, community and social enterprise (VCSE) organisations",
        ),
    ),
    StakeholderSetting(
        "Secondary care",
        (
            "The chair of the trust's quality committee",
            "The chair of the medicines optimisation group",
            "Patients and local residents",
            "Local Healthwatch",
            "VCSE organisations",
        ),
    ),
    StakeholderSetting(
        "System level",
        (
            "The chair of the ICB's quality committee",
            "Patients and local residents",
            "Local Healthwatch",
            "VCSE organisations",
        ),
    ),
    StakeholderSetting(
        "Industry",
        (
            "Decision makers in the company",
            "Local company representatives",
            "Market access teams",
            "Project managers",
        ),
    ),
    StakeholderSetting(
        "Others",
        ("NHS England", "The Department of Health and Social Care", "Patient groups"),
    ),
)
