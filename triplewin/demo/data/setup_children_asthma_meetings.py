"""The children's asthma steering committee: its first meeting (held) and its second (planned).

At the first meeting the trust's consultant paediatrician, who advises AstraZeneca for a fee,
is present. When the vote on AstraZeneca's funded posts opens, the service excludes her on
the strength of her declaration and the chair's record that she joins the discussion but not
the vote, so she is not listed among the voters here.
"""

from __future__ import annotations

from triplewin.demo.data.people import lead_email
from triplewin.demo.data.people_setup import email as e
from triplewin.demo.data.setup_types import ActionItem, AgendaEntry, MeetingSpec, Resolution

ICB_LEAD = lead_email("lincs-icb")
AZ_LEAD = lead_email("astrazeneca")

FUNDED_POSTS_ITEM = 3

FIRST = MeetingSpec(
    title="Steering committee 1",
    kind="steering",
    location="Online (Microsoft Teams)",
    recorded_by=ICB_LEAD,
    agenda=(
        AgendaEntry("Welcome, apologies and declarations of interest"),
        AgendaEntry("Terms of reference and meeting schedule"),
        AgendaEntry(
            "AstraZeneca-funded nurse trainer posts: who employs them, and the exit plan",
            relates_to="astrazeneca",
        ),
        AgendaEntry("What data AstraZeneca will see", relates_to="astrazeneca"),
        AgendaEntry("PID version 1: ready to submit?"),
    ),
    present=(
        ICB_LEAD,
        e("anwen.hale"),
        e("priyanka.dholakia"),
        e("tom.ashworth"),
        e("helena.vickery"),
        e("sian.pritchard"),
        AZ_LEAD,
        e("jonah.redfern"),
        e("camille.osei"),
    ),
    apologies=(e("kerry.minto"),),
    held=True,
    resolutions=(
        Resolution(
            "Terms of reference agreed. The committee meets monthly, with papers a week ahead "
            "and minutes within five working days.",
            item=2,
        ),
        Resolution(
            "The trust employs and line-manages the two nurse trainers and chooses who is "
            "appointed; AstraZeneca pays for the posts for twelve months and has no say in "
            "recruitment; at month 12 the ICB and the trust decide whether to keep them.",
            item=FUNDED_POSTS_ITEM,
            votes={
                ICB_LEAD: "for",
                e("anwen.hale"): "for",
                e("priyanka.dholakia"): "for",
                e("tom.ashworth"): "abstain",
                e("sian.pritchard"): "for",
                AZ_LEAD: "for",
                e("jonah.redfern"): "for",
                e("camille.osei"): "for",
            },
        ),
        Resolution(
            "AstraZeneca receives only the quarterly report of anonymised counts by PCN, with "
            "numbers under ten suppressed; no practice list or child is ever shared.",
            item=4,
        ),
        Resolution(
            "Submit PID version 1 for certification and for approval by the three governance "
            "committees.",
            item=5,
        ),
    ),
    actions=(
        ActionItem(
            "Circulate the highlight report template to all members.",
            e("jonah.redfern"),
            due_in_days=7,
            done=True,
        ),
        ActionItem(
            "Send the nurse trainer job description to the trust's recruitment team.",
            e("sian.pritchard"),
            due_in_days=14,
        ),
        ActionItem(
            "Test the at-risk search in two practices before it runs in all five PCNs.",
            e("kerry.minto"),
            due_in_days=21,
        ),
        ActionItem(
            "Send the draft data sharing agreement to each practice's data protection officer.",
            e("priyanka.dholakia"),
            due_in_days=28,
        ),
        ActionItem(
            "Book the first parents' panel session in a coastal town.",
            e("anwen.hale"),
            due_in_days=35,
        ),
    ),
    notes=(
        "Dr Vickery repeated her declared advisory work for AstraZeneca at the start and took "
        "no part in the vote on item 3. Kerry Minto sent apologies; the analyst actions were "
        "agreed with her beforehand."
    ),
)

SECOND = MeetingSpec(
    title="Steering committee 2",
    kind="steering",
    location="Online (Microsoft Teams)",
    recorded_by=ICB_LEAD,
    in_days=28,
    agenda=(
        AgendaEntry("Apologies and declarations of interest"),
        AgendaEntry("At-risk search: results from the two test practices"),
        AgendaEntry("Recruitment to the nurse trainer posts", relates_to="astrazeneca"),
        AgendaEntry("Governance committee decisions on PID version 1"),
    ),
)

MEETINGS = (FIRST, SECOND)
