"""Stage 2 records added to the Lincolnshire projects whose earlier steps were imported.

Only what the services still allow in each project's state is recorded: the team and
committees until delivery ends, contributions until delivery starts, meetings until the
project completes. The care home project has completed, so its team can no longer change
and nothing is added to it.
"""

from __future__ import annotations

from triplewin.demo.data.people import IRC_ULHT, NHS_LEAD, lead_email
from triplewin.demo.data.people_setup import ICB_SRO, LCHS_SRO
from triplewin.demo.data.people_setup import email as e
from triplewin.demo.data.setup_types import (
    ActionItem,
    AgendaEntry,
    Brings,
    CommitteeSeat,
    MeetingSpec,
    Resolution,
    SetupSpec,
    TeamPlace,
)

ICB_LEAD = lead_email("lincs-icb")
LCHS_LEAD = lead_email("lchs")

# Published and about to start, so contributions can still be recorded.
CHOLESTEROL_SETUP = SetupSpec(
    project="lincs_cholesterol_after_acs",
    recorded_by=NHS_LEAD,
    expect_state="summary_published",
    team=(
        TeamPlace(NHS_LEAD, "ulht", "chair"),
        TeamPlace(e("bronwen.tate"), "ulht", "clinical_lead"),
        TeamPlace(lead_email("novartis"), "novartis", "partnership_lead"),
    ),
    committees=(CommitteeSeat("ulht", "sro", IRC_ULHT),),
    contributions=(
        Brings(
            "ulht",
            "staff_time",
            "Six-week lipid reviews in the cardiac rehabilitation clinics.",
            value=22_000,
            role="Cardiac rehabilitation nurse",
            hours=500,
        ),
        Brings(
            "ulht",
            "staff_time",
            "Advice on patients who do not reach their target after treatment is stepped up.",
            value=6_000,
            role="Consultant cardiologist",
            hours=40,
        ),
        Brings(
            "novartis",
            "project_management",
            "Project plan, milestones and reports to both partners.",
            value=30_000,
        ),
        Brings(
            "novartis",
            "money",
            "Pays for a part-time data analyst employed by the trust for the eighteen months.",
            value=28_000,
            role="Data analyst (0.5 whole-time equivalent)",
            funded_post=True,
            exit_strategy=(
                "The post ends with the project. The lipid reports it builds stay with the "
                "trust's cardiology audit team, who run them from then on."
            ),
            beyond_normal_roles=(
                "A new half-time analyst post for the project's lipid reports, on top of the "
                "audit team's usual work."
            ),
            retention_precautions=(
                "A new fixed-term post advertised openly; it does not fund an existing vacancy "
                "or anyone already employed."
            ),
        ),
    ),
)

# In delivery: the team and meetings carry on; contributions now change only by amendment.
AF_SETUP = SetupSpec(
    project="lincs_af_detection",
    recorded_by=ICB_LEAD,
    expect_state="in_delivery",
    team=(
        TeamPlace(ICB_LEAD, "lincs_icb", "chair"),
        TeamPlace(LCHS_LEAD, "lchs", "project_manager"),
        TeamPlace(e("dylan.pryce"), "lchs", "pharmacist"),
        TeamPlace(lead_email("bayer"), "bayer", "partnership_lead"),
    ),
    committees=(
        CommitteeSeat("lincs_icb", "sro", ICB_SRO),
        CommitteeSeat("lchs", "sro", LCHS_SRO),
    ),
    meetings=(
        MeetingSpec(
            title="Steering committee, monthly delivery review",
            kind="steering",
            location="Online (Microsoft Teams)",
            recorded_by=ICB_LEAD,
            agenda=(
                AgendaEntry("Apologies and declarations of interest"),
                AgendaEntry("Pulse check clinics: people seen and referred this month"),
                AgendaEntry("Stroke prevention reviews in the twenty practices"),
            ),
            present=(ICB_LEAD, LCHS_LEAD, e("dylan.pryce"), lead_email("bayer")),
            held=True,
            resolutions=(
                Resolution(
                    "Run two extra pulse check clinics on the coast over the winter, within "
                    "the agreed budget.",
                    item=2,
                ),
            ),
            actions=(
                ActionItem(
                    "Book rooms for the two extra coastal clinics.",
                    LCHS_LEAD,
                    due_in_days=10,
                ),
                ActionItem(
                    "Report how many people newly found with AF have started anticoagulation.",
                    e("dylan.pryce"),
                    due_in_days=14,
                ),
            ),
            minutes_approved=True,
        ),
    ),
)

DELIVERY_SETUPS: tuple[SetupSpec, ...] = (CHOLESTEROL_SETUP, AF_SETUP)
